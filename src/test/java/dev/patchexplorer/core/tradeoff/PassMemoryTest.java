package dev.patchexplorer.core.tradeoff;

import dev.patchexplorer.core.vit.PatchMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pass estimate and the advice, against arithmetic done by hand for ViT-Ti (D 192, 12 blocks,
 * 3 heads, MLP 768, 1 class token, 1,000 classes). For a logits pass at patch p on a 518 px square, FLEXI,
 * g = floor(518 / p), N = g^2 + 1:
 * <ul>
 * <li>attention 12 x 3 x N^2 x 4 = 144 N^2;</li>
 * <li>other activations 12 x (3 N^2 + 23 x 192 N + 2 x 768 N) x 4 = 144 N^2 + 285,696 N, and the embedding
 *     and head (7 x 192 N + 192 + 1,000) x 4 = 5,376 N + 4,768: together 144 N^2 + 291,072 N + 4,768;</li>
 * <li>input 3 x (g p)^2 x 4 = 12 (g p)^2, and the patch kernel 3 x 192 x p^2 x 4 = 2,304 p^2.</li>
 * </ul>
 * In all 288 N^2 + 291,072 N + 4,768 + 12 (g p)^2 + 2,304 p^2.
 */
class PassMemoryTest {
    private static final VitShape VIT_TI = new VitShape(192, 12, 3, 768, 1, 1000);
    private static final long GIB = 1L << 30;
    private static final MemoryBudget ONE_GIB = new MemoryBudget(GIB, Long.MAX_VALUE);

    @Test
    void patch2At518Px() {
        // g = 259, N = 67,082, N^2 = 4,499,994,724.
        PassMemory m = PassMemory.vitAt(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 2, 518, 518);
        assertEquals(144L * 4_499_994_724L, m.attentionBytes());
        assertEquals(647_999_240_256L, m.attentionBytes());
        // 144 x 4,499,994,724 + 291,072 x 67,082 + 4,768 = 647,999,240,256 + 19,525,691,904 + 4,768
        assertEquals(144L * 4_499_994_724L + 291_072L * 67_082 + 4_768, m.activationBytes());
        assertEquals(667_524_936_928L, m.activationBytes());
        assertEquals(3_229_104L, m.inputBytes()); // 12 x 518^2 + 2,304 x 2^2 = 3,219,888 + 9,216
        assertEquals(1_315_527_406_288L, m.nativeBytes());
        assertEquals(0, m.heapBytes());
    }

    @Test
    void attentionMapsAlsoNeedTheHeapAndGradientsCountTwice() {
        PassMemory maps = PassMemory.vitAt(VIT_TI, PassKind.ATTENTION_MAPS, PatchMode.FLEXI, 16, 2, 518, 518);
        assertEquals(647_999_240_256L, maps.heapBytes());
        assertEquals(1_315_527_406_288L, maps.nativeBytes());
        PassMemory grad = PassMemory.vitAt(VIT_TI, PassKind.GRADIENT, PatchMode.FLEXI, 16, 2, 518, 518);
        assertEquals(2 * 1_315_527_406_288L, grad.nativeBytes());
        assertEquals(0, grad.heapBytes());
    }

    @Test
    void resizeModeFeedsTheGridAtTheNativePatch() {
        // patch 14 at 224: g = 16, N = 257; RESIZE input 16 x 16 = 256 px a side, cut with the native kernel:
        // 12 x 256^2 + 2,304 x 16^2 = 786,432 + 589,824.
        PassMemory m = PassMemory.vitAt(VIT_TI, PassKind.LOGITS, PatchMode.RESIZE, 16, 14, 224, 224);
        assertEquals(1_376_256L, m.inputBytes());
        assertEquals(288L * 257 * 257 + 291_072L * 257 + 4_768, m.attentionBytes() + m.activationBytes());
        assertEquals(93_832_384L, m.attentionBytes() + m.activationBytes());
    }

    @Test
    void oneBlockIsTheReadoutsActivationsPerBlock() {
        // ViT-B/16 at 224: the readouts' pinned figure, 4 x (2 H N^2 + 23 N D + 2 N M), N 197:
        // 4 x (2 x 12 x 38,809 + 23 x 197 x 768 + 2 x 197 x 3,072) = 4 x (931,416 + 3,479,808 + 1,210,368) = 22,486,368.
        VitShape vitB = VitArchitecture.standard("ViT-B/16", 768, 12, 12, 16, 224, 1000).shape();
        assertEquals(4L * (2 * 12 * 197 * 197 + 23 * 197 * 768 + 2 * 197 * 3072), PassMemory.activationBytesPerBlock(vitB, 197));
        assertEquals(22_486_368L, PassMemory.activationBytesPerBlock(vitB, 197));
    }

    @Test
    void smallestPatchThatFitsInOneGiB() {
        // p 13: g 39, N 1,522: 288 x 2,316,484 + 291,072 x 1,522 + 4,768 + 12 x 507^2 + 2,304 x 13^2
        //       = 667,147,392 + 443,011,584 + 4,768 + 3,084,588 + 389,376 = 1,113,637,708 > 1,073,741,824.
        // p 14: g 37, N 1,370: 288 x 1,876,900 + 291,072 x 1,370 + 4,768 + 12 x 518^2 + 2,304 x 14^2
        //       = 540,547,200 + 398,768,640 + 4,768 + 3,219,888 + 451,584 = 942,992,080, fits.
        assertEquals(1_113_637_708L, PassMemory.vitAt(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 13, 518, 518).nativeBytes());
        assertEquals(942_992_080L, PassMemory.vitAt(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 14, 518, 518).nativeBytes());
        assertEquals(14, PassAdvice.smallestFittingPatch(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 2, 518, 518, ONE_GIB));
        assertEquals(14, PassAdvice.smallestFittingPatch(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 13, 518, 518, ONE_GIB));
        assertEquals(15, PassAdvice.smallestFittingPatch(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 14, 518, 518, ONE_GIB));
    }

    @Test
    void largestWorkingSizeThatFitsInOneGiBAtPatch2() {
        // side 77: g 38, N 1,445: 288 x 2,088,025 + 291,072 x 1,445 + 4,768 + 12 x 76^2 + 2,304 x 2^2
        //       = 601,351,200 + 420,599,040 + 4,768 + 69,312 + 9,216 = 1,022,033,536, fits.
        // side 78: g 39, N 1,522: 667,147,392 + 443,011,584 + 4,768 + 12 x 78^2 + 9,216
        //       = 667,147,392 + 443,011,584 + 4,768 + 73,008 + 9,216 = 1,110,245,968 > 1 GiB.
        assertEquals(1_022_033_536L, PassMemory.vitAt(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 2, 77, 77).nativeBytes());
        assertEquals(1_110_245_968L, PassMemory.vitAt(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 2, 78, 78).nativeBytes());
        assertEquals(77, PassAdvice.largestFittingSize(VIT_TI, PassKind.LOGITS, PatchMode.FLEXI, 16, 2, 518, 518, ONE_GIB));
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
