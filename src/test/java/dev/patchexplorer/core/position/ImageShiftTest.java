package dev.patchexplorer.core.position;

import dev.patchexplorer.core.image.RgbImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class ImageShiftTest {
    private static final int F = 0xff808080;

    /** A 3x2 image moved by hand: right 1 and down 1, then left 2. */
    @Test
    void movesThePixelsAndFillsWhatIsUncovered() {
        RgbImage img = new RgbImage(3, 2, new int[] {1, 2, 3, 4, 5, 6});
        assertArrayEquals(new int[] {F, F, F, F, 1, 2}, ImageShift.shift(img, 1, 1, F).argb());
        assertArrayEquals(new int[] {3, F, F, 6, F, F}, ImageShift.shift(img, -2, 0, F).argb());
        assertArrayEquals(new int[] {F, F, F, F, F, F}, ImageShift.shift(img, 5, 0, F).argb());
        assertArrayEquals(img.argb(), ImageShift.shift(img, 0, 0, F).argb());
    }
}
