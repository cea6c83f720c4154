package dev.patchexplorer.model;

import dev.patchexplorer.core.tradeoff.MemoryBudget;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.tradeoff.VitShape;
import dev.patchexplorer.core.vit.PatchMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The refusal states the readouts' number (all layers x heads x N^2 x 4 bytes), checks the heap's half for
 * the attention copies first, then the whole pass against native memory, and names what fits.
 */
class AttentionBudgetTest {
    private static final long GIB = 1L << 30;
    private static final VitShape VIT_TI = new VitShape(192, 12, 3, 768, 1, 1000);

    @Test
    void vitTinyAt15626TokensNeeds32Point7GiB() {
        // 3 heads x 15,626^2 x 4 bytes = 2,930,062,512 per layer; x 12 layers = 35,160,750,144 = 32.75 GiB.
        AttentionTooLargeException e = assertThrows(AttentionTooLargeException.class,
                () -> AttentionBudget.check(VIT_TI, 16, PassKind.ATTENTION_MAPS, 12, 125, 125, 250, 250,
                        new MemoryBudget(Long.MAX_VALUE, GIB), null, 2 * GIB));
        assertEquals(35_160_750_144L, e.bytesNeeded());
        assertEquals(15_626, e.tokens());
        assertEquals(12, e.layers());
        assertEquals(AttentionTooLargeException.Limit.HEAP, e.limit());
        assertTrue(e.getMessage().contains("15,626 tokens need 32.7 GiB"), e.getMessage());
        assertTrue(e.getMessage().contains("2.00 GiB"), e.getMessage());
    }

    @Test
    void halfTheHeapIsTheLimitForAttentionCopies() {
        long need = 35_160_750_144L;
        assertDoesNotThrow(() -> AttentionBudget.check(VIT_TI, 16, PassKind.ATTENTION_MAPS, 12, 125, 125, 250, 250,
                MemoryBudget.ofMachine(Long.MAX_VALUE / 2, 2 * need, 2 * need), null, 2 * need));
        assertThrows(AttentionTooLargeException.class, () -> AttentionBudget.check(VIT_TI, 16, PassKind.ATTENTION_MAPS,
                12, 125, 125, 250, 250, MemoryBudget.ofMachine(Long.MAX_VALUE / 2, 2 * need - 2, 2 * need - 2), null, 2 * need - 2));
        // A logits pass copies nothing out: the heap does not limit it.
        assertDoesNotThrow(() -> AttentionBudget.check(VIT_TI, 16, PassKind.LOGITS, 12, 125, 125, 250, 250,
                new MemoryBudget(Long.MAX_VALUE, 0), null, 0));
    }

    @Test
    void theWholePassAgainstNativeMemoryNamesThePatchAndSizeThatFit() {
        // Patch 2 at 518 px, logits: 1,315,527,406,288 bytes (PassMemoryTest's hand-worked sum); in 1 GiB
        // patch 14 fits at 518 px and patch 2 fits up to 77 px (PassMemoryTest works both out).
        AttentionTooLargeException e = assertThrows(AttentionTooLargeException.class,
                () -> AttentionBudget.check(VIT_TI, 16, PassKind.LOGITS, 12, 259, 259, 518, 518,
                        new MemoryBudget(GIB, Long.MAX_VALUE), new AttentionBudget.Setting(PatchMode.FLEXI, 2, 518, 518), 8 * GIB));
        assertEquals(AttentionTooLargeException.Limit.NATIVE, e.limit());
        assertEquals(1_315_527_406_288L, e.pass().nativeBytes());
        assertEquals(647_999_240_256L, e.bytesNeeded());
        assertEquals(14, e.fittingPatch());
        assertEquals(77, e.fittingSize());
        // 647,999,240,256 / 2^30 = 603.496 GiB; 1,315,527,406,288 / 2^40 = 1.196 TiB.
        assertEquals("too many tokens: 67,082 tokens need 603 GiB for the attention maps of all 12 layers and about 1.20 TiB"
                + " for the whole pass, more than the 1.00 GiB this computer can give it;"
                + " patch 14 or larger fits at 518 px, or a working size of 77 px or less", e.getMessage());
    }
}
