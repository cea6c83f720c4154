package dev.patchexplorer.core.adaptive;

import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.image.RgbImage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapMassScorerTest {

    @Test
    void rectangleMassIsTheSumOfItsPixels() {
        double[] d = new double[5 * 4];
        for (int i = 0; i < d.length; i++) d[i] = i; // value = y * 5 + x
        MassMap m = new MassMap(d, 5, 4);
        // [1, 4) x [2, 4): rows 2 and 3, x = 1, 2, 3: (11 + 12 + 13) + (16 + 17 + 18) = 87
        assertEquals(87.0, m.mass(1, 2, 3, 2), 0);
        assertEquals(190.0, m.total(), 0); // 0 + 1 + ... + 19
        assertEquals(0.0, m.mass(2, 2, 0, 2), 0);
        assertThrows(IllegalArgumentException.class, () -> m.mass(3, 0, 3, 1));
    }

    @Test
    void aMassMustBeFiniteAndNotNegative() {
        assertThrows(IllegalArgumentException.class, () -> new MassMap(new double[] {1, -0.5, 0, 0}, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> new MassMap(new double[] {1, Double.NaN, 0, 0}, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> new MassMap(new double[] {1, Double.POSITIVE_INFINITY, 0, 0}, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> new MassMap(new double[3], 2, 2));
    }

    @Test
    void patchValuesSpreadEvenlyOverTheirPixelsAndAreCutToTheWindow() {
        // 64 x 48 image, patch 16: 4 x 3 patches; patch i holds value i + 1
        PatchGrid grid = PatchGrid.of(64, 48, GridSpec.of(16));
        double[] values = new double[12];
        for (int i = 0; i < 12; i++) values[i] = i + 1;
        // the 32 px window at (8, 8): of patch 0 (value 1) it holds x 8..15, y 8..15 = 64 of 256 pixels, a quarter
        MassMap m = MassMap.fromPatches(values, grid, 8, 8, 32);
        assertEquals(0.25 * 1, m.mass(0, 0, 8, 8), 1e-12);
        // patch 5 (row 1, column 1, value 6) lies whole inside: x 16..31, y 16..31 -> window 8..23
        assertEquals(6.0, m.mass(8, 8, 16, 16), 1e-12);
        // whole window: patches 0..2 of row 0 and 4..6 of row 1 and 8..10 of row 2 in part
        // columns: patch 0 half (8 of 16 px), patch 1 whole, patch 2 half; rows likewise: 0 half, 1 whole, 2 half
        double expected = 0;
        double[] colShare = {0.5, 1, 0.5, 0};
        double[] rowShare = {0.5, 1, 0.5};
        for (int r = 0; r < 3; r++) for (int c = 0; c < 4; c++) expected += values[r * 4 + c] * colShare[c] * rowShare[r];
        assertEquals(expected, m.total(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> MassMap.fromPatches(values, grid, 40, 0, 32));
    }

    @Test
    void theSplitsGoWhereTheMassIs() {
        // 64 px square, patches 8..32: 4 initial cells; a faint even background and one bright pixel at (50, 10)
        double[] d = new double[64 * 64];
        java.util.Arrays.fill(d, 0.001);
        d[10 * 64 + 50] = 5;
        MapMassScorer scorer = new MapMassScorer(new MassMap(d, 64, 64));
        RgbImage flat = new RgbImage(64, 64, new int[64 * 64]);
        Quadtree.Result r = Quadtree.tokenize(flat, new QuadtreeSpec(64, 8, 32, 10), scorer);
        assertEquals(10, r.tokens()); // 4 + 3 x 2
        QuadtreeTest.assertTilesOnce(r.cells(), 64);
        // first the top-right 32 px cell, then its quarter at (48, 0) holding the bright pixel
        List<QuadCell> expected = List.of(new QuadCell(0, 0, 32), new QuadCell(32, 0, 16), new QuadCell(48, 0, 8),
                new QuadCell(56, 0, 8), new QuadCell(48, 8, 8), new QuadCell(56, 8, 8), new QuadCell(32, 16, 16),
                new QuadCell(48, 16, 16), new QuadCell(0, 32, 32), new QuadCell(32, 32, 32));
        assertEquals(expected, r.cells());
        // a budget past the uniform grid splits everything, still once per pixel
        Quadtree.Result all = Quadtree.tokenize(flat, new QuadtreeSpec(64, 8, 32, 1000), scorer);
        assertEquals(64, all.tokens());
        QuadtreeTest.assertTilesOnce(all.cells(), 64);
        assertTrue(scorer.score(flat, new QuadCell(48, 0, 16), 8) < scorer.score(flat, new QuadCell(32, 0, 16), 8));
    }

    @Test
    void aMapOfAnotherSizeIsRefused() {
        MapMassScorer scorer = new MapMassScorer(new MassMap(new double[16], 4, 4));
        assertThrows(IllegalArgumentException.class, () -> scorer.score(new RgbImage(8, 8, new int[64]), new QuadCell(0, 0, 8), 4));
    }
}
