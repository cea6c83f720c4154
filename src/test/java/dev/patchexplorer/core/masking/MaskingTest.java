package dev.patchexplorer.core.masking;

import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.tradeoff.TradeOffs;
import dev.patchexplorer.core.tradeoff.VitPresets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaskingTest {
    @Test
    void maeMasksRoundRatioTimesN() {
        PatchMask m = RandomMasking.generate(14, 14, 0.75, 1);
        assertEquals(147, m.maskedCount()); // MAE's default: 49 of 196 visible
        assertEquals(49, m.visibleCount());
        assertEquals(49, m.visibleIndices().length);
        assertEquals(3, RandomMasking.maskedCount(10, 0.33));  // 3.3
        assertEquals(5, RandomMasking.maskedCount(6, 0.75));   // 4.5 rounds up
        assertEquals(0, RandomMasking.maskedCount(196, 0));
        assertEquals(196, RandomMasking.maskedCount(196, 1));
        for (int n : new int[]{1, 7, 49, 196, 197, 3136}) {
            for (double r : new double[]{0, 0.1, 0.4, 0.5, 0.6, 0.75, 0.9, 1}) {
                int side = (int) Math.round(Math.sqrt(n));
                if (side * side != n) continue;
                assertEquals(Math.round(r * n), RandomMasking.generate(side, side, r, n).maskedCount(), n + " at " + r);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> RandomMasking.generate(14, 14, 1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> RandomMasking.generate(14, 14, Double.NaN, 1));
    }

    @Test
    void maeIsSeededAndUniform() {
        assertEquals(RandomMasking.generate(14, 14, 0.75, 42), RandomMasking.generate(14, 14, 0.75, 42));
        assertNotEquals(RandomMasking.generate(14, 14, 0.75, 42), RandomMasking.generate(14, 14, 0.75, 43));
        // over many seeds every patch is masked about 75 % of the time: no position is favoured
        int[] hits = new int[196];
        int runs = 4000;
        for (int s = 0; s < runs; s++) {
            PatchMask m = RandomMasking.generate(14, 14, 0.75, s);
            for (int i = 0; i < 196; i++) if (m.masked()[i]) hits[i]++;
        }
        for (int h : hits) assertEquals(0.75, (double) h / runs, 0.035); // 5 standard errors
    }

    @Test
    void beitBlocksMeetThePapersConstraints() {
        int reached = 0;
        for (long seed = 0; seed < 200; seed++) {
            BlockMasking.Result r = BlockMasking.generate(14, 14, 75, seed);
            PatchMask m = r.mask();
            assertTrue(m.maskedCount() <= 75, "never past the target");
            // while 16 or more are left any block that fits is taken, so a shortfall is under one block
            assertTrue(m.maskedCount() > 75 - BlockMasking.MIN_BLOCK, "count " + m.maskedCount());
            if (m.maskedCount() == 75) reached++;
            boolean[] union = new boolean[196];
            for (BlockMasking.Block b : r.blocks()) {
                assertTrue(b.area() >= 16, b.toString());
                double aspect = (double) b.height() / b.width();
                assertTrue(aspect >= 0.3 && aspect <= 1 / 0.3, b.toString());
                assertTrue(b.row() >= 0 && b.col() >= 0 && b.row() + b.height() <= 14 && b.col() + b.width() <= 14, b.toString());
                for (int y = b.row(); y < b.row() + b.height(); y++) for (int x = b.col(); x < b.col() + b.width(); x++) union[y * 14 + x] = true;
            }
            assertEquals(new PatchMask(14, 14, union), m, "the mask is exactly the union of its blocks");
        }
        assertTrue(reached >= 180, "the target is usually reached exactly: " + reached + " of 200");
        assertEquals(BlockMasking.generate(14, 14, 75, 9), BlockMasking.generate(14, 14, 75, 9));
        assertNotEquals(BlockMasking.generate(14, 14, 75, 9).mask(), BlockMasking.generate(14, 14, 75, 10).mask());
        assertEquals(78, BlockMasking.generate(14, 14, 0.4, 1).target()); // round(0.4 x 196)
        assertEquals(0, BlockMasking.generate(14, 14, 0, 1).mask().maskedCount());
    }

    @Test
    void simMimMasksWholeUnitsOnTheFinerGrid() {
        // 224 px, 32 px units: 7 x 7 = 49 units, ceil(0.6 x 49) = 30 masked; Swin's patch 4 grid is 56 x 56
        PatchMask swin = CoarseMasking.generate(224, 32, 4, 0.6, 5);
        assertEquals(56, swin.rows());
        assertEquals(30 * 64, swin.maskedCount());
        for (int ur = 0; ur < 7; ur++) {
            for (int uc = 0; uc < 7; uc++) {
                boolean first = swin.isMasked(ur * 8, uc * 8);
                for (int y = 0; y < 8; y++) for (int x = 0; x < 8; x++) assertEquals(first, swin.isMasked(ur * 8 + y, uc * 8 + x));
            }
        }
        // the same seed masks the same units whatever the model patch
        PatchMask vit = CoarseMasking.generate(224, 32, 16, 0.6, 5);
        assertEquals(30 * 4, vit.maskedCount());
        for (int y = 0; y < 14; y++) for (int x = 0; x < 14; x++) assertEquals(swin.isMasked(y * 4, x * 4), vit.isMasked(y, x));
        assertEquals(3, CoarseMasking.maskedUnits(5, 0.6));
        assertEquals(CoarseMasking.generate(224, 32, 16, 0.6, 5), vit);
        assertThrows(IllegalArgumentException.class, () -> CoarseMasking.generate(224, 32, 12, 0.6, 1));
        assertThrows(IllegalArgumentException.class, () -> CoarseMasking.generate(200, 32, 16, 0.6, 1));
    }

    /**
     * A 13 x 10 grid in 2 x 2 units: 7 x 5 = 35 units, the last row of units one patch high and the
     * last column whole; ceil(0.75 x 35) = 27 units masked, each unit all masked or all visible.
     */
    @Test
    void simMimOnAGridThatIsNoWholeNumberOfUnits() {
        PatchMask m = CoarseMasking.generateOnGrid(13, 10, 2, 0.75, 9);
        assertEquals(13, m.rows());
        assertEquals(10, m.cols());
        int maskedUnits = 0, maskedPatches = 0;
        for (int ur = 0; ur < 7; ur++) {
            for (int uc = 0; uc < 5; uc++) {
                boolean first = m.isMasked(ur * 2, uc * 2);
                int size = 0;
                for (int y = ur * 2; y < Math.min(13, ur * 2 + 2); y++) {
                    for (int x = uc * 2; x < uc * 2 + 2; x++, size++) assertEquals(first, m.isMasked(y, x));
                }
                assertEquals(ur == 6 ? 2 : 4, size);
                if (first) {
                    maskedUnits++;
                    maskedPatches += size;
                }
            }
        }
        assertEquals(27, maskedUnits);
        assertEquals(maskedPatches, m.maskedCount());
        // square and whole: the pixel form and the grid form are one masking
        assertEquals(CoarseMasking.generate(224, 32, 16, 0.6, 5), CoarseMasking.generateOnGrid(14, 14, 2, 0.6, 5));
        assertEquals(CoarseMasking.generateOnGrid(13, 10, 2, 0.75, 9), m);
        assertThrows(IllegalArgumentException.class, () -> CoarseMasking.generateOnGrid(13, 10, 0, 0.75, 9));
    }

    @Test
    void encoderComputeSavedByDroppingMaskedTokens() {
        var vitB = VitPresets.byName("vit_base_patch16_224").orElseThrow();
        MaskedCompute c = MaskedCompute.of(vitB, RandomMasking.generate(14, 14, 0.75, 3));
        assertEquals(197, c.fullTokens());
        assertEquals(50, c.visibleTokens());
        // 12 blocks x (12 x 50 x 768^2 + 2 x 50^2 x 768), by hand
        assertEquals(4_292_812_800L, c.visibleEncoderMacs());
        // the full encoder is the readouts' total less the patch embedding and the head
        TradeOffs t = TradeOffs.of(vitB, PatchGrid.of(224, 224, GridSpec.of(16)), Long.MAX_VALUE);
        assertEquals(t.totalMacs() - t.patchEmbeddingMacs() - t.headMacs(), c.fullEncoderMacs());
        assertEquals(1 - 4_292_812_800.0 / c.fullEncoderMacs(), c.savedFraction(), 1e-12);
        assertTrue(c.savedFraction() > 0.74 && c.savedFraction() < 0.76, "about three quarters: " + c.savedFraction());
    }
}
