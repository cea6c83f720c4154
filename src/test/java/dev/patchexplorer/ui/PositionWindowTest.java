package dev.patchexplorer.ui;

import dev.patchexplorer.core.classify.ImageNetLabels;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.position.ImageShift;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.probe.PermutationProbe;
import dev.patchexplorer.testing.TinyCheckpoints;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static dev.patchexplorer.ui.ConceptsWindowSupport.imageOf;
import static dev.patchexplorer.ui.ConceptsWindowSupport.readout;
import static dev.patchexplorer.ui.ConceptsWindowSupport.slide;
import static dev.patchexplorer.ui.ConceptsWindowSupport.waitForReadout;
import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concepts > "Where a patch is" in the real window on the tests' tiny ViT: the jigsaw's readouts against a
 * permutation probe run here with the same seed (top-5 overlap and max |Δ logit| worked out here), the
 * pixels that change patch under a shift against the hand formula (W - k)² - (W - nk)² of a 224 px frame
 * of n whole cells, and the top-5 after the shift against a pass of the shifted picture made here; the
 * three pictures switch with their toggles.
 */
@ExtendWith(ApplicationExtension.class)
class PositionWindowTest {
    private static final String PAGE = "position";
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
    void theJigsawAndTheShiftMatchPassesMadeHere(FxRobot robot, @TempDir Path models) throws Exception {
        ConceptsWindowSupport.openSample(view, model);
        Path vit = TinyCheckpoints.vit(models.resolve("vit_tiny_patch16_224.augreg_in21k_ft_in1k"));
        onFx(() -> {
            view.models().loadModel(vit);
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.models().getModel() != null));
        ConceptsWindowSupport.openPage(robot, view, PAGE);
        assertEquals(224, onFx(() -> model.getWorking().width()), "the sample's working image is 224 px square");

        int[][] cases = {{16, 0, 8}, {32, 5, 12}, {32, 5, 32}};
        for (int[] c : cases) {
            int p = c[0], seed = c[1], k = c[2];
            assertEquals(p, slide(view, p));
            onFx(() -> {
                spinner("seed").getValueFactory().setValue(seed);
                spinner("shift").getValueFactory().setValue(k);
                return null;
            });
            assertExpected(p, seed, k);
        }

        // the toggles switch the picture: the original, the jigsaw (same pixels, other places), the shifted one
        robot.clickOn("#concept-position-show-original");
        Image original = imageOf(robot, "concept-position-picture");
        robot.clickOn("#concept-position-show-shuffled");
        Image shuffled = imageOf(robot, "concept-position-picture");
        robot.clickOn("#concept-position-show-shifted");
        Image shifted = imageOf(robot, "concept-position-picture");
        assertEquals(original.getWidth(), shuffled.getWidth());
        assertEquals(sortedPixels(original), sortedPixels(shuffled), "a jigsaw moves pixels, it makes none");
        assertNotEquals(Arrays.toString(pixels(original)), Arrays.toString(pixels(shuffled)));
        assertNotEquals(Arrays.toString(pixels(original)), Arrays.toString(pixels(shifted)));
    }

    @SuppressWarnings("unchecked")
    private Spinner<Integer> spinner(String name) {
        return (Spinner<Integer>) view.lookup("#concept-position-" + name);
    }

    private void assertExpected(int p, int seed, int k) throws Exception {
        ViTModel vit = onFx(() -> view.models().getModel());
        RgbImage pixels = onFx(() -> model.getImage().pixels());
        WorkingResolution w = onFx(() -> model.getWorking());
        PatchGrid grid = onFx(() -> model.getGrid());
        PatchMode mode = onFx(() -> view.attention().modeProperty().get());
        RgbImage work = pixels.width() == w.width() && pixels.height() == w.height()
                ? pixels : Preprocess.resizeBicubic(pixels, w.width(), w.height());
        InputPlan plan = GridInput.plan(mode, grid, vit.spec().nativePatch());
        float[] mean = vit.config().mean(), std = vit.config().std();
        // on the window's inference thread, so the model is never used by two threads at once
        PermutationProbe.Result r = inference.submit(() -> PermutationProbe.run(vit,
                GridInput.modelInput(work, grid, plan, mean, std), plan.modelPatch(), seed)).get();
        float[] moved = inference.submit(() -> vit.logits(GridInput.modelInput(
                ImageShift.shift(work, k, k, GridInput.meanColour(mean)), grid, plan, mean, std), plan.modelPatch())).get();

        int n = 224 / p;
        long kept = (long) (224 - k) * (224 - k);
        long changed = k >= p ? kept : kept - (long) (224 - n * k) * (224 - n * k);
        waitForReadout(view, PAGE, "moved", Messages.format("concept.position.movedOf", changed, kept,
                percent((double) changed / kept)));
        double interior = 1 - Math.pow(1 - Math.min(1.0, k / (double) p), 2);
        assertEquals(Messages.format("concept.position.interiorOf", k, p, percent(interior)), readout(view, PAGE, "interior"));
        waitForReadout(view, PAGE, "plain", prediction(r.plain(), top5(r.plain())[0]));

        double keptDiff = maxAbs(r.plain(), r.keepingPositions());
        assertTrue(keptDiff < 1e-4, "positions kept: " + keptDiff);
        int keptShared = shared(r.plain(), r.keepingPositions());
        assertEquals(Messages.format(keptShared == 5 ? "concept.position.sameTop" : "concept.position.changedTop", keptShared,
                logit(keptDiff)), readout(view, PAGE, "kept"));
        assertEquals(Messages.format("concept.position.sharedOf", shared(r.plain(), r.shuffledPixels()),
                prediction(r.shuffledPixels(), top5(r.shuffledPixels())[0]), logit(maxAbs(r.plain(), r.shuffledPixels()))),
                readout(view, PAGE, "shuffled"));
        assertEquals(Messages.format("concept.position.sharedOf", shared(r.plain(), moved),
                prediction(moved, top5(moved)[0]), logit(maxAbs(r.plain(), moved))), readout(view, PAGE, "shifted"));
        int[] before = top5(r.plain()), after = top5(moved);
        for (int i = 0; i < 5; i++) {
            assertEquals(prediction(r.plain(), before[i]), label("before-" + i));
            assertEquals(prediction(moved, after[i]), label("after-" + i));
        }
    }

    private String label(String name) {
        return onFx(() -> ((Label) view.lookup("#concept-position-" + name)).getText());
    }

    private static int[] top5(float[] logits) {
        return IntStream.range(0, logits.length).boxed().sorted(Comparator.comparingDouble((Integer i) -> -logits[i]))
                .limit(5).mapToInt(Integer::intValue).toArray();
    }

    private static int shared(float[] a, float[] b) {
        int[] x = top5(a), y = top5(b);
        int n = 0;
        for (int i : x) for (int j : y) if (i == j) n++;
        return n;
    }

    private static String prediction(float[] logits, int index) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) max = Math.max(max, v);
        double z = 0;
        for (float v : logits) z += Math.exp(v - max);
        return Messages.format("concept.position.predictionOf", ImageNetLabels.labelOf(index, logits.length),
                percent(Math.exp(logits[index] - max) / z));
    }

    private static double maxAbs(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs((double) a[i] - b[i]));
        return m;
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private static String logit(double d) {
        return String.format(Locale.ROOT, d < 0.01 ? "%.1e" : "%.2f", d);
    }

    private static int[] pixels(Image img) {
        return onFx(() -> {
            int w = (int) img.getWidth(), h = (int) img.getHeight();
            int[] px = new int[w * h];
            img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), px, 0, w);
            return px;
        });
    }

    private static String sortedPixels(Image img) {
        int[] px = pixels(img);
        Arrays.sort(px);
        return Arrays.toString(px);
    }
}
