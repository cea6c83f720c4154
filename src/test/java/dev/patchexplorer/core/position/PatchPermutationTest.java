package dev.patchexplorer.core.position;

import dev.patchexplorer.core.image.ChwImage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchPermutationTest {

    @Test
    void aSeededOrderIsAPermutationAndRepeatsForTheSameSeed() {
        int[] a = PatchPermutation.seeded(196, 7);
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) assertEquals(i, sorted[i]);
        assertArrayEquals(a, PatchPermutation.seeded(196, 7));
        assertFalse(Arrays.equals(a, PatchPermutation.seeded(196, 8)), "another seed, another order");
        int fixed = 0;
        for (int i = 0; i < a.length; i++) if (a[i] == i) fixed++;
        assertTrue(fixed < 10, fixed + " of 196 patches stayed in place; a uniform shuffle leaves about 1");
    }

    /** Two prefix values stay; place j takes token order[j]: by hand for order {2, 0, 1}. */
    @Test
    void tokensMoveBehindThePrefix() {
        float[] tokens = {9, 9, 0, 0, 1, 1, 2, 2}; // prefix token, then patches 0, 1, 2, width 2
        assertArrayEquals(new float[] {9, 9, 2, 2, 0, 0, 1, 1}, PatchPermutation.tokens(tokens, 2, 1, new int[] {2, 0, 1}));
    }

    /** A 4x4 one-channel image of 2x2 cells, each cell a constant 0..3, swapped by hand. */
    @Test
    void pixelsMoveCellByCell() {
        float[] v = new float[16];
        for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) v[y * 4 + x] = (y / 2) * 2 + x / 2 + 0.1f * (y % 2);
        ChwImage out = PatchPermutation.pixels(new ChwImage(1, 4, 4, v), 2, new int[] {3, 2, 1, 0});
        assertEquals(3f, out.get(0, 0, 0));
        assertEquals(3.1f, out.get(0, 1, 1));
        assertEquals(2f, out.get(0, 0, 3));
        assertEquals(1.1f, out.get(0, 3, 0));
        assertEquals(0.1f, out.get(0, 3, 3));
    }

    /** A 4x2 picture of two 2x2 cells swapped: each pixel lands at the same place in the other cell. */
    @Test
    void aPictureMovesCellByCellToo() {
        int[] px = {1, 2, 5, 6, 3, 4, 7, 8}; // cell 0 holds 1..4, cell 1 holds 5..8, row by row
        dev.patchexplorer.core.image.RgbImage swapped =
                PatchPermutation.pixels(new dev.patchexplorer.core.image.RgbImage(4, 2, px), 2, new int[] {1, 0});
        assertArrayEquals(new int[] {5, 6, 1, 2, 7, 8, 3, 4}, swapped.argb());
    }

    @Test
    void refusesWhatIsNotAPermutation() {
        assertThrows(IllegalArgumentException.class, () -> PatchPermutation.tokens(new float[4], 1, 1, new int[] {0, 0, 1}));
        assertThrows(IllegalArgumentException.class, () -> PatchPermutation.pixels(new ChwImage(1, 4, 4, new float[16]), 3, new int[] {0}));
    }
}
