package dev.patchexplorer.core.adaptive;

import dev.patchexplorer.core.image.RgbImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Quadformer's pixel-blur score, −sqrt(MSE x side), against hand-worked values. */
class BlurScorerTest {
    @Test
    void flatPatchLosesNothing() {
        assertEquals(0.0, new BlurScorer().score(TestImages.flat(32, 90), new QuadCell(0, 0, 32), 8), 0.0);
    }

    @Test
    void stripesBlurToTheirMean() {
        // one-pixel black/white stripes: every 2x2 block averages to 0.5, each value is 0.5 off it,
        // so MSE = 0.25 and the score of a 32 px patch at min 16 is -sqrt(0.25 x 32) = -sqrt(8)
        int[] px = new int[32 * 32];
        for (int i = 0; i < px.length; i++) px[i] = TestImages.grey((i % 2 == 0) ? 0 : 255);
        RgbImage img = new RgbImage(32, 32, px);
        assertEquals(0.25, BlurScorer.blurMse(img, new QuadCell(0, 0, 32), 16), 1e-12);
        assertEquals(-Math.sqrt(8), new BlurScorer().score(img, new QuadCell(0, 0, 32), 16), 1e-12);
        // at min 32 the patch is its own blur
        assertEquals(0.0, BlurScorer.blurMse(img, new QuadCell(0, 0, 32), 32), 0.0);
    }

    @Test
    void oneChannelOffCountsAsAThird() {
        // only red alternates 0/255 in a 2x2 block: red's MSE 0.25, green and blue 0 -> 0.25 / 3
        int[] px = {0xff000000, 0xffff0000, 0xffff0000, 0xff000000};
        assertEquals(0.25 / 3, BlurScorer.blurMse(new RgbImage(2, 2, px), new QuadCell(0, 0, 2), 1), 1e-12);
    }

    @Test
    void sideMustBeAMultipleOfTheMinimum() {
        assertThrows(IllegalArgumentException.class, () -> BlurScorer.blurMse(TestImages.flat(24, 0), new QuadCell(0, 0, 24), 16));
    }
}
