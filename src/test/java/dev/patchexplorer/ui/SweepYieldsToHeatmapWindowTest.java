package dev.patchexplorer.ui;

import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.choose.ChoosePatchPane;
import dev.patchexplorer.ui.choose.PatchResult;
import dev.patchexplorer.ui.inference.Heatmap;
import dev.patchexplorer.ui.io.Samples;
import javafx.collections.ListChangeListener;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep and a heatmap share the one inference thread: a heatmap asked for while a 17-pass sweep runs
 * lands between two of the sweep's passes, not after the whole sweep, and the sweep still finishes
 * every pass. In the real window on the tests' tiny ViT; no time is asserted, only the order.
 */
@ExtendWith(ApplicationExtension.class)
class SweepYieldsToHeatmapWindowTest {
    private static final int FROM = 12, TO = 28;
    /** A patch size whose grid on the 224 px working image, 9 x 9 (224 / 24 = 9.33), is unlike the 14 x 14 before. */
    private static final int ASKED = 24;

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

    /** What the FX thread saw when the asked-for heatmap landed. */
    private record Landed(Heatmap heatmap, boolean sweepRunning, int rowsSoFar) {}

    @Test
    void aHeatmapAskedForDuringASweepLandsBeforeTheSweepEnds(FxRobot robot, @TempDir Path models) throws IOException {
        Path vit = TinyCheckpoints.vit(models.resolve("vit_tiny_patch16_224.augreg_in21k_ft_in1k"));
        onFx(() -> {
            view.models().loadModel(vit);
            view.openSample(Samples.first());
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> {
            Heatmap h = view.attention().getHeatmap();
            return h != null && !view.attention().busyProperty().get() && h.patch() == 16;
        }));
        robot.clickOn("#nav-choose");
        ChoosePatchPane pane = onFx(() -> robot.lookup("#choose-pane").queryAs(ChoosePatchPane.class));
        Landed[] landed = new Landed[1];
        onFx(() -> {
            pane.viewModel().fromProperty().set(FROM);
            pane.viewModel().toProperty().set(TO);
            pane.viewModel().stepProperty().set(1);
            view.attention().heatmapProperty().addListener((o, was, now) -> {
                if (now != null && now.patch() == ASKED && landed[0] == null) {
                    landed[0] = new Landed(now, pane.viewModel().runningProperty().get(), pane.viewModel().results().size());
                }
            });
            // the slider moves once the sweep's first row is in: the sweep is under way, most passes still to come
            pane.viewModel().results().addListener((ListChangeListener<PatchResult>) c -> {
                if (!c.getList().isEmpty() && model.getPatch() != ASKED) model.setPatch(ASKED);
            });
            pane.sweep().run();
            return null;
        });
        assertTrue(onFx(() -> pane.viewModel().runningProperty().get()));
        FxTestSupport.waitUntil(180, () -> onFx(() -> !pane.viewModel().runningProperty().get()));

        int passes = TO - FROM + 1;
        assertEquals(passes, onFx(() -> pane.viewModel().results().size()), "the sweep ran every pass: " + onFx(() -> pane.viewModel().statusProperty().get()));
        Landed l = onFx(() -> landed[0]);
        assertNotNull(l, "the heatmap for patch " + ASKED + " came");
        assertTrue(l.sweepRunning() && l.rowsSoFar() < passes,
                "the heatmap landed during the sweep, after " + l.rowsSoFar() + " of " + passes + " rows");
        assertEquals(List.of(9, 9), List.of(l.heatmap().gridH(), l.heatmap().gridW()));
        FxTestSupport.waitUntil(() -> onFx(() -> !view.attention().busyProperty().get() && !view.attention().staleProperty().get()
                && view.attention().getHeatmap().patch() == ASKED));
    }
}
