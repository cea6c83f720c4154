package dev.patchexplorer.render;

import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.image.RgbImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exported picture, checked pixel by pixel against hand-worked values: its size (224 K square plus the
 * band of 6 + 30 + 14 per caption line + 6 px, times K), grid lines at x = k P K in the grid's colour, the
 * heatmap's extreme cells 60 % of viridis' published end colours (#440154, #fde725) over the photo, and
 * the legend bar running from one end colour to the other.
 */
class ViewRendererTest {
    private static final int GREY = 0x808080;
    private static final int SIZE = 224;
    private static final int P = 16;

    /** A flat grey image, the default 14 x 14 grid, values 0..195 row-major (top-left lowest, bottom-right highest). */
    private static ViewScene scene(GridLook look) {
        int[] px = new int[SIZE * SIZE];
        Arrays.fill(px, 0xff000000 | GREY);
        PatchGrid grid = PatchGrid.of(SIZE, SIZE, GridSpec.of(P));
        double[] values = new double[grid.patchCount()];
        for (int i = 0; i < values.length; i++) values[i] = i;
        return new ViewScene(new RgbImage(SIZE, SIZE, px), grid, look,
                HeatLayer.of(values, grid, ColorMap.VIRIDIS, 0.6, "rollout"), "a.png");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void sizeIsTheImageTimesKPlusTheBand(int k, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("view.png");
        PngFiles.write(ViewRenderer.render(scene(GridLook.DEFAULT), k), file);
        BufferedImage png = ImageIO.read(file.toFile());
        assertEquals(224 * k, png.getWidth());
        assertEquals((224 + 6 + 30 + 14 + 6) * k, png.getHeight(), "one caption line under a legend");
        assertEquals(6 + 30 + 14 + 6, ViewLayout.bandHeight(true, 1));
        assertEquals(6 + 2 * 14 + 6, ViewLayout.bandHeight(false, 2));
        assertTrue(Files.size(file) > 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void gridLinesLieAtMultiplesOfThePatchInTheGridColour(int k) {
        GridLook opaque = new GridLook(true, 0xff0000, 1.0, 1.0);
        BufferedImage img = ViewRenderer.render(scene(opaque), k);
        int y = (P / 2) * k; // inside the first row of cells, off every horizontal line
        for (int c = 0; c < SIZE / P; c++) assertEquals(0xff0000, img.getRGB(c * P * k, y) & 0xffffff, "line " + c);
        assertEquals(0xff0000, img.getRGB(SIZE * k - 1, y) & 0xffffff, "the far edge is drawn inside the picture");
        assertEquals(0xff0000, img.getRGB(y, 3 * P * k) & 0xffffff, "horizontal line 3");
        // a line is K pixels wide at scale K: the pixel after it is a cell's colour again
        assertTrue((img.getRGB(P * k + k, y) & 0xffffff) != 0xff0000);
    }

    @Test
    void translucentLinesBlendOverTheHeatmapOnce() {
        GridLook half = new GridLook(true, 0x0000ff, 1.0, 0.5);
        BufferedImage img = ViewRenderer.render(scene(half), 1);
        int under = blend(GREY, ColorMap.VIRIDIS.argb(0) & 0xffffff, 0.6); // cell 0 under the line at x = 0
        assertClose(blend(under, 0x0000ff, 0.5), img.getRGB(0, 8));
        assertClose(blend(under, 0x0000ff, 0.5), img.getRGB(0, 0)); // a crossing is blended once, not twice
    }

    @Test
    void extremeCellsAreTheMapsEndColoursAtTheOpacity() {
        BufferedImage img = ViewRenderer.render(scene(GridLook.DEFAULT), 2);
        int centre = P; // cell centre at 2x: (8 * 2)
        assertClose(blend(GREY, 0x440154, 0.6), img.getRGB(centre, centre));              // value 0, the minimum
        assertClose(blend(GREY, 0xfde725, 0.6), img.getRGB(13 * P * 2 + centre, 13 * P * 2 + centre)); // 195, the maximum
    }

    @Test
    void theLegendBarRunsFromTheLowToTheHighColour() {
        int k = 2;
        BufferedImage img = ViewRenderer.render(scene(GridLook.DEFAULT), k);
        int barY = (SIZE + ViewLayout.PAD + ViewLayout.BAR_HEIGHT / 2) * k;
        assertEquals(0x440154, img.getRGB(ViewLayout.PAD * k, barY) & 0xffffff);
        assertEquals(0xfde725, img.getRGB(SIZE * k - ViewLayout.PAD * k - 1, barY) & 0xffffff);
    }

    @Test
    void aLongCaptionWrapsAtItsSeparatorsAndTheBandGrows() {
        String caption = "chelsea.png · vit_tiny_patch16_224 · FlexiViT · patch 16 · rollout, mean of heads · input 224 px";
        ViewScene s = scene(GridLook.DEFAULT);
        ViewScene wide = new ViewScene(s.working(), s.grid(), s.gridLook(), s.heat(), caption);
        ViewLayout layout = ViewLayout.of(wide);
        assertTrue(layout.captionLines().size() > 1, "224 px cannot hold it on one line: " + layout.captionLines());
        assertEquals(caption, String.join(" · ", layout.captionLines()), "breaks fall on the separators only");
        BufferedImage img = ViewRenderer.render(wide, 4);
        assertEquals((224 + ViewLayout.bandHeight(true, layout.captionLines().size())) * 4, img.getHeight());
    }

    @Test
    void onlyScalesOneTwoAndFourAreOffered() {
        try {
            ViewRenderer.render(scene(GridLook.DEFAULT), 3);
        } catch (IllegalArgumentException e) {
            return;
        }
        throw new AssertionError("scale 3 was accepted");
    }

    private static int blend(int base, int colour, double a) {
        int r = (int) Math.round(((base >> 16) & 0xff) * (1 - a) + ((colour >> 16) & 0xff) * a);
        int g = (int) Math.round(((base >> 8) & 0xff) * (1 - a) + ((colour >> 8) & 0xff) * a);
        int b = (int) Math.round((base & 0xff) * (1 - a) + (colour & 0xff) * a);
        return r << 16 | g << 8 | b;
    }

    private static void assertClose(int expected, int actual) {
        for (int shift : new int[] {16, 8, 0}) {
            int e = (expected >> shift) & 0xff, a = (actual >> shift) & 0xff;
            assertTrue(Math.abs(e - a) <= 1, String.format("expected #%06x, got #%06x", expected & 0xffffff, actual & 0xffffff));
        }
    }
}
