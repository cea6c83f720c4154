package dev.patchexplorer.core.position;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShiftedPatchesTest {
    /**
     * A frame of n = 7 cells of P = 32 (224 px), moved k < P both ways: per axis W - k pixels stay, and of
     * those (n - 1)k cross into the next cell (the last cell's k crossing pixels leave the frame), so
     * (W - nk)² keep their cell: changed = (W - k)² - (W - nk)².
     */
    @Test
    void theCountFollowsTheHandWorkedFormula() {
        int w = 224, p = 32, n = 7;
        for (int k : new int[] {1, 5, 16, 31}) {
            ShiftedPatches.Count c = ShiftedPatches.count(w, w, p, k, k);
            assertEquals((long) (w - k) * (w - k), c.kept(), "kept at k = " + k);
            assertEquals((long) (w - k) * (w - k) - (long) (w - n * k) * (w - n * k), c.changed(), "changed at k = " + k);
        }
        // away from the edges: 1 - (1 - k/P)²; 8 of 32 is 1 - 9/16
        assertEquals(7 / 16.0, ShiftedPatches.interiorFraction(32, 8, 8), 1e-12);
        assertEquals(1.0, ShiftedPatches.interiorFraction(16, 16, 16), 1e-12);
        assertEquals(0.25, ShiftedPatches.interiorFraction(16, -4, 0), 1e-12);
    }

    @Test
    void aWholeCellOrMoreMovesEveryPixelAndNoShiftMovesNone() {
        ShiftedPatches.Count all = ShiftedPatches.count(64, 48, 16, 16, 20);
        assertEquals((64 - 16) * (48 - 20), all.kept());
        assertEquals(all.kept(), all.changed());
        ShiftedPatches.Count none = ShiftedPatches.count(64, 48, 16, 0, 0);
        assertEquals(64 * 48, none.kept());
        assertEquals(0, none.changed());
        assertEquals(0.0, none.fraction());
    }

    /** The separable count against a pixel-by-pixel one, any sign, any frame, any cell size. */
    @Test
    void theCountAgreesWithTheMaskPixelByPixel() {
        int[][] cases = {{50, 37, 8, 3, -5}, {20, 20, 7, -6, 2}, {33, 41, 16, 0, 9}, {12, 9, 5, 11, -8}};
        for (int[] c : cases) {
            int w = c[0], h = c[1], p = c[2], dx = c[3], dy = c[4];
            long kept = 0, changed = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sx = x - dx, sy = y - dy;
                    if (sx < 0 || sy < 0 || sx >= w || sy >= h) continue;
                    kept++;
                    if (ShiftedPatches.changedAt(x, y, w, h, p, dx, dy)) changed++;
                }
            }
            ShiftedPatches.Count count = ShiftedPatches.count(w, h, p, dx, dy);
            assertEquals(kept, count.kept());
            assertEquals(changed, count.changed());
        }
    }
}
