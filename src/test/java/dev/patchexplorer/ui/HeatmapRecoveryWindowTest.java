package dev.patchexplorer.ui;

import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.inference.AttentionJob;
import dev.patchexplorer.ui.inference.GradientMap;
import dev.patchexplorer.ui.inference.GradientMapKind;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the real ViT-Ti in the real window: a heatmap that recovers takes its old error out of the
 * banner, and the attention legend goes when the gradient map replaces the heatmap.
 */
@ExtendWith(ApplicationExtension.class)
class HeatmapRecoveryWindowTest {

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
        view.navigator().navigate("attention"); // the view these tests are about
    }

    @AfterEach
    void closeModel() {
        onFx(() -> {
            view.models().closeModel();
            return null;
        });
        inference.shutdown();
        background.shutdown();
    }

    private static void waitLong(Callable<Boolean> condition) {
        FxTestSupport.waitUntil(90, condition);
    }

    private void loadVitAndWaitForHeatmap() throws IOException {
        Path vit = TinyCheckpoints.vit(settingsDir.resolve("vit-" + System.nanoTime()));
        onFx(() -> {
            view.models().loadModel(vit);
            view.openSample(Samples.first());
            return null;
        });
        waitLong(() -> onFx(() -> view.attention().getHeatmap() != null && !view.attention().busyProperty().get()
                && view.attention().getHeatmap().patch() == model.getPatch()));
    }

    private String label(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void aHeatmapThatRecoversTakesItsErrorOutOfTheBanner() throws IOException {
        loadVitAndWaitForHeatmap();
        // patch 2 at 224 px: 112 x 112 = 12,544 patches + the class token; 12 layers x 3 heads of 12,545^2 floats
        // = 22,662,291,600 bytes = 21.1 GiB, far past any heap here
        long tokens = 1 + 112L * 112;
        long attentionBytes = 12L * 3 * tokens * tokens * Float.BYTES;
        assertEquals(22_662_291_600L, attentionBytes);
        assertTrue(attentionBytes > Runtime.getRuntime().maxMemory() / 2, "the refusal needs a heap under " + attentionBytes * 2);
        List<String> logged = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(AttentionJob.class.getName());
        Handler capture = new Handler() {
            @Override public void publish(LogRecord r) { logged.add(r.getLevel() + " " + r.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        log.addHandler(capture);
        try {
            onFx(() -> {
                model.setPatch(2);
                return null;
            });
            waitLong(() -> onFx(() -> model.problemProperty().get() != null));
        } finally {
            log.removeHandler(capture);
        }
        assertTrue(logged.stream().anyMatch(l -> l.startsWith("INFO ") && l.contains("12,545 tokens: the attention matrices of all 12 layers would need 21.1 GiB")),
                "the refusal is in the log file too: " + logged);
        String refused = onFx(() -> model.problemProperty().get().message());
        assertTrue(refused.startsWith("The attention heatmap could not be computed: 12,545 tokens: the attention matrices of all 12 layers would need 21.1 GiB"), refused);
        assertTrue(onFx(() -> view.lookup("#problem-banner").isVisible()));

        onFx(() -> {
            model.setPatch(16);
            return null;
        });
        waitLong(() -> onFx(() -> view.attention().getHeatmap() != null && view.attention().getHeatmap().patch() == 16
                && !view.attention().busyProperty().get()));
        assertNull(onFx(() -> model.problemProperty().get()), "the recovered heatmap clears its own error");
        assertFalse(onFx(() -> view.lookup("#problem-banner").isVisible()));
    }

    @Test
    void aRecoveredHeatmapLeavesAnotherProblemInTheBanner() throws IOException {
        loadVitAndWaitForHeatmap();
        onFx(() -> {
            model.setPatch(2);
            return null;
        });
        waitLong(() -> onFx(() -> model.problemProperty().get() != null));
        onFx(() -> model.reportProblem("The clipboard holds no picture."));
        onFx(() -> {
            model.setPatch(16);
            return null;
        });
        waitLong(() -> onFx(() -> view.attention().getHeatmap() != null && !view.attention().busyProperty().get()));
        assertEquals("The clipboard holds no picture.", onFx(() -> model.problemProperty().get().message()));
    }

    @Test
    void theAttentionLegendGoesWhenTheGradientMapReplacesTheHeatmap(FxRobot robot) throws IOException {
        loadVitAndWaitForHeatmap();
        Heatmap h = onFx(() -> view.attention().getHeatmap());
        assertEquals(h.title(), label(robot, "#attention-legend-title"));
        assertFalse(label(robot, "#attention-legend-max").isEmpty());

        onFx(() -> {
            view.gradients().mapKindProperty().set(GradientMapKind.SALIENCY); // picking a map shows it
            return null;
        });
        waitLong(() -> onFx(() -> view.gradients().getMap() != null && !view.gradients().busyProperty().get()));
        assertFalse(onFx(() -> view.attention().showHeatmapProperty().get()), "one map at a time");
        assertEquals("Hidden: the image shows another map, or none. Tick Show heatmap to draw this one.",
                label(robot, "#attention-legend-title"));
        assertEquals("", label(robot, "#attention-legend-min"));
        assertEquals("", label(robot, "#attention-legend-max"));
        assertFalse(onFx(() -> view.lookup("#attention-gradient").isVisible()), "no colour bar for a map not drawn");
        GradientMap saliency = onFx(() -> view.gradients().getMap());
        robot.clickOn("#nav-rf");
        assertEquals(saliency.title(), label(robot, "#rf-legend-title"), "the map on screen has its own legend");

        robot.clickOn("#nav-attention");
        onFx(() -> {
            view.attention().showHeatmapProperty().set(true);
            return null;
        });
        assertEquals(h.title(), label(robot, "#attention-legend-title"));
        assertTrue(onFx(() -> view.lookup("#attention-gradient").isVisible()));
    }
}
