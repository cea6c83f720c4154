package dev.patchexplorer.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The refusal states the readouts' number: all layers x heads x N^2 x 4 bytes, against half the heap. */
class AttentionBudgetTest {
    private static final long GIB = 1L << 30;

    @Test
    void vitTinyAt15626TokensNeeds32Point7GiB() {
        // 3 heads x 15,626^2 x 4 bytes = 2,930,062,512 per layer; x 12 layers = 35,160,750,144 = 32.75 GiB.
        AttentionTooLargeException e = assertThrows(AttentionTooLargeException.class,
                () -> AttentionBudget.check(12, 3, 15_626, 2 * GIB));
        assertEquals(35_160_750_144L, e.bytesNeeded());
        assertEquals(15_626, e.tokens());
        assertEquals(12, e.layers());
        assertTrue(e.getMessage().contains("15,626 tokens need 32.7 GiB"), e.getMessage());
        assertTrue(e.getMessage().contains("2.00 GiB"), e.getMessage());
    }

    @Test
    void halfTheHeapIsTheLimit() {
        long need = 35_160_750_144L;
        assertDoesNotThrow(() -> AttentionBudget.check(12, 3, 15_626, 2 * need));
        assertThrows(AttentionTooLargeException.class, () -> AttentionBudget.check(12, 3, 15_626, 2 * need - 2));
    }
}
