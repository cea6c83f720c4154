package dev.patchexplorer.ui;

import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.probe.TokenMergingProbe;
import dev.patchexplorer.testing.TinyCheckpoints;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static dev.patchexplorer.ui.ConceptsWindowSupport.readout;
import static dev.patchexplorer.ui.ConceptsWindowSupport.slide;
import static dev.patchexplorer.ui.ConceptsWindowSupport.waitForReadout;
import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concepts > "Token merging (ToMe)" in the real window on the tests' tiny ViT (D = 24, MLP 96, 12 blocks):
 * the tokens per block against ToMe's schedule worked out here (r per block, at most half of the tokens
 * after the class token), the GMACs against 4nD² + 2n²D + 2n'D·MLP summed here over the blocks, the merged
 * groups and the top-5 comparison against a merging probe and a plain pass run here; r = 0 merges nothing.
 */
@ExtendWith(ApplicationExtension.class)
class TomeWindowTest {
    private static final String PAGE = "tome";
    private static final int D = TinyCheckpoints.VIT_DIM, MLP = 4 * TinyCheckpoints.VIT_DIM;
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
    void theScheduleTheComputeAndTheAnswerMatchWorkDoneHere(FxRobot robot, @TempDir Path models) throws Exception {
        ConceptsWindowSupport.openSample(view, model);
        Path vit = TinyCheckpoints.vit(models.resolve("vit_tiny_patch16_224.augreg_in21k_ft_in1k"));
        onFx(() -> {
            view.models().loadModel(vit);
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.models().getModel() != null));
        ConceptsWindowSupport.openPage(robot, view, PAGE);
        int[][] cases = {{16, 13}, {32, 4}, {32, 0}, {8, 40}};
        for (int[] c : cases) {
            int p = c[0], r = c[1];
            assertEquals(p, slide(view, p));
            onFx(() -> {
                spinner().getValueFactory().setValue(r);
                return null;
            });
            assertExpected(p, r);
        }
    }

    @SuppressWarnings("unchecked")
    private Spinner<Integer> spinner() {
        return (Spinner<Integer>) view.lookup("#concept-tome-r");
    }

    private void assertExpected(int p, int r) throws Exception {
        int depth = TinyCheckpoints.VIT_DEPTH;
        int n0 = 1 + (224 / p) * (224 / p);
        int[] in = new int[depth + 1];
        in[0] = n0;
        for (int b = 0; b < depth; b++) in[b + 1] = in[b] - Math.min(r, (in[b] - 1) / 2);
        StringJoiner perBlock = new StringJoiner(" → ");
        for (int t : in) perBlock.add(Integer.toString(t));
        waitForReadout(view, PAGE, "perBlock", perBlock.toString());
        assertEquals(Messages.format("concept.tome.tokensOf", n0, in[depth]), readout(view, PAGE, "tokens"));
        if (r == 0) assertEquals(n0, in[depth]);

        long macs = 0, plainMacs = 0;
        for (int b = 0; b < depth; b++) {
            macs += 4L * in[b] * D * D + 2L * in[b] * in[b] * D + 2L * in[b + 1] * D * MLP;
            plainMacs += 4L * n0 * D * D + 2L * n0 * n0 * D + 2L * n0 * D * MLP;
        }
        assertEquals(Messages.format("concept.tome.gmacsOf", g(macs), g(plainMacs),
                String.format(Locale.ROOT, "%.0f %%", 100.0 * macs / plainMacs)), readout(view, PAGE, "gmacs"));

        ViTModel vit = onFx(() -> view.models().getModel());
        RgbImage pixels = onFx(() -> model.getImage().pixels());
        WorkingResolution w = onFx(() -> model.getWorking());
        PatchGrid grid = onFx(() -> model.getGrid());
        PatchMode mode = onFx(() -> view.attention().modeProperty().get());
        RgbImage work = pixels.width() == w.width() && pixels.height() == w.height()
                ? pixels : Preprocess.resizeBicubic(pixels, w.width(), w.height());
        InputPlan plan = GridInput.plan(mode, grid, vit.spec().nativePatch());
        var input = GridInput.modelInput(work, grid, plan, vit.config().mean(), vit.config().std());
        TokenMergingProbe.Result probe = inference.submit(() -> TokenMergingProbe.run(vit, input, plan.modelPatch(), r)).get();
        float[] plain = inference.submit(() -> vit.logits(input, plan.modelPatch())).get();
        int[] last = probe.groups()[depth - 1];
        int[] sizes = new int[n0];
        for (int t : last) sizes[t]++;
        int groups = 0, inGroups = 0;
        for (int s : sizes) if (s > 1) {
            groups++;
            inGroups += s;
        }
        // each merge removes one token: the patches in groups exceed the groups by the tokens merged away
        assertEquals(n0 - in[depth], inGroups - groups);
        assertEquals(Messages.format("concept.tome.groupsOf", groups, inGroups, n0 - 1), readout(view, PAGE, "groups"));
        double diff = 0;
        for (int i = 0; i < plain.length; i++) diff = Math.max(diff, Math.abs((double) plain[i] - probe.logits()[i]));
        if (r == 0) assertTrue(diff < 1e-4, "r = 0 is the plain model: " + diff);
        int shared = 0;
        for (int a : top5(plain)) for (int b : top5(probe.logits())) if (a == b) shared++;
        assertEquals(Messages.format("concept.tome.answerOf", shared, String.format(Locale.ROOT, diff < 0.01 ? "%.1e" : "%.2f", diff)),
                readout(view, PAGE, "answer"));
    }

    private static String g(long macs) {
        return String.format(Locale.ROOT, "%.3f", macs / 1e9);
    }

    private static int[] top5(float[] logits) {
        return IntStream.range(0, logits.length).boxed().sorted(Comparator.comparingDouble((Integer i) -> -logits[i]))
                .limit(5).mapToInt(Integer::intValue).toArray();
    }
}
