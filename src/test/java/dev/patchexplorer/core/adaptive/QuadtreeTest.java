package dev.patchexplorer.core.adaptive;

import dev.patchexplorer.core.image.RgbImage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuadtreeTest {
    private static final List<PatchScorer> SCORERS = List.of(new BlurScorer(), GreyEntropy.scorer());

    /** Every pixel in exactly one cell. */
    static void assertTilesOnce(List<QuadCell> cells, int size) {
        int[] cover = new int[size * size];
        for (QuadCell c : cells) {
            assertTrue(c.x() + c.size() <= size && c.y() + c.size() <= size, c + " leaves the image");
            for (int y = c.y(); y < c.y() + c.size(); y++) for (int x = c.x(); x < c.x() + c.size(); x++) cover[y * size + x]++;
        }
        for (int i = 0; i < cover.length; i++) assertEquals(1, cover[i], "pixel " + (i % size) + "," + (i / size));
    }

    @Test
    void quadformerDefaultsReachTheBudgetAndTileOnce() {
        RgbImage img = TestImages.noise(256, 7);
        for (PatchScorer s : SCORERS) {
            Quadtree.Result r = Quadtree.tokenize(img, new QuadtreeSpec(256, 16, 64, 64), s);
            assertEquals(64, r.tokens());           // 16 + 3 x 16
            assertEquals(16, r.splits());
            assertTilesOnce(r.cells(), 256);
        }
    }

    @Test
    void countIsInitialPlusThreeKAndNeverOverBudget() {
        RgbImage img = TestImages.noise(128, 3);
        for (int budget = 4; budget <= 80; budget++) {
            Quadtree.Result r = Quadtree.tokenize(img, new QuadtreeSpec(128, 8, 64, budget), new BlurScorer());
            assertTrue(r.tokens() <= budget, "budget " + budget);
            assertEquals(4 + 3 * r.splits(), r.tokens());
            assertEquals((budget - 4) / 3, r.splits(), "budget " + budget); // the noise leaves enough to split
            assertTilesOnce(r.cells(), 128);
        }
    }

    @Test
    void minimumPatchesNeverSplit() {
        // a budget beyond the finest grid stops at it: (64 / 16)^2 = 16 cells, (16 - 1) / 3 = 5 splits
        Quadtree.Result r = Quadtree.tokenize(TestImages.noise(64, 1), new QuadtreeSpec(64, 16, 64, 1000), new BlurScorer());
        assertEquals(16, r.tokens());
        assertEquals(5, r.splits());
        assertTrue(r.cells().stream().allMatch(c -> c.size() == 16));
        assertTilesOnce(r.cells(), 64);
    }

    @Test
    void splitsGoWhereTheDetailIs() {
        // flat grey except a checkerboard in [80, 96) x [16, 32): it lies in the 64 px cell at (64, 0),
        // in that cell's 32 px quarter at (64, 0), in that quarter's 16 px quarter at (80, 16)
        RgbImage img = TestImages.flatWithDetail(128, 80, 16, 16);
        Set<QuadCell> expected = Set.of(
                new QuadCell(0, 0, 64), new QuadCell(0, 64, 64), new QuadCell(64, 64, 64),
                new QuadCell(96, 0, 32), new QuadCell(64, 32, 32), new QuadCell(96, 32, 32),
                new QuadCell(64, 0, 16), new QuadCell(80, 0, 16), new QuadCell(64, 16, 16), new QuadCell(80, 16, 16));
        for (PatchScorer s : SCORERS) {
            Quadtree.Result one = Quadtree.tokenize(img, new QuadtreeSpec(128, 16, 64, 7), s);
            assertTrue(one.cells().contains(new QuadCell(64, 0, 32)), one.cells().toString());
            assertTrue(one.cells().contains(new QuadCell(0, 0, 64)));
            Quadtree.Result two = Quadtree.tokenize(img, new QuadtreeSpec(128, 16, 64, 10), s);
            assertEquals(expected, new HashSet<>(two.cells()));
            assertTilesOnce(two.cells(), 128);
        }
    }

    @Test
    void sameInputSameCells() {
        RgbImage img = TestImages.flat(128, 50); // all scores tie: the raster order decides
        QuadtreeSpec spec = new QuadtreeSpec(128, 16, 64, 10);
        Quadtree.Result a = Quadtree.tokenize(img, spec, new BlurScorer());
        assertEquals(a.cells(), Quadtree.tokenize(img, spec, new BlurScorer()).cells());
        // the first cell in raster order splits first, then its first quarter (y, then x, decides the tie)
        assertTrue(a.cells().containsAll(List.of(new QuadCell(0, 0, 16), new QuadCell(16, 16, 16), new QuadCell(32, 0, 32),
                new QuadCell(64, 0, 64))), a.cells().toString());
    }

    @Test
    void entropyPartitionKeepsFlatPatchesLarge() {
        RgbImage img = TestImages.flatWithDetail(128, 80, 16, 16);
        List<QuadCell> cells = EntropyPartition.partition(img, 16, 64, Map.of(64, 4.0, 32, 6.0));
        // the checkerboard is 1 bit at 16 px and under 1 bit above: under both thresholds, nothing splits
        assertEquals(4, cells.size());
        List<QuadCell> strict = EntropyPartition.partition(img, 16, 64, Map.of(64, 0.1, 32, 0.1));
        assertEquals(10, strict.size());
        assertTrue(strict.contains(new QuadCell(80, 16, 16)));
        assertTrue(strict.contains(new QuadCell(96, 0, 32)));
        assertTilesOnce(strict, 128);
        assertThrows(IllegalArgumentException.class, () -> EntropyPartition.partition(img, 16, 64, Map.of(64, 4.0)));
    }

    @Test
    void impossibleSettingsAreRefusedInWords() {
        assertEquals("the maximum patch side 48 must be the minimum 16 times a power of two (each split halves the side)",
                assertThrows(IllegalArgumentException.class, () -> new QuadtreeSpec(192, 16, 48, 64)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new QuadtreeSpec(200, 16, 64, 64));
        assertEquals("a budget of 15 tokens is below the 16 patches of side 64 that cover the image",
                assertThrows(IllegalArgumentException.class, () -> new QuadtreeSpec(256, 16, 64, 15)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new QuadtreeSpec(256, 0, 64, 64));
        assertThrows(IllegalArgumentException.class, () -> new QuadtreeSpec(256, 64, 16, 64));
        assertThrows(IllegalArgumentException.class,
                () -> Quadtree.tokenize(TestImages.flat(64, 0), new QuadtreeSpec(128, 16, 64, 10), new BlurScorer()));
    }
}
