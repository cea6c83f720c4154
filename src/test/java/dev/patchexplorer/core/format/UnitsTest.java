package dev.patchexplorer.core.format;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnitsTest {
    @Test
    void bytesUseBinaryUnits() {
        assertEquals("512 B", Units.bytes(512));
        assertEquals("1.78 MiB", Units.bytes(12L * 197 * 197 * 4));      // ViT-B/16 attention, one layer
        assertEquals("21.3 MiB", Units.bytes(12L * 12 * 197 * 197 * 4));
        assertEquals("768 MiB", Units.bytes(12L * 4097 * 4097 * 4));
        assertEquals("12.0 GiB", Units.bytes(12L * 16385 * 16385 * 4));
    }

    @Test
    void countsAndGiga() {
        assertEquals("86,567,656", Units.count(86_567_656));
        assertEquals("86.57 M", Units.compact(86_567_656));
        assertEquals("5.72 M", Units.compact(5_717_416));
        assertEquals("147.6 k", Units.compact(147_648));
        assertEquals("17.56", Units.giga(17_561_816_064L));
        assertEquals("0.0123", Units.giga(12_300_000));
        assertEquals("127.3", Units.giga(127_300_000_000L));
        assertEquals("2,434.6", Units.giga(2_434_600_000_000L));
        assertEquals("81,087,106.7", Units.giga(81_087_106_700_000_000L));
    }

    @Test
    void percentAndRatio() {
        assertEquals("4.07 %", Units.percent(0.0407));
        assertEquals("47.0 %", Units.percent(0.47));
        assertEquals("4 : 1", Units.ratio(4.0));
        assertEquals("1 : 4", Units.ratio(0.25));
        assertEquals("1.5 : 1", Units.ratio(1.5));
    }
}
