package dev.patchexplorer.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three readers of resident memory, on the text each system prints, and a live reading on this one. */
class ResidentMemoryTest {

    @Test
    void readsEachSystemsFormat() {
        assertEquals(123456, ResidentMemory.fromProcStatus(List.of("Name:\tjava", "VmPeak:\t 999 kB", "VmRSS:\t  123456 kB")));
        assertEquals(98765, ResidentMemory.fromPs("  98765\n"));
        assertEquals(123456, ResidentMemory.fromTasklist("\"java.exe\",\"4321\",\"Console\",\"1\",\"123,456 K\"\r\n"));
        assertEquals(123456, ResidentMemory.fromTasklist("\"java.exe\",\"4321\",\"Console\",\"1\",\"123.456 K\"\r\n"));
    }

    @Test
    void refusesOutputWithoutANumber() {
        assertThrows(IllegalStateException.class, () -> ResidentMemory.fromProcStatus(List.of("Name:\tjava")));
        assertThrows(IllegalStateException.class, () -> ResidentMemory.fromPs(""));
        assertThrows(IllegalStateException.class, () -> ResidentMemory.fromTasklist("INFO: No tasks are running which match the specified criteria."));
    }

    @Test
    void thisProcessHoldsAtLeastItsJavaHeapInUse() throws Exception {
        byte[] ballast = new byte[64 << 20];
        java.util.Arrays.fill(ballast, (byte) 1); // touch every page so that it is resident
        long used = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 10;
        long resident = ResidentMemory.kib();
        assertTrue(resident >= used && resident >= 64 << 10, "resident " + resident + " KiB, Java heap in use " + used + " KiB");
        assertEquals(1, ballast[ballast.length - 1]);
    }
}
