package dev.patchexplorer.ui;

import dev.patchexplorer.core.classify.ImageNetLabels;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.probe.TokenProbe;
import dev.patchexplorer.testing.TinyCheckpoints;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.TilePane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.ConceptsWindowSupport.readout;
import static dev.patchexplorer.ui.ConceptsWindowSupport.slide;
import static dev.patchexplorer.ui.ConceptsWindowSupport.waitForReadout;
import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concepts > "Features" in the real window on the tests' tiny ViT: the most and least similar patch and
 * the mean similarity shown are worked out here with a cosine loop of its own over the tokens of a probe
 * run on the same input; the logit lens's answer and the block from which it holds come from a softmax
 * and an argmax of its own; the filters are stretched here by hand. Checked at two slider positions, after
 * a click on the map (which chooses the patch for the whole window) and at another block.
 */
@ExtendWith(ApplicationExtension.class)
class FeaturesWindowTest {
    private static final String PAGE = "features";
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
    }

    @AfterEach
    void close() {
        if (view != null) {
            onFx(() -> {
                view.models().closeModel();
                return null;
            });
        }
        inference.shutdown();
        background.shutdown();
    }

    @Test
    void theMapTheFiltersAndTheLensMatchAProbeRunHere(FxRobot robot, @TempDir Path models) throws Exception {
        ConceptsWindowSupport.openSample(view, model);
        ConceptsWindowSupport.openPage(robot, view, PAGE);
        FxTestSupport.waitUntil(() -> Messages.get("concept.needsVit").equals(status()));

        Path vit = TinyCheckpoints.vit(models.resolve("vit_tiny_patch16_224.augreg_in21k_ft_in1k"));
        onFx(() -> {
            view.models().loadModel(vit);
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.models().getModel() != null));
        assertEquals(TinyCheckpoints.VIT_DEPTH / 2, onFx(() -> spinner().getValue()), "the middle block by default");

        for (int p : new int[] {16, 32}) {
            assertEquals(p, slide(view, p));
            PatchGrid grid = onFx(() -> model.getGrid());
            // nothing chosen: the middle patch
            assertExpected(grid, grid.rows() / 2, grid.cols() / 2, TinyCheckpoints.VIT_DEPTH / 2);
            assertEquals(Messages.get("concept.features.clickHint"), status());
            assertFilters(p);
        }

        // a click on the map chooses that patch, for the window too
        PatchGrid grid = onFx(() -> model.getGrid());
        int row = 1, col = grid.cols() - 2;
        Point2D at = onFx(() -> {
            ImageView map = (ImageView) view.lookup("#concept-features-map");
            Bounds b = map.localToScreen(map.getBoundsInLocal());
            return new Point2D(b.getMinX() + b.getWidth() * (col + 0.5) / grid.cols(),
                    b.getMinY() + b.getHeight() * (row + 0.5) / grid.rows());
        });
        robot.clickOn(at);
        assertEquals(row * grid.cols() + col, onFx(() -> model.selectedPatchProperty().get()));
        assertExpected(grid, row, col, TinyCheckpoints.VIT_DEPTH / 2);
        FxTestSupport.waitUntil(() -> Messages.get("concept.features.chosen").equals(status()));

        // another block: another pass
        onFx(() -> {
            spinner().getValueFactory().setValue(TinyCheckpoints.VIT_DEPTH);
            return null;
        });
        assertExpected(grid, row, col, TinyCheckpoints.VIT_DEPTH);
    }

    private String status() {
        return onFx(() -> ((Label) view.lookup("#concept-features-status")).getText());
    }

    @SuppressWarnings("unchecked")
    private Spinner<Integer> spinner() {
        return (Spinner<Integer>) view.lookup("#concept-features-block");
    }

    /** Every readout against the numbers worked out here from a probe of the model on the same input. */
    private void assertExpected(PatchGrid grid, int row, int col, int block) throws Exception {
        ViTModel vit = onFx(() -> view.models().getModel());
        RgbImage pixels = onFx(() -> model.getImage().pixels());
        WorkingResolution w = onFx(() -> model.getWorking());
        PatchMode mode = onFx(() -> view.attention().modeProperty().get());
        // on the window's inference thread, so that the model is never used by two threads at once
        TokenProbe.Result r = inference.submit(() -> probe(vit, pixels, w, grid, mode, block)).get();
        TokenProbe.Tokens t = r.tokens();
        int n = t.gridH() * t.gridW();
        assertEquals(grid.patchCount(), n);
        double[] cos = new double[n];
        int self = row * t.gridW() + col;
        for (int i = 0; i < n; i++) cos[i] = cosine(t.values(), t.dim(), t.prefix() + self, t.prefix() + i);
        int near = -1, far = -1;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (i == self) continue;
            sum += cos[i];
            if (near < 0 || cos[i] > cos[near]) near = i;
            if (far < 0 || cos[i] < cos[far]) far = i;
        }
        assertTrue(Math.abs(cos[self] - 1) < 1e-5, "a token is its own nearest: " + cos[self]);
        waitForReadout(view, PAGE, "patch", Messages.format("concept.features.patchOf", row, col, block));
        assertEquals(cell(near, t.gridW(), cos[near]), readout(view, PAGE, "nearest"));
        assertEquals(cell(far, t.gridW(), cos[far]), readout(view, PAGE, "farthest"));
        assertEquals(String.format(Locale.ROOT, "%.3f", sum / (n - 1)), readout(view, PAGE, "meanSimilarity"));

        // the lens: softmax and argmax worked here
        float[][] lens = r.lens();
        int depth = lens.length;
        assertEquals(TinyCheckpoints.VIT_DEPTH, depth);
        int[] top = new int[depth];
        for (int b = 0; b < depth; b++) {
            for (int c = 1; c < lens[b].length; c++) if (lens[b][c] > lens[b][top[b]]) top[b] = c;
        }
        int answer = top[depth - 1];
        double z = 0;
        for (float v : lens[depth - 1]) z += Math.exp(v - lens[depth - 1][answer]);
        int settled = depth;
        while (settled > 1 && top[settled - 2] == answer) settled--;
        assertEquals(Messages.format("concept.features.answerOf", ImageNetLabels.labelOf(answer, lens[depth - 1].length),
                String.format(Locale.ROOT, "%.1f %%", 100 / z)), readout(view, PAGE, "answer"));
        assertEquals(Messages.format("concept.features.settledOf", settled, depth), readout(view, PAGE, "settled"));
    }

    private static TokenProbe.Result probe(ViTModel vit, RgbImage pixels, WorkingResolution w, PatchGrid grid, PatchMode mode,
                                           int block) throws Exception {
        RgbImage work = pixels.width() == w.width() && pixels.height() == w.height()
                ? pixels : Preprocess.resizeBicubic(pixels, w.width(), w.height());
        InputPlan plan = GridInput.plan(mode, grid, vit.spec().nativePatch());
        return TokenProbe.run(vit, GridInput.modelInput(work, grid, plan, vit.config().mean(), vit.config().std()),
                plan.modelPatch(), block);
    }

    private static double cosine(float[] v, int dim, int a, int b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < dim; i++) {
            double x = v[a * dim + i], y = v[b * dim + i];
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return dot / Math.sqrt(na * nb);
    }

    private static String cell(int index, int gridW, double s) {
        return Messages.format("concept.features.cellOf", index / gridW, index % gridW, String.format(Locale.ROOT, "%.3f", s));
    }

    /** min(32, D) filters of p x p; the first one's top-left pixel stretched here from the kernel by hand. */
    private void assertFilters(int p) {
        int shown = Math.min(32, TinyCheckpoints.VIT_DIM);
        FxTestSupport.waitUntil(() -> onFx(() -> ((TilePane) view.lookup("#concept-features-filters")).getChildren().size() == shown
                && ((ImageView) view.lookup("#concept-features-filter-0")).getImage().getWidth() == p));
        assertEquals(Messages.format("concept.features.filtersOf", shown, TinyCheckpoints.VIT_DIM, p),
                onFx(() -> ((Label) view.lookup("#concept-features-filtersCaption")).getText()));
        float[] k = onFx(() -> view.models().getModel()).patchKernel(p);
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (int i = 0; i < 3 * p * p; i++) {
            lo = Math.min(lo, k[i]);
            hi = Math.max(hi, k[i]);
        }
        assertTrue(hi > lo, "a random kernel is not flat");
        int red = (int) Math.round(255 * (k[0] - lo) / (hi - lo));
        int green = (int) Math.round(255 * (k[p * p] - lo) / (hi - lo));
        Image first = onFx(() -> ((ImageView) view.lookup("#concept-features-filter-0")).getImage());
        int argb = onFx(() -> first.getPixelReader().getArgb(0, 0));
        assertEquals(red, (argb >> 16) & 0xff, "red of filter 0 at (0, 0)");
        assertEquals(green, (argb >> 8) & 0xff, "green of filter 0 at (0, 0)");
    }
}
