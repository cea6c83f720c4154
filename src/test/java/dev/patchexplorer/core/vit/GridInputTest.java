package dev.patchexplorer.core.vit;

import dev.patchexplorer.core.grid.EdgePolicy;
import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GridInputTest {
    private static final int FILL = 0xff7c7467;

    /** Every pixel a different colour, so any misplaced pixel shows. */
    private static RgbImage numbered(int w, int h) {
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) px[i] = 0xff000000 | i;
        return new RgbImage(w, h, px);
    }

    @Test
    void theDefaultGridIsTheTopLeftCropAsBefore() {
        PatchGrid g = PatchGrid.of(230, 224, GridSpec.of(16));
        assertEquals(InputPlan.of(PatchMode.RESIZE, 16, 16, 224, 230), GridInput.plan(PatchMode.RESIZE, g, 16));
        assertEquals(InputPlan.of(PatchMode.FLEXI, 32, 16, 224, 230),
                GridInput.plan(PatchMode.FLEXI, PatchGrid.of(230, 224, GridSpec.of(32)), 16));
        RgbImage img = numbered(230, 224);
        assertArrayEquals(Preprocess.crop(img, 0, 0, 224, 224).argb(), GridInput.pixels(img, g, 16, FILL).argb());
    }

    @Test
    void anOffsetGridStartsAtItsOffset() {
        PatchGrid g = PatchGrid.of(224, 224, new GridSpec(16, 16, 5, 5, EdgePolicy.CROP));
        assertEquals(13, g.cols());
        RgbImage img = numbered(224, 224);
        RgbImage in = GridInput.pixels(img, g, 16, FILL);
        assertArrayEquals(Preprocess.crop(img, 5, 5, 208, 208).argb(), in.argb());
        InputPlan plan = GridInput.plan(PatchMode.RESIZE, g, 16);
        assertEquals(13, plan.gridH());
        assertEquals(208, plan.inputW());
    }

    @Test
    void overlappingPatchesAreLaidSideBySide() {
        PatchGrid g = PatchGrid.of(64, 48, new GridSpec(16, 12, 5, 3, EdgePolicy.CROP));
        RgbImage img = numbered(64, 48);
        RgbImage in = GridInput.pixels(img, g, 16, FILL);
        assertEquals(g.cols() * 16, in.width());
        assertEquals(g.rows() * 16, in.height());
        for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.cols(); c++) {
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        assertEquals(img.get(g.cellX(c) + x, g.cellY(r) + y), in.get(c * 16 + x, r * 16 + y));
                    }
                }
            }
        }
    }

    @Test
    void inResizeModeEachMosaicTileIsItsPatchResizedAlone() {
        PatchGrid g = PatchGrid.of(60, 40, new GridSpec(8, 10, 1, 2, EdgePolicy.CROP));
        RgbImage img = numbered(60, 40);
        RgbImage in = GridInput.pixels(img, g, 16, FILL);
        RgbImage tile = Preprocess.resizeBicubic(Preprocess.crop(img, g.cellX(2), g.cellY(1), 8, 8), 16, 16);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) assertEquals(tile.get(x, y), in.get(2 * 16 + x, 16 + y));
        }
    }

    @Test
    void paddingBeyondTheImageTakesTheFillColour() {
        PatchGrid g = PatchGrid.of(20, 20, new GridSpec(16, 16, 0, 0, EdgePolicy.PAD));
        assertEquals(2, g.cols());
        RgbImage img = numbered(20, 20);
        RgbImage in = GridInput.pixels(img, g, 16, FILL);
        assertEquals(img.get(19, 19), in.get(19, 19));
        assertEquals(FILL, in.get(20, 5));
        assertEquals(FILL, in.get(5, 31));
    }

    @Test
    void meanColourRoundsTheImageNetMeanToBytes() {
        // 0.485, 0.456, 0.406 x 255 = 123.675, 116.28, 103.53
        assertEquals(0xff7c7468, GridInput.meanColour(new float[] {0.485f, 0.456f, 0.406f}));
    }

    @Test
    void anEmptyGridIsRefusedWithAReason() {
        PatchGrid g = PatchGrid.of(10, 10, GridSpec.of(16));
        assertThrows(IllegalArgumentException.class, () -> GridInput.plan(PatchMode.RESIZE, g, 16));
    }
}
