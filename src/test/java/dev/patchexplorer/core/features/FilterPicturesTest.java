package dev.patchexplorer.core.features;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FilterPicturesTest {

    /**
     * Two 1x1 filters (R, G, B). The first spans -1..3: R -1 -> 0, G 3 -> 255, B 1 -> 127.5, rounded to 128.
     * The second is 10x the first: the same picture, each filter stretched on its own.
     */
    @Test
    void eachFilterIsStretchedOnItsOwnOverAllChannels() {
        int[][] pics = FilterPictures.argb(new float[] {-1, 3, 1, -10, 30, 10}, 2, 1);
        assertArrayEquals(new int[] {0xff000000 | 255 << 8 | 128}, pics[0]);
        assertArrayEquals(pics[0], pics[1]);
    }

    /** A 2x2 filter with red 0..3 row by row and no green or blue: red 0, 85, 170, 255 in place. */
    @Test
    void pixelsKeepTheirPlace() {
        float[] k = {0, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0};
        assertArrayEquals(new int[] {0xff000000, 0xff550000, 0xffaa0000, 0xffff0000}, FilterPictures.argb(k, 1, 2)[0]);
    }

    @Test
    void aConstantFilterIsMidGrey() {
        int[][] pics = FilterPictures.argb(new float[] {0.5f, 0.5f, 0.5f}, 1, 1);
        assertArrayEquals(new int[] {0xff808080}, pics[0]);
    }

    @Test
    void refusesAKernelOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> FilterPictures.argb(new float[11], 1, 2));
    }
}
