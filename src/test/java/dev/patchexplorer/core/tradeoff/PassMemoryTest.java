package dev.patchexplorer.core.tradeoff;

import dev.patchexplorer.core.vit.PatchMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pass estimate and the advice, against arithmetic done by hand for ViT-Ti (D 192, 12 blocks,
 * 3 heads, MLP 768, 1 class token). For a logits pass at patch p on a 518 px square, FLEXI, g = floor(518 / p),
 * N = g^2 + 1: attention 12 x 3 x N^2 x 4 = 144 N^2; other activations 12 x N x (4 x 192 + 768) x 4 = 73,728 N;
 * input 3 x (g p)^2 x 4 = 12 (g p)^2.
 */
class PassMemoryTest {
    private static final VitShape VIT_TI = new VitShape(192, 12, 3, 768, 1);
    private static final long GIB = 1L << 30;
    private static final MemoryBudget ONE_GIB = new MemoryBudget(GIB, Long.MAX_VALUE);

    @Test
    void patch2At518Px() {
        // g = 259, N = 67,082, N^2 = 4,499,994,724.
        PassMemory m = PassMemory.vitAt(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 2, 518, 518);
        assertEquals(144L * 4_499_994_724L, m.attentionBytes());
        assertEquals(647_999_240_256L, m.attentionBytes());
        assertEquals(73_728L * 67_082, m.activationBytes());
        assertEquals(4_945_821_696L, m.activationBytes());
        assertEquals(3_219_888L, m.inputBytes()); // 12 x 518^2
        assertEquals(652_948_281_840L, m.nativeBytes());
        assertEquals(0, m.heapBytes());
    }

    @Test
    void attentionMapsAlsoNeedTheHeapAndGradientsCountTwice() {
        PassMemory maps = PassMemory.vitAt(VIT_TI, PassKind.ATTENTION_MAPS, PatchMode.FLEXI, 16, 2, 518, 518);
        assertEquals(647_999_240_256L, maps.heapBytes());
        assertEquals(652_948_281_840L, maps.nativeBytes());
        PassMemory grad = PassMemory.vitAt(VIT_TI, PassKind.GRADIENT, PatchMode.FLEXI, 16, 2, 518, 518);
        assertEquals(2 * 652_948_281_840L, grad.nativeBytes());
        assertEquals(0, grad.heapBytes());
    }

    @Test
    void resizeModeFeedsTheGridAtTheNativePatch() {
        // patch 14 at 224: g = 16, N = 257; RESIZE input 16 x 16 = 256 px a side: 12 x 256^2 = 786,432.
        PassMemory m = PassMemory.vitAt(VIT_TI, PassKind.LOGITS, PatchMode.RESIZE, 16, 14, 224, 224);
        assertEquals(786_432L, m.inputBytes());
        assertEquals(144L * 257 * 257 + 73_728L * 257, m.attentionBytes() + m.activationBytes());
    }

    @Test
    void oneBlockIsTheReadoutsActivationsPerBlock() {
        // ViT-B/16 at 224: the readouts' pinned figure, 4 x (4 N D + H N^2 + N M), N 197.
        VitShape vitB = VitArchitecture.standard("ViT-B/16", 768, 12, 12, 16, 224, 1000).shape();
        assertEquals(4L * (4 * 197 * 768 + 12 * 197 * 197 + 197 * 3072), PassMemory.activationBytesPerBlock(vitB, 197));
    }

    @Test
    void smallestPatchThatFitsInOneGiB() {
        // p 10: g 51, N 2,602: 144 x 6,770,404 + 73,728 x 2,602 + 12 x 510^2 = 974,938,176 + 191,840,256 + 3,121,200
        //       = 1,169,899,632 > 1,073,741,824.
        // p 11: g 47, N 2,210: 144 x 4,884,100 + 73,728 x 2,210 + 12 x 517^2 = 703,310,400 + 162,938,880 + 3,207,468
        //       = 869,456,748, fits.
        assertEquals(1_169_899_632L, PassMemory.vitAt(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 10, 518, 518).nativeBytes());
        assertEquals(869_456_748L, PassMemory.vitAt(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 11, 518, 518).nativeBytes());
        assertEquals(11, PassAdvice.smallestFittingPatch(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 2, 518, 518, ONE_GIB));
        assertEquals(11, PassAdvice.smallestFittingPatch(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 10, 518, 518, ONE_GIB));
        assertEquals(12, PassAdvice.smallestFittingPatch(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 11, 518, 518, ONE_GIB));
    }

    @Test
    void largestWorkingSizeThatFitsInOneGiBAtPatch2() {
        // g 49 (side 98 or 99): N 2,402: 144 x 5,769,604 + 73,728 x 2,402 + 12 x 98^2 = 830,822,976 + 177,094,656 + 115,248
        //       = 1,008,032,880, fits.
        // g 50 (side 100): N 2,501: 144 x 6,255,001 + 73,728 x 2,501 + 12 x 100^2 = 900,720,144 + 184,393,728 + 120,000
        //       = 1,085,233,872 > 1 GiB.
        assertEquals(1_008_032_880L, PassMemory.vitAt(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 2, 99, 99).nativeBytes());
        assertEquals(1_085_233_872L, PassMemory.vitAt(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 2, 100, 100).nativeBytes());
        assertEquals(99, PassAdvice.largestFittingSize(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 2, 518, 518, ONE_GIB));
    }

    @Test
    void nothingFitsAnEmptyBudget() {
        MemoryBudget none = new MemoryBudget(0, 0);
        assertEquals(0, PassAdvice.smallestFittingPatch(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 2, 518, 518, none));
        assertEquals(0, PassAdvice.largestFittingSize(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 2, 518, 518, none));
    }

    @Test
    void aPatchLargerThanTheImageHasNoPass() {
        assertNull(PassMemory.vitAt(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 600, 518, 518));
    }

    @Test
    void tokensPastALongDoNotFit() {
        PassMemory m = PassMemory.vitAt(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 1, 200_000, 200_000);
        assertEquals(Long.MAX_VALUE, m.nativeBytes());
        assertFalse(new MemoryBudget(Long.MAX_VALUE - 1, Long.MAX_VALUE - 1).fits(m));
    }

    @Test
    void machineBudget() {
        // 16 GiB available, heap at most 4 GiB of which 1 GiB taken: 16 - 3 - 1.6 GiB for tensors; half the heap for copies.
        MemoryBudget b = MemoryBudget.ofMachine(16 * GIB, 4 * GIB, GIB);
        assertEquals(17_179_869_184L - 3_221_225_472L - 1_717_986_918L, b.nativeBytes());
        assertEquals(2 * GIB, b.heapBytes());
        assertEquals(0, MemoryBudget.ofMachine(GIB, 8 * GIB, GIB).nativeBytes()); // the heap may take it all
    }

    @Test
    void fitsIsInclusiveOnBothLimits() {
        PassMemory m = new PassMemory(100, 20, 3, 50);
        assertTrue(new MemoryBudget(123, 50).fits(m));
        assertFalse(new MemoryBudget(122, 50).fits(m));
        assertFalse(new MemoryBudget(123, 49).fits(m));
    }
}
