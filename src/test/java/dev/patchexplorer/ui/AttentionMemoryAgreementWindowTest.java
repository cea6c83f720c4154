package dev.patchexplorer.ui;

import dev.patchexplorer.testing.TinyCheckpoints;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real ViT-Ti refuses a pass of 15,626 tokens; the banner that says so and the readouts state
 * the same attention memory, worked by hand: 12 layers x 3 heads x 15,626^2 x 4 bytes
 * = 35,160,750,144 bytes = 32.75 GiB, shown as "32.7 GiB".
 */
@ExtendWith(ApplicationExtension.class)
class AttentionMemoryAgreementWindowTest {
    private static final long ALL_LAYERS_BYTES = 12L * 3 * 15_626 * 15_626 * 4;

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
        onFx(() -> {
            view.models().closeModel();
            return null;
        });
        inference.shutdown();
        background.shutdown();
    }

    private static String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup("#" + id).queryAs(Label.class).getText());
    }

    @Test
    void bannerAndReadoutsStateTheSameAttentionMemory(FxRobot robot) throws IOException {
        assumeTrue(ALL_LAYERS_BYTES > Runtime.getRuntime().maxMemory() / 2, "this heap would run the pass");
        assertEquals(35_160_750_144L, ALL_LAYERS_BYTES);
        Path vit = TinyCheckpoints.vit(settingsDir.resolve("vit-" + System.nanoTime()));
        onFx(() -> {
            view.models().loadModel(vit);
            view.openSample(Samples.first());
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.models().getModel() != null && model.getImage() != null));
        onFx(() -> {
            model.workingSizeProperty().set(250);
            model.setPatch(2);
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> model.problemProperty().get() != null));

        assertEquals("125 × 125", text(robot, "readout-grid"));
        assertEquals("15,626  (incl. 1 extra)", text(robot, "readout-sequence"));
        String readout = text(robot, "readout-attentionAll");
        assertEquals("32.7 GiB  (12 layers)", readout);
        String banner = text(robot, "problem-message");
        String warning = text(robot, "readout-warning");
        assertTrue(banner.contains("15,626 tokens") && banner.contains("all 12 layers would need 32.7 GiB"), banner);
        assertTrue(warning.contains("would need 32.7 GiB"), warning);
        // Both name the same heap as well, through the same formatter.
        String heap = dev.patchexplorer.core.format.Units.bytes(Runtime.getRuntime().maxMemory());
        assertTrue(banner.contains("half of the " + heap), banner);
        assertTrue(warning.contains("half of the " + heap), warning);
    }
}
