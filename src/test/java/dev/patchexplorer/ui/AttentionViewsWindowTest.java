package dev.patchexplorer.ui;

import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.inference.AllHeads;
import dev.patchexplorer.ui.inference.HeadMaps;
import dev.patchexplorer.ui.inference.Heatmap;
import dev.patchexplorer.ui.io.Samples;
import dev.patchexplorer.ui.panels.HeadsView;
import dev.patchexplorer.ui.viewer.HeatmapOverlay.ScreenRect;
import dev.patchexplorer.ui.viewer.ViewTransform;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ViT in the real window (the tests' tiny one: ViT-Ti's 12 blocks and 3 heads, random weights): heatmap cells sit on the grid's cells whatever the offset and
 * stride, the mass threshold hides what it should, and the all-heads window shows a layers x heads grid that grows
 * with the window, for the class token and the clicked patch.
 */
@ExtendWith(ApplicationExtension.class)
class AttentionViewsWindowTest {
    private static final String VIT_TI = "vit_tiny_patch16_224.augreg_in21k_ft_in1k";

    @TempDir
    static Path settingsDir;
    @TempDir
    static Path models;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService inference = Executors.newSingleThreadExecutor();
    private ExplorerView view;
    private ExplorerViewModel model;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        model = new ExplorerViewModel(background);
        view = FxTestSupport.showMainWindow(stage, model, settingsDir, inference);
        view.navigator().navigate("attention"); // the view these tests are about
    }

    @AfterEach
    void closeModel() {
        if (view != null) { // null when the window never started
            onFx(() -> {
                view.models().closeModel();
                return null;
            });
        }
        inference.shutdown();
        background.shutdown();
    }

    private void loadVitAndChelsea() {
        Path vit = models.resolve(VIT_TI);
        try {
            if (!java.nio.file.Files.exists(vit)) TinyCheckpoints.vit(vit);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        onFx(() -> {
            view.models().loadModel(vit);
            view.openSample(Samples.first());
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.models().getModel() != null && model.getImage() != null));
    }

    /** A current heatmap computed on exactly the grid the window shows now. */
    private Heatmap waitForHeatmapOnCurrentGrid() {
        FxTestSupport.waitUntil(90, () -> onFx(() -> {
            Heatmap h = view.attention().getHeatmap();
            return h != null && !view.attention().busyProperty().get() && !view.attention().staleProperty().get()
                    && h.grid().equals(model.getGrid());
        }));
        return onFx(() -> view.attention().getHeatmap());
    }

    @Test
    void heatmapCellsSitOnTheGridCellsWithOffsetAndStride() {
        loadVitAndChelsea();
        onFx(() -> {
            view.attention().opacityProperty().set(1); // drawn colours are then exactly the colour map's
            model.gridStyleProperty().set(model.gridStyleProperty().get().withVisible(false));
            model.offsetXProperty().set(5);
            model.offsetYProperty().set(5);
            return null;
        });
        // patch 16, stride 16, offset 5: floor((224 - 5) / 16) = 13 cells a side
        Heatmap contiguous = waitForHeatmapOnCurrentGrid();
        assertEquals(13, contiguous.gridW());
        assertCellsDrawnOnGrid(contiguous);

        onFx(() -> {
            model.strideFollowsPatchProperty().set(false);
            model.strideProperty().set(12);
            return null;
        });
        // stride 12: floor((224 - 5 - 16) / 12) + 1 = 17 overlapping patches a side, 289 tokens for the model
        Heatmap overlapping = waitForHeatmapOnCurrentGrid();
        assertEquals(17, overlapping.gridW());
        assertEquals(17, overlapping.plan().gridH());
        assertCellsDrawnOnGrid(overlapping);
        String note = onFx(() -> ((Label) view.lookup("#attention-grid-note")).getText());
        assertTrue(note.contains("Stride 12") && note.contains("17 \u00d7 17"), note);
    }

    /**
     * Cell (r, c) must cover working x from 5 + 12c (or 16c) to where the next patch starts (the last
     * one to its own far edge), mapped to the screen by the viewer's transform; and the pixel drawn
     * at the middle of each such rectangle must be that cell's colour.
     */
    private void assertCellsDrawnOnGrid(Heatmap h) {
        PatchGrid g = onFx(() -> model.getGrid());
        ViewTransform t = onFx(() -> view.viewer().transform());
        List<ScreenRect> cells = onFx(() -> view.heatmapOverlay().screenCells(t));
        assertEquals(g.patchCount(), cells.size());
        double sx = onFx(() -> model.getWorking().scaleX()) * t.scale();
        double sy = onFx(() -> model.getWorking().scaleY()) * t.scale();
        onFx(() -> {
            view.viewer().paintNow();
            return null;
        });
        WritableImage canvas = onFx(() -> view.viewer().canvas().snapshot(null, null));
        int probed = 0;
        for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.cols(); c++) {
                int i = r * g.cols() + c;
                int width = c == g.cols() - 1 ? g.patch() : g.stride();   // stride <= patch in these cases
                int height = r == g.rows() - 1 ? g.patch() : g.stride();
                ScreenRect expected = new ScreenRect(t.translateX() + (5 + c * g.stride()) * sx,
                        t.translateY() + (5 + r * g.stride()) * sy, width * sx, height * sy);
                ScreenRect actual = cells.get(i);
                assertEquals(expected.x(), actual.x(), 1e-9, "x of cell " + i);
                assertEquals(expected.y(), actual.y(), 1e-9, "y of cell " + i);
                assertEquals(expected.width(), actual.width(), 1e-9, "width of cell " + i);
                assertEquals(expected.height(), actual.height(), 1e-9, "height of cell " + i);
                double cx = expected.x() + expected.width() / 2;
                double cy = expected.y() + expected.height() / 2;
                if (cx < 0 || cy < 0 || cx >= canvas.getWidth() || cy >= canvas.getHeight()) continue;
                Color drawn = FxTestSupport.pixel(canvas, cx, cy);
                Color wanted = color(ColorMap.VIRIDIS.argb(h.normalised(i)));
                assertTrue(FxTestSupport.near(drawn, wanted, 0.02), "cell " + i + " drawn " + drawn + ", expected " + wanted);
                probed++;
            }
        }
        assertTrue(probed > g.patchCount() / 2, "most cells are on screen: " + probed);
        // the 5 px offset margin at the top-left is left to the grid's shading, not painted with cell 0
        Color margin = FxTestSupport.pixel(canvas, t.translateX() + 2 * sx, t.translateY() + 2 * sy);
        assertTrue(!FxTestSupport.near(margin, color(ColorMap.VIRIDIS.argb(h.normalised(0))), 0.02), "margin " + margin);
    }

    private static Color color(int argb) {
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }

    @Test
    void massThresholdAndTheSmallMultiplesOfEveryHead(FxRobot robot) {
        loadVitAndChelsea();
        Heatmap full = waitForHeatmapOnCurrentGrid();
        onFx(() -> {
            view.attention().massPercentProperty().set(60);
            view.attention().massThresholdProperty().set(true);
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.attention().getHeatmap() != null
                && view.attention().getHeatmap().mask() != null && !view.attention().busyProperty().get()));
        Heatmap masked = onFx(() -> view.attention().getHeatmap());
        // independently: sort the rollout descending and count until 60 % of the total is reached
        double[] sorted = full.values().clone();
        Arrays.sort(sorted);
        double total = Arrays.stream(sorted).sum();
        int expected = 0;
        double sum = 0;
        for (int i = sorted.length - 1; i >= 0 && sum < 0.6 * total; i--, expected++) sum += sorted[i];
        assertEquals(expected, masked.mask().kept());
        assertTrue(expected > 0 && expected < 196, "a real threshold: " + expected);
        WritableImage img = onFx(() -> view.heatmapOverlay().image());
        for (int i = 0; i < 196; i++) {
            double alpha = img.getPixelReader().getColor(i % 14, i / 14).getOpacity();
            assertEquals(masked.shown(i) ? 1.0 : 0.0, alpha, 1e-9, "cell " + i);
        }
        assertEquals("Top 60 % of attention mass: " + expected + " of 196 patches shown",
                robot.lookup("#attention-legend-mass").queryAs(Label.class).getText());

        // the layers x heads grid, from the window the pane opens: 12 layers x 3 heads of the class token
        robot.interact(() -> robot.lookup("#attention-all-heads").queryButton().fire()); // may be scrolled out of view
        FxTestSupport.waitUntil(90, () -> onFx(() -> heads() != null && heads().tileCount() == 12 * 3));
        HeadsView heads = onFx(this::heads);
        assertEquals("head 3", onFx(() -> ((Label) heads.lookup("#heads-column-3")).getText()));
        assertEquals("layer 12", onFx(() -> ((Label) heads.lookup("#heads-row-12")).getText()));
        // its own pass copies every layer; layer 12's maps are those of the heatmap's pass (another pass,
        // another path through MapMaker), value for value
        AllHeads all = onFx(() -> heads.job().getHeads());
        HeadMaps last = onFx(() -> view.attention().getHeadMaps());
        assertEquals(12, last.layer());
        for (int h = 0; h < 3; h++) {
            assertEquals(196, all.maps()[11][h].length);
            for (int i = 0; i < 196; i++) assertEquals(last.maps().get(h)[i], all.maps()[11][h][i], 1e-6, "head " + h + " cell " + i);
            // the tile's colours are the head's values on its layer's scale
            int head = h;
            Color corner = onFx(() -> heads.tileMap(12, head + 1)).getPixelReader().getColor(0, 0);
            assertTrue(FxTestSupport.near(corner, color(ColorMap.VIRIDIS.argb(all.normalised(11, h, 0))), 0.005), "head " + h);
        }

        // the tiles grow with the window
        double small = onFx(heads::tileSize);
        Window headsWindow = onFx(() -> heads.getScene().getWindow());
        onFx(() -> {
            headsWindow.setWidth(1500);
            headsWindow.setHeight(1300);
            return null;
        });
        FxTestSupport.waitUntil(() -> onFx(() -> heads.tileSize() > small + 10));
        double large = onFx(heads::tileSize);
        double drawn = onFx(() -> Math.max(heads.lookup("#head-map-1-1").getLayoutBounds().getWidth(),
                heads.lookup("#head-map-1-1").getLayoutBounds().getHeight()));
        assertEquals(large, drawn, 1.0, "a tile's longer side is the computed size");
        assertEquals(36, onFx(heads::tileCount));

        // the clicked patch: patch (3, 5) = index 47; its row of layer 7 head 2 is the selected-patch map with that head
        onFx(() -> {
            model.selectedPatchProperty().set(47);
            heads.job().queryProperty().set(dev.patchexplorer.ui.inference.AllHeadsJob.Query.CLICKED_PATCH);
            view.attention().mapKindProperty().set(dev.patchexplorer.ui.inference.MapKind.SELECTED_PATCH);
            view.attention().layerProperty().set(7);
            view.attention().headProperty().set(dev.patchexplorer.ui.inference.HeadChoice.single(1));
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> heads.job().getHeads() != null && !heads.job().getHeads().classToken()
                && view.attention().getHeatmap() != null && !view.attention().busyProperty().get()
                && !view.attention().staleProperty().get()));
        AllHeads clicked = onFx(() -> heads.job().getHeads());
        assertEquals(3, clicked.queryRow());
        assertEquals(5, clicked.queryCol());
        double[] selected = onFx(() -> view.attention().getHeatmap().values());
        for (int i = 0; i < 196; i++) assertEquals(selected[i], clicked.maps()[6][1][i], 1e-6, "cell " + i);

        // the tiles follow the slider: patch 32 gives a 7 x 7 grid
        onFx(() -> {
            model.setPatch(32);
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> heads.job().getHeads() != null
                && heads.job().getHeads().grid().cols() == 7 && heads.tileCount() == 36));
        assertEquals(7, (int) onFx(() -> heads.tileMap(1, 1)).getWidth());
        assertEquals(7, (int) onFx(() -> heads.tileMap(12, 3)).getHeight());
    }

    private HeadsView heads() {
        for (Window w : Window.getWindows()) {
            if (w.getScene() != null && w.getScene().lookup("#heads-view") instanceof HeadsView v && w.isShowing()) return v;
        }
        return null;
    }
}
