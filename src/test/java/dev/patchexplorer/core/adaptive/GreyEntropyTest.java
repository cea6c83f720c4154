package dev.patchexplorer.core.adaptive;

import dev.patchexplorer.core.image.RgbImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** APT's grey-level entropy against the check values of SWEEP_AND_CONCEPTS.md section 3. */
class GreyEntropyTest {
    @Test
    void constantPatchHoldsNoInformation() {
        assertEquals(0.0, GreyEntropy.bits(TestImages.flat(16, 77), new QuadCell(0, 0, 16)), 0.0);
    }

    @Test
    void twoLevelCheckerboardIsOneBit() {
        RgbImage img = TestImages.flatWithDetail(16, 0, 0, 16);
        assertEquals(1.0, GreyEntropy.bits(img, new QuadCell(0, 0, 16)), 1e-12);
    }

    @Test
    void everyGreyLevelOnceIsEightBits() {
        int[] px = new int[256];
        for (int g = 0; g < 256; g++) px[(g * 37) % 256] = TestImages.grey(g); // each level once, shuffled
        assertEquals(8.0, GreyEntropy.bits(new RgbImage(16, 16, px), new QuadCell(0, 0, 16)), 1e-12);
    }

    @Test
    void quarterBlackIsHandWorked() {
        // 64 black of 256: H = -(1/4 log2 1/4 + 3/4 log2 3/4) = 0.811278...
        RgbImage img = TestImages.flat(16, 200);
        for (int i = 0; i < 64; i++) img.argb()[i] = TestImages.grey(0);
        assertEquals(0.8112781244591328, GreyEntropy.bits(img, new QuadCell(0, 0, 16)), 1e-12);
    }

    @Test
    void greyUsesTheBt601Weights() {
        assertEquals(0.2989 * 255, GreyEntropy.grey(0xffff0000), 1e-9);
        assertEquals(0.5870 * 255, GreyEntropy.grey(0xff00ff00), 1e-9);
        assertEquals(0.1140 * 255, GreyEntropy.grey(0xff0000ff), 1e-9);
        // red and green of about the same grey share a bin; that is what grey entropy means
        assertEquals(GreyEntropy.bin(GreyEntropy.grey(0xff000000 | 200 << 16)), GreyEntropy.bin(0.2989 * 200));
        assertEquals(0, GreyEntropy.bin(0));
        assertEquals(510, GreyEntropy.bin(255.0)); // bins of half a level over [0, 256): white is 2 x 255
        assertEquals(GreyEntropy.BINS - 1, GreyEntropy.bin(1e9));
    }

    @Test
    void onlyThePatchCounts() {
        RgbImage img = TestImages.flatWithDetail(32, 16, 16, 16);
        assertEquals(0.0, GreyEntropy.bits(img, new QuadCell(0, 0, 16)), 0.0);
        assertEquals(1.0, GreyEntropy.bits(img, new QuadCell(16, 16, 16)), 1e-12);
    }
}
