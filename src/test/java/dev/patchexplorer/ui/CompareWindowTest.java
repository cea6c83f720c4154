package dev.patchexplorer.ui;

import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.core.grid.EdgePolicy;
import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.tradeoff.TradeOffs;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.inference.AttentionJob;
import dev.patchexplorer.ui.inference.Heatmap;
import dev.patchexplorer.ui.io.Samples;
import dev.patchexplorer.ui.viewer.ImageViewer;
import dev.patchexplorer.ui.viewer.Overlay;
import dev.patchexplorer.ui.viewer.ViewTransform;
import dev.patchexplorer.ui.views.compare.CompareCentre;
import dev.patchexplorer.ui.views.compare.CompareView;
import dev.patchexplorer.ui.views.compare.CompareViewModel;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Compare view in the real window on the tests' tiny ViT: the panes zoom and pan together, the
 * table's costs are the readouts' formulas for each pane's grid, its predictions are the two jobs',
 * the swipe view shows A left of the divider and B right of it, and leaving the view brings the
 * single viewer back with B's job idle.
 */
@ExtendWith(ApplicationExtension.class)
class CompareWindowTest {
    private static final String VIT_TI = "vit_tiny_patch16_224.augreg_in21k_ft_in1k";

    @TempDir
    static Path settingsDir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService inference = Executors.newSingleThreadExecutor();
    private ExplorerView view;
    private ExplorerViewModel model;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        model = new ExplorerViewModel(background);
        view = FxTestSupport.showMainWindow(stage, model, settingsDir, inference);
        view.navigator().navigate(CompareView.ID);
    }

    @AfterEach
    void closeModel() {
        if (view != null) {
            onFx(() -> {
                view.models().closeModel();
                return null;
            });
        }
        inference.shutdown();
        background.shutdown();
    }

    private CompareView compareView() {
        return view.view(CompareView.ID, CompareView.class);
    }

    private CompareViewModel compare() {
        return onFx(() -> compareView().model());
    }

    private CompareCentre centre() {
        return onFx(() -> compareView().images());
    }

    /** The tiny ViT and chelsea loaded, and both panes' maps current: A at patch 16, B at {@code patchB}. */
    private void loadAndWait(Path models, int patchB, PatchMode modeB) throws IOException {
        Path vit = TinyCheckpoints.vit(models.resolve(VIT_TI));
        onFx(() -> {
            compare().patchBProperty().set(patchB);
            compare().modeBProperty().set(modeB);
            view.models().loadModel(vit);
            view.openSample(Samples.first());
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.models().getModel() != null && model.getImage() != null));
        waitForMap(view.attention(), 224 / 16, PatchMode.RESIZE);
        waitForMap(compare().jobB(), 224 / patchB, modeB);
    }

    private static void waitForMap(AttentionJob job, int grid, PatchMode mode) {
        try {
            waitForMapOnly(job, grid, mode);
        } catch (AssertionError e) {
            throw new AssertionError(onFx(() -> "map " + job.getHeatmap() + " busy " + job.busyProperty().get() + " stale "
                    + job.staleProperty().get() + " deferred " + job.deferredProperty().get() + " top " + job.predictionsProperty().get()
                    + " passes " + job.forwardPassesStarted()), e);
        }
    }

    private static void waitForMapOnly(AttentionJob job, int grid, PatchMode mode) {
        FxTestSupport.waitUntil(90, () -> onFx(() -> {
            Heatmap h = job.getHeatmap();
            return h != null && !job.busyProperty().get() && !job.staleProperty().get()
                    && h.gridW() == grid && h.gridH() == grid && h.plan().mode() == mode && !job.predictionsProperty().get().isEmpty();
        }));
    }

    private static double centreX(ViewTransform t) {
        return t.toImageX(t.viewWidth() / 2);
    }

    private static double centreY(ViewTransform t) {
        return t.toImageY(t.viewHeight() / 2);
    }

    @Test
    void zoomingOrPanningOnePaneMovesTheOther(FxRobot robot, @TempDir Path models) throws IOException {
        loadAndWait(models, 32, PatchMode.RESIZE);
        ImageViewer a = centre().viewerA();
        ImageViewer b = centre().viewerB();
        assertTrue(onFx(() -> a.getWidth() > 200 && b.getWidth() > 200), "both panes are on screen");
        assertEquals(onFx(a::getWidth), onFx(b::getWidth), 1.0, "the panes share the width equally");

        // both start fitted to their pane: chelsea is 451 x 300
        for (ImageViewer v : List.of(a, b)) {
            double fit = onFx(() -> Math.min(v.getWidth() / 451.0, v.getHeight() / 300.0));
            assertEquals(fit, onFx(() -> v.scaleProperty().get()), 1e-9, "fitted: " + onFx(v::transform));
        }

        // zoom A about a point off centre, the way a scroll does
        onFx(() -> {
            a.zoomAbout(a.scaleProperty().get() * 3, a.getWidth() * 0.3, a.getHeight() * 0.6);
            return null;
        });
        ViewTransform ta = onFx(a::transform);
        ViewTransform tb = onFx(b::transform);
        assertEquals(ta.scale(), tb.scale(), 1e-12);
        assertEquals(centreX(ta), centreX(tb), 1e-9, "the same image point at both panes' centres");
        assertEquals(centreY(ta), centreY(tb), 1e-9);
        assertTrue(ta.scale() > 1.5, "zoomed in: " + ta);

        // pan B with the mouse: A follows
        double before = onFx(() -> centreX(a.transform()));
        robot.drag(b).moveBy(-120, 40).release(javafx.scene.input.MouseButton.PRIMARY);
        FxTestSupport.waitUntil(() -> onFx(() -> Math.abs(centreX(a.transform()) - before) > 1));
        ta = onFx(a::transform);
        tb = onFx(b::transform);
        assertEquals(ta.scale(), tb.scale(), 1e-12);
        assertEquals(centreX(ta), centreX(tb), 1e-9);
        assertEquals(centreY(ta), centreY(tb), 1e-9);
        assertEquals(before + 120 / ta.scale(), centreX(ta), 2 / ta.scale(), "A moved by B's drag");

        // the View menu's zoom (Shortcut+=) acts on the panes, not on the hidden shared viewer
        double zoomed = onFx(() -> a.scaleProperty().get());
        double shared = onFx(() -> view.viewer().scaleProperty().get());
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        FxTestSupport.waitUntil(() -> onFx(() -> a.scaleProperty().get() > zoomed * 1.2));
        assertEquals(zoomed * 1.25, onFx(() -> a.scaleProperty().get()), 1e-9);
        assertEquals(zoomed * 1.25, onFx(() -> b.scaleProperty().get()), 1e-9);
        assertEquals(shared, onFx(() -> view.viewer().scaleProperty().get()));

        // Fit: both panes back to the whole image
        robot.clickOn("#compare-fit");
        for (ImageViewer v : List.of(a, b)) {
            double fit = onFx(() -> Math.min(v.getWidth() / 451.0, v.getHeight() / 300.0));
            assertEquals(fit, onFx(() -> v.scaleProperty().get()), 1e-9);
        }
    }

    @Test
    void theTableHoldsEachPanesCostsAndPredictions(@TempDir Path models) throws IOException {
        loadAndWait(models, 32, PatchMode.RESIZE);
        var arch = onFx(() -> model.architectureProperty().get());
        long heap = model.heapBytes();
        TradeOffs at16 = TradeOffs.of(arch, PatchGrid.of(224, 224, new GridSpec(16, 16, 0, 0, EdgePolicy.CROP)), heap);
        TradeOffs at32 = TradeOffs.of(arch, PatchGrid.of(224, 224, new GridSpec(32, 32, 0, 0, EdgePolicy.CROP)), heap);
        assertEquals(196, at16.patchTokens(), "(224 / 16)^2");
        assertEquals(49, at32.patchTokens(), "(224 / 32)^2");
        var pane = onFx(() -> compareView().pane());
        FxTestSupport.waitUntil(() -> onFx(() -> !pane.tableText("kl").equals("\u2014")));
        assertEquals(Units.count(196), onFx(() -> pane.tableText("tokens-a")));
        assertEquals(Units.count(49), onFx(() -> pane.tableText("tokens-b")));
        assertEquals(Messages.format("readout.gmacs.value", Units.giga(at16.totalMacs())), onFx(() -> pane.tableText("gmacs-a")));
        assertEquals(Messages.format("readout.gmacs.value", Units.giga(at32.totalMacs())), onFx(() -> pane.tableText("gmacs-b")));
        assertEquals(Units.bytes(at16.attentionBytesAllLayers()), onFx(() -> pane.tableText("memory-a")));
        assertEquals(Units.bytes(at32.attentionBytesAllLayers()), onFx(() -> pane.tableText("memory-b")));
        assertNotEquals(pane.tableText("gmacs-a"), pane.tableText("gmacs-b"));

        List<Prediction> topA = onFx(() -> view.attention().predictionsProperty().get());
        List<Prediction> topB = onFx(() -> compare().jobB().predictionsProperty().get());
        assertEquals(5, topA.size());
        assertEquals(5, topB.size());
        assertEquals(row(topA.get(0)), onFx(() -> pane.tableText("top1-a")));
        assertEquals(row(topB.get(0)), onFx(() -> pane.tableText("top1-b")));
        for (int i = 0; i < 5; i++) {
            int k = i;
            assertEquals(row(topA.get(k)), onFx(() -> pane.tableText("top5-a-" + k)));
            assertEquals(row(topB.get(k)), onFx(() -> pane.tableText("top5-b-" + k)));
        }
        long overlap = topB.stream().filter(p -> topA.stream().anyMatch(q -> q.index() == p.index())).count();
        assertEquals(Messages.format("compare.overlap.value", overlap), onFx(() -> pane.tableText("top5-overlap")));
        assertEquals(Messages.get(topA.get(0).index() == topB.get(0).index() ? "compare.yes" : "compare.no"),
                onFx(() -> pane.tableText("same-top1")));
        double kl = klByHand(onFx(() -> view.attention().logits()), onFx(() -> compare().jobB().logits()));
        assertTrue(kl > 0, "different grids, different distributions: " + kl);
        assertEquals(Messages.format("compare.kl.value", String.format(Locale.ROOT, "%.3f", kl)), onFx(() -> pane.tableText("kl")));

        // B's map answers A's question: its settings follow A's
        onFx(() -> {
            view.attention().discountArtifactsProperty().set(!view.attention().discountArtifactsProperty().get());
            view.attention().layerProperty().set(6);
            return null;
        });
        assertEquals(onFx(() -> view.attention().discountArtifactsProperty().get()), onFx(() -> compare().jobB().discountArtifactsProperty().get()));
        assertEquals(6, onFx(() -> compare().jobB().layerProperty().get()));
        assertEquals(onFx(() -> view.attention().mapKindProperty().get()), onFx(() -> compare().jobB().mapKindProperty().get()));
        waitForMap(view.attention(), 14, PatchMode.RESIZE);
        waitForMap(compare().jobB(), 7, PatchMode.RESIZE);

        // B at A's own settings: the very same pass, so full agreement and no divergence
        onFx(() -> {
            compare().patchBProperty().set(16);
            return null;
        });
        waitForMap(compare().jobB(), 14, PatchMode.RESIZE);
        FxTestSupport.waitUntil(() -> onFx(() -> pane.tableText("tokens-b").equals(Units.count(196))));
        assertEquals(Messages.get("compare.yes"), onFx(() -> pane.tableText("same-top1")));
        assertEquals(Messages.format("compare.overlap.value", 5), onFx(() -> pane.tableText("top5-overlap")));
        assertEquals(Messages.format("compare.kl.value", "0.000"), onFx(() -> pane.tableText("kl")));
        assertEquals(0, onFx(() -> compare().getComparison().kl()), 1e-9);
    }

    private static String row(Prediction p) {
        return p.label() + "  " + Messages.format("attention.probability", String.format(Locale.ROOT, "%.1f", 100 * p.probability()));
    }

    /** KL(p || q) of the softmaxes, written out here with a max shift (the metric's own code is not reused). */
    private static double klByHand(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double ma = Double.NEGATIVE_INFINITY, mb = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            ma = Math.max(ma, a[i]);
            mb = Math.max(mb, b[i]);
        }
        double za = 0, zb = 0;
        for (int i = 0; i < a.length; i++) {
            za += Math.exp(a[i] - ma);
            zb += Math.exp(b[i] - mb);
        }
        double kl = 0;
        for (int i = 0; i < a.length; i++) {
            double p = Math.exp(a[i] - ma) / za;
            double q = Math.exp(b[i] - mb) / zb;
            kl += p * Math.log(p / q);
        }
        return kl;
    }

    @Test
    void theSwipeShowsPaneALeftOfTheDividerAndPaneBRightOfIt(FxRobot robot, @TempDir Path models) throws IOException {
        loadAndWait(models, 32, PatchMode.FLEXI);
        CompareCentre centre = centre();
        onFx(() -> {
            robot.lookup("#compare-layout-swipe").queryAs(javafx.scene.control.ToggleButton.class).fire();
            centre.dividerProperty().set(0.3);
            return null;
        });
        ImageViewer swipe = centre.swipeViewer();
        FxTestSupport.waitUntil(() -> onFx(() -> swipe.getScene() != null && swipe.getWidth() > 200));
        assertFalse(onFx(() -> centre.viewerA().getScene() != null), "one viewer in swipe mode");
        double handleX = onFx(() -> {
            javafx.scene.Node bar = robot.lookup("#compare-divider").query();
            return bar.getLayoutX() + 3;
        });
        assertEquals(0.3 * onFx(swipe::getWidth), handleX, 1.0, "the handle sits at 30 %");

        int[][] rows = onFx(() -> {
            swipe.paintNow();
            int w = (int) swipe.getWidth();
            int h = (int) swipe.getHeight();
            int y = h / 2;
            return new int[][] {row(snapshot(swipe.canvas()), y), row(paint(centre.overlaysA(), swipe.transform(), w, h), y),
                    row(paint(centre.overlaysB(), swipe.transform(), w, h), y)};
        });
        int w = rows[0].length;
        int split = (int) Math.round(0.3 * w);
        int differLeft = 0, differRight = 0;
        List<String> wrong = new java.util.ArrayList<>();
        for (int x = 0; x < w; x++) {
            if (Math.abs(x - split) <= 2) continue; // the clip's edge may be anti-aliased
            int expected = x < split ? rows[1][x] : rows[2][x];
            // the same painting on two canvases; a nearly transparent pixel may round one step apart
            if (!near(expected, rows[0][x], 3)) {
                wrong.add(x + ": " + Integer.toHexString(expected) + " != " + Integer.toHexString(rows[0][x]));
            }
            if (!near(rows[1][x], rows[2][x], 24)) {
                if (x < split) differLeft++;
                else differRight++;
            }
        }
        assertEquals(List.of(), wrong, "split at " + split);
        assertTrue(differLeft > 10 && differRight > 10, "A and B paint differently on both sides, so the probe can tell them apart: "
                + differLeft + ", " + differRight);

        // dragging the handle moves the divider, not the image
        ViewTransform before = onFx(swipe::transform);
        double width = onFx(swipe::getWidth);
        robot.drag("#compare-divider").moveBy(0.3 * width, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        FxTestSupport.waitUntil(() -> onFx(() -> centre.dividerProperty().get() > 0.5));
        assertEquals(0.6, onFx(() -> centre.dividerProperty().get()), 0.02);
        assertEquals(before, onFx(swipe::transform));
    }

    /** Whether every ARGB channel of {@code a} and {@code b} is within {@code tolerance} of 255. */
    private static boolean near(int a, int b, int tolerance) {
        for (int shift = 0; shift < 32; shift += 8) {
            if (Math.abs(((a >>> shift) & 0xff) - ((b >>> shift) & 0xff)) > tolerance) return false;
        }
        return true;
    }

    private static WritableImage snapshot(Canvas c) {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        return c.snapshot(p, null);
    }

    /** What these overlays alone paint at this transform, on a fresh canvas of the viewer's size. */
    private static WritableImage paint(List<Overlay> overlays, ViewTransform t, int w, int h) {
        Canvas c = new Canvas(w, h);
        for (Overlay o : overlays) {
            c.getGraphicsContext2D().save();
            o.paint(c.getGraphicsContext2D(), t);
            c.getGraphicsContext2D().restore();
        }
        return snapshot(c);
    }

    private static int[] row(WritableImage img, int y) {
        int[] out = new int[(int) img.getWidth()];
        for (int x = 0; x < out.length; x++) out[x] = img.getPixelReader().getArgb(x, y);
        return out;
    }

    @Test
    void leavingTheViewBringsBackTheSingleViewerAndIdlesPaneB(FxRobot robot, @TempDir Path models) throws IOException {
        loadAndWait(models, 32, PatchMode.RESIZE);
        assertTrue(onFx(() -> robot.lookup("#compare-centre").tryQuery().isPresent()));
        assertFalse(onFx(() -> robot.lookup("#viewer").tryQuery().isPresent()), "the compare panes replace the viewer");

        robot.clickOn("#nav-explore");
        assertSame(view.viewer(), onFx(() -> robot.lookup("#viewer").query()));
        assertFalse(onFx(() -> robot.lookup("#compare-centre").tryQuery().isPresent()));
        assertFalse(onFx(() -> robot.lookup("#compare-viewer-a").tryQuery().isPresent()));

        int passes = onFx(() -> compare().jobB().forwardPassesStarted());
        onFx(() -> {
            compare().patchBProperty().set(28);
            return null;
        });
        FxTestSupport.waitUntil(() -> onFx(() -> compare().jobB().deferredProperty().get()));
        Thread.onSpinWait();
        assertEquals(passes, onFx(() -> compare().jobB().forwardPassesStarted()), "no pass for a hidden pane");

        robot.clickOn("#nav-compare");
        waitForMap(compare().jobB(), 8, PatchMode.RESIZE);
        assertEquals(passes + 1, onFx(() -> compare().jobB().forwardPassesStarted()));
        assertTrue(onFx(() -> robot.lookup("#compare-viewer-a").tryQuery().isPresent()));
    }
}
