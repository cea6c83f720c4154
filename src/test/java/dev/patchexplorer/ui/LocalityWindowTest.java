package dev.patchexplorer.ui;

import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.ViTOutput;
import dev.patchexplorer.testing.TinyCheckpoints;
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

/**
 * Concepts > "Locality" in the real window on the tests' tiny ViT: the first and last layers' mean
 * attention distances shown are the ones worked out here, with a loop of its own, from the model's
 * attention on the same input, at two slider positions; without a model the page says it needs one.
 */
@ExtendWith(ApplicationExtension.class)
class LocalityWindowTest {
    private static final String PAGE = "locality";
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
    void theDistancesFollowTheSlider(FxRobot robot, @TempDir Path models) throws Exception {
        ConceptsWindowSupport.openSample(view, model);
        ConceptsWindowSupport.openPage(robot, view, PAGE);
        FxTestSupport.waitUntil(() -> Messages.get("concept.needsVit").equals(onFx(() ->
                ((javafx.scene.control.Label) view.lookup("#concept-locality-status")).getText())));

        Path vit = TinyCheckpoints.vit(models.resolve("vit_tiny_patch16_224.augreg_in21k_ft_in1k"));
        onFx(() -> {
            view.models().loadModel(vit);
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.models().getModel() != null));
        for (int p : new int[] {16, 32}) {
            assertEquals(p, slide(view, p));
            PatchGrid grid = onFx(() -> model.getGrid());
            double[] firstLast = firstAndLast(onFx(() -> view.models().getModel()), onFx(() -> model.getImage().pixels()),
                    onFx(() -> model.getWorking()), grid, onFx(() -> view.attention().modeProperty().get()));
            waitForReadout(view, PAGE, "first", px(firstLast[0]));
            assertEquals(px(firstLast[1]), readout(view, PAGE, "last"));
            assertEquals(Messages.format("concept.locality.gridOf", 224 / p, 224 / p, p), readout(view, PAGE, "grid"));
        }
    }

    private static String px(double v) {
        return String.format(Locale.ROOT, "%.1f px", v);
    }

    /** Mean over heads and patch queries of Σ_j a_ij · stride · ‖g_i − g_j‖ for the first and last layers. */
    private static double[] firstAndLast(ViTModel vit, RgbImage pixels, WorkingResolution w, PatchGrid grid, PatchMode mode)
            throws Exception {
        RgbImage work = Preprocess.resizeBicubic(pixels, w.width(), w.height());
        InputPlan plan = GridInput.plan(mode, grid, vit.spec().nativePatch());
        RgbImage cells = GridInput.pixels(work, grid, plan.modelPatch(), GridInput.meanColour(vit.config().mean()));
        ViTOutput out = vit.forward(Preprocess.normalize(cells, vit.config().mean(), vit.config().std()), plan.modelPatch());
        return new double[] {distance(out, 0, grid.stride()), distance(out, out.layers() - 1, grid.stride())};
    }

    private static double distance(ViTOutput out, int layer, double step) {
        int n = out.tokens();
        int pre = out.prefixTokens();
        int gw = out.gridW();
        int patches = out.gridH() * gw;
        float[] a = out.attention()[layer];
        double total = 0;
        for (int h = 0; h < out.heads(); h++) {
            for (int i = 0; i < patches; i++) {
                for (int j = 0; j < patches; j++) {
                    double dy = i / gw - j / gw;
                    double dx = i % gw - j % gw;
                    total += a[(h * n + pre + i) * n + pre + j] * step * Math.sqrt(dx * dx + dy * dy);
                }
            }
        }
        return total / (out.heads() * (double) patches);
    }
}
