package dev.patchexplorer.model;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** -Dpatchexplorer.memoryLimit caps what a pass's tensors may take; a value that is no size leaves no cap. */
class SystemMemoryLimitTest {
    @AfterEach
    void clear() {
        System.clearProperty(SystemMemory.LIMIT_PROPERTY);
    }

    private static long limitOf(String value) {
        System.setProperty(SystemMemory.LIMIT_PROPERTY, value);
        return SystemMemory.limit();
    }

    @Test
    void readsBytesAndBinarySuffixes() {
        assertEquals(123_456, limitOf("123456"));
        assertEquals(512L * 1024, limitOf("512k"));
        assertEquals(300L * 1024 * 1024, limitOf("300M"));
        assertEquals(8L * 1024 * 1024 * 1024, limitOf(" 8g "));
    }

    @Test
    void noValueOrANonsenseValueMeansNoCap() {
        assertEquals(Long.MAX_VALUE, SystemMemory.limit());
        assertEquals(Long.MAX_VALUE, limitOf("lots"));
        assertEquals(Long.MAX_VALUE, limitOf("-5g"));
        assertEquals(Long.MAX_VALUE, limitOf("99999999999999999g"));
    }

    @Test
    void theCapLowersTheNativeBudgetOnly() {
        long heap = SystemMemory.budget().heapBytes();
        System.setProperty(SystemMemory.LIMIT_PROPERTY, "1m");
        assertEquals(1L << 20, SystemMemory.budget().nativeBytes());
        assertEquals(heap, SystemMemory.budget().heapBytes());
    }
}
