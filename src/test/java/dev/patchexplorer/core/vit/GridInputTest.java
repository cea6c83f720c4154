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

    /**
     * The shared model input: a flat grey picture comes out as (v/255 - mean)/std per channel, worked by
     * hand; a padded grid's pixels beyond the image are the mean colour, which normalises to about zero.
     */
    @Test
    void theModelInputIsTheCutNormalisedAndPaddingIsNearZero() {
        float[] mean = {0.485f, 0.456f, 0.406f};
        float[] std = {0.229f, 0.224f, 0.225f};
        int[] grey = new int[20 * 20];
        java.util.Arrays.fill(grey, 0xff808080); // 128 in every channel
        PatchGrid g = PatchGrid.of(20, 20, new GridSpec(8, 8, 0, 0, EdgePolicy.PAD)); // 3 x 3 patches, 4 px padded
        InputPlan plan = GridInput.plan(PatchMode.FLEXI, g, 16);
        dev.patchexplorer.core.image.ChwImage in = GridInput.modelInput(new RgbImage(20, 20, grey), g, plan, mean, std);
        assertEquals(24, in.width());
        assertEquals(24, in.height());
        for (int c = 0; c < 3; c++) {
            assertEquals((128 / 255.0 - mean[c]) / std[c], in.get(c, 5, 5), 1e-5, "inside, channel " + c);
            // the mean colour rounds each channel to 8 bits: at most half a level off, 0.5/255/std
            assertEquals(0, in.get(c, 22, 22), 0.5 / 255 / std[c] + 1e-6, "padding, channel " + c);
        }
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
