package dev.patchexplorer.ui;

import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.inference.Heatmap;
import dev.patchexplorer.ui.io.Samples;
import javafx.scene.control.Label;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ViT in the real window: the heatmap follows the patch slider and the FX thread never waits. The
 * flow runs on the tests' tiny ViT (ViT-Ti's blocks and heads, random weights) and again on the
 * pretrained ViT-Ti, whose top class is checked. Waiting is shown by holding passes at a gate, not by
 * timing the FX thread (speed belongs to benchmarks).
 */
@ExtendWith(ApplicationExtension.class)
class AttentionHeatmapWindowTest {
    private static final String VIT_TI = "vit_tiny_patch16_224.augreg_in21k_ft_in1k";

    @TempDir
    static Path settingsDir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService inferenceThread = Executors.newSingleThreadExecutor();
    /** Passes wait here before they run; open (count 0) unless a test closes it. */
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final Executor inference = task -> inferenceThread.execute(() -> {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        task.run();
    });
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
        gate.countDown();
        inferenceThread.shutdown();
        background.shutdown();
    }

    /** Model loading and inference can take a while on a busy 2-core machine. */
    private static void waitLong(java.util.concurrent.Callable<Boolean> condition) {
        FxTestSupport.waitUntil(90, condition);
    }

    /** A fresh, current (not stale, not busy) heatmap of gridH x gridW in the given mode. */
    private void waitForHeatmap(int gridH, int gridW, PatchMode mode) {
        waitLong(() -> onFx(() -> {
            Heatmap h = view.attention().getHeatmap();
            return h != null && !view.attention().busyProperty().get() && !view.attention().staleProperty().get()
                    && h.gridH() == gridH && h.gridW() == gridW && h.plan().mode() == mode;
        }));
    }

    @Test
    void heatmapFollowsThePatchSliderInBothModes(FxRobot robot, @TempDir Path models) throws IOException {
        showAtTheNativePatch(TinyCheckpoints.vit(models.resolve(VIT_TI)));
        toPatch32();
        followThePatchSlider(robot);
    }

    @Test
    void thePretrainedVitFindsTheCat(FxRobot robot) {
        showAtTheNativePatch(TestAssets.model(VIT_TI));
        assertEquals("Egyptian cat", onFx(() -> robot.lookup("#prediction-0").queryAs(Label.class).getText()));
        toPatch32();
        followThePatchSlider(robot);
    }

    /**
     * The FX thread never waits for inference: with every pass held at a gate, the slider still moves
     * (each onFx call would time out if the FX thread blocked on a pass), the shown map is the old one
     * marked as not current, and the held pass lands once the gate opens.
     */
    @Test
    void theWindowAnswersWhilePassesAreHeld(@TempDir Path models) throws IOException {
        showAtTheNativePatch(TinyCheckpoints.vit(models.resolve(VIT_TI)));
        gate = new CountDownLatch(1);
        for (int p = 17; p <= 32; p++) {
            int patch = p;
            onFx(() -> {
                model.setPatch(patch);
                return null;
            });
        }
        FxTestSupport.waitUntil(() -> onFx(() -> view.attention().busyProperty().get() || view.attention().staleProperty().get()));
        assertEquals(32, onFx(() -> model.getPatch()));
        Heatmap shown = onFx(() -> view.attention().getHeatmap());
        assertTrue(shown == null || (shown.patch() == 16 && onFx(() -> view.attention().staleProperty().get())),
                "while its pass is held, the patch-16 map may stay only marked stale: " + shown);
        gate.countDown();
        waitForHeatmap(7, 7, PatchMode.RESIZE);
        assertEquals(32, onFx(() -> view.attention().getHeatmap().patch()));
    }

    /** Loads {@code vit} and chelsea and waits for the 14 x 14 heatmap at patch 16. */
    private void showAtTheNativePatch(Path vit) {
        onFx(() -> {
            view.models().loadModel(vit);
            view.openSample(Samples.first());
            return null;
        });
        waitLong(() -> onFx(() -> view.models().getModel() != null && model.getImage() != null));
        assertEquals("chelsea.png", model.getImage().name());
        assertEquals(VIT_TI.replaceAll("\\..*", ""), onFx(() -> model.architectureProperty().get().name()).replaceAll("\\..*", ""));

        waitForHeatmap(14, 14, PatchMode.RESIZE);
        Heatmap h16 = onFx(() -> view.attention().getHeatmap());
        assertEquals(16, h16.patch());
        assertEquals(14, onFx(() -> (int) view.heatmapOverlay().image().getWidth()));
    }

    /** The patch slider to 32 in resize mode: a 7 x 7 heatmap. */
    private void toPatch32() {
        onFx(() -> {
            model.setPatch(32);
            return null;
        });
        waitForHeatmap(7, 7, PatchMode.RESIZE);
        assertEquals(32, onFx(() -> view.attention().getHeatmap().patch()));
        assertEquals(7, onFx(() -> (int) view.heatmapOverlay().image().getHeight()));
    }

    /** At patch 32, flexi mode, then a folder that is no checkpoint. */
    private void followThePatchSlider(FxRobot robot) {

        onFx(() -> {
            view.attention().modeProperty().set(PatchMode.FLEXI);
            return null;
        });
        waitForHeatmap(7, 7, PatchMode.FLEXI);
        Heatmap flexi = onFx(() -> view.attention().getHeatmap());
        assertEquals(32, flexi.plan().modelPatch());
        assertEquals(224, flexi.plan().inputW());
        // The five rows show the job's top-5, highest first, with the probability as the bundle formats it.
        List<Prediction> top = onFx(() -> view.attention().predictionsProperty().get());
        assertEquals(5, top.size());
        for (int i = 1; i < 5; i++) assertTrue(top.get(i).probability() <= top.get(i - 1).probability(), "ranked: " + top);
        assertEquals(top.get(0).label(), onFx(() -> robot.lookup("#prediction-0").queryAs(Label.class).getText()));
        assertEquals(List.of(top.get(0).label(), Messages.format("attention.probability",
                        String.format(java.util.Locale.ROOT, "%.1f", 100 * top.get(0).probability()))),
                onFx(() -> robot.lookup("#attention-predictions").query().lookupAll(".label").stream()
                        .map(n -> ((Label) n).getText()).limit(2).toList()));
        assertEquals(top.get(4).label(), onFx(() -> robot.lookup("#prediction-4").queryAs(Label.class).getText()));

        // A folder that is no checkpoint: the banner explains, the loaded model keeps working.
        var loaded = onFx(() -> view.models().getModel());
        onFx(() -> {
            view.models().loadModel(settingsDir.resolve("no-such-model"));
            return null;
        });
        waitLong(() -> onFx(() -> model.problemProperty().get() != null && !view.models().loadingProperty().get()));
        assertTrue(onFx(() -> model.problemProperty().get().message()).contains("no-such-model"));
        assertEquals(loaded, onFx(() -> view.models().getModel()));
    }
}
