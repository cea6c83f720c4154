package dev.patchexplorer.ui;

import dev.patchexplorer.core.grid.AspectMode;
import dev.patchexplorer.core.tradeoff.VitPresets;
import dev.patchexplorer.ui.present.PresentationMode;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static dev.patchexplorer.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Presentation mode from the keyboard: F5 enters (full screen asked of the stage, the style class on the
 * root, rail and side panel folded), the arrows step the slider through the presets, the pointer
 * highlight follows the mouse, Esc restores everything. Also the Native working size.
 */
@ExtendWith(ApplicationExtension.class)
class PresentationModeWindowTest {
    @TempDir
    static Path dir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService inference = Executors.newSingleThreadExecutor();
    private ExplorerViewModel model;
    private ExplorerView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply();
        model = new ExplorerViewModel(background);
        view = FxTestSupport.showMainWindow(stage, model, dir, inference);
    }

    @AfterEach
    void stop() {
        onFx(() -> {
            if (view != null) view.presentation().leave();
            return null;
        });
        background.shutdown();
        inference.shutdown();
    }

    /** A 640 x 480 PNG: squashed to the 224 px working square, 640/224 and 480/224 original px per working px. */
    private void openPicture() throws Exception {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 480; y++) for (int x = 0; x < 640; x++) img.setRGB(x, y, (x * 255 / 640) << 16 | (y * 255 / 480) << 8 | 90);
        Path file = dir.resolve("gradient.png");
        ImageIO.write(img, "png", file.toFile());
        onFx(() -> {
            model.open(file);
            return null;
        });
        waitUntil(() -> model.getImage() != null);
    }

    /** The full-screen change resizes and refocuses the window over several pulses; a key typed sooner can be lost. */
    private void settleFullScreen() {
        waitUntil(() -> onFx(() -> stage.isFullScreen()));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(5);
    }

    private double slider() {
        return onFx(() -> view.patchBar().patchSlider().getValue());
    }

    @Test
    void keysEnterStepThroughPresetsAndEscRestores(FxRobot robot) throws Exception {
        openPicture();
        assertEquals(16, model.getPatch());
        robot.type(KeyCode.F5);
        assertTrue(onFx(() -> view.presentation().isActive()));
        assertTrue(onFx(() -> view.getStyleClass().contains(PresentationMode.STYLE_CLASS)));
        assertTrue(onFx(() -> stage.isFullScreen()), "the stage is asked to go full screen");
        assertFalse(robot.lookup("#nav-rail").query().isVisible());
        assertFalse(onFx(() -> view.lookup("#main-split") instanceof javafx.scene.control.SplitPane s
                && s.getItems().stream().anyMatch(n -> "side-host".equals(n.getId()))), "the side panel is folded away");
        assertTrue(robot.lookup("#presentation-bar").query().isVisible());
        // larger type: the root's font is 1.5 times the theme's
        double base = onFx(() -> javafx.scene.text.Font.getDefault().getSize());
        double presented = onFx(() -> robot.lookup("#presentation-panels").queryAs(ToggleButton.class).getFont().getSize());
        assertTrue(presented >= 1.45 * base, "type is larger: " + presented + " vs " + base);

        // the presets on a 224 px working square: 8, 14, 16, 32, 64, 128, 224 (256 and 512 do not fit)
        int[] right = {32, 64, 128, 224, 224};
        for (int expected : right) {
            robot.type(KeyCode.RIGHT);
            assertEquals(expected, model.getPatch());
            assertEquals(expected, slider(), 0.0);
        }
        int[] left = {128, 64, 32, 16, 14, 8, 8};
        for (int expected : left) {
            robot.type(KeyCode.LEFT);
            assertEquals(expected, model.getPatch());
            assertEquals(expected, slider(), 0.0);
        }

        robot.type(KeyCode.ESCAPE);
        assertFalse(onFx(() -> view.presentation().isActive()));
        assertFalse(onFx(() -> view.getStyleClass().contains(PresentationMode.STYLE_CLASS)));
        assertFalse(onFx(() -> stage.isFullScreen()));
        assertTrue(robot.lookup("#nav-rail").query().isVisible());
        assertTrue(onFx(() -> ((javafx.scene.control.SplitPane) view.lookup("#main-split")).getItems().get(0).getId())
                .equals("side-host"));
        assertFalse(robot.lookup("#presentation-bar").query().isVisible());
        robot.type(KeyCode.RIGHT); // outside presentation the arrows do not touch the patch
        assertEquals(8, model.getPatch());
    }

    @Test
    void snappedPresetsNeverStick(FxRobot robot) throws Exception {
        openPicture();
        onFx(() -> {
            model.snapToDivisorsProperty().set(true);
            model.setPatch(32);
            view.presentation().enter();
            return null;
        });
        settleFullScreen();
        // divisors of 224 up to 128: ... 32, 56, 112; 64 snaps to 56 (a tie with 56 and 64 is not possible:
        // 64 is 8 from 56 and 48 from 112), 128 snaps to 112, 224 stays
        robot.type(KeyCode.RIGHT);
        assertEquals(56, model.getPatch());
        robot.type(KeyCode.RIGHT);
        assertEquals(112, model.getPatch());
        robot.type(KeyCode.RIGHT);
        assertEquals(224, model.getPatch());
    }

    @Test
    void arrowsStepAfterTheSidePanelHeldTheFocus(FxRobot robot) throws Exception {
        openPicture();
        onFx(() -> {
            view.lookup("#snap").requestFocus(); // a control of the side panel that presenting folds away
            view.presentation().enter();
            return null;
        });
        settleFullScreen();
        robot.type(KeyCode.RIGHT);
        assertEquals(32, model.getPatch());
    }

    @Test
    void highlightFollowsTheMouse(FxRobot robot) throws Exception {
        openPicture();
        onFx(() -> {
            view.presentation().enter();
            return null;
        });
        waitUntil(() -> onFx(() -> view.viewer().getWidth() > 0));
        // patch 16 on 224: 14 columns. Cell (row 3, column 5) is index 3 x 14 + 5 = 47; its centre in working
        // pixels is (88, 56), in the image's pixels (88 x 640/224, 56 x 480/224) = (251.43, 120).
        moveToImagePoint(robot, 88 * 640.0 / 224, 56 * 480.0 / 224);
        assertEquals(47, (int) onFx(() -> view.pointerHighlight().highlightedPatch()));
        // cell (row 10, column 2): index 142, centre (40, 168) working = (114.29, 360) image
        moveToImagePoint(robot, 40 * 640.0 / 224, 168 * 480.0 / 224);
        assertEquals(142, (int) onFx(() -> view.pointerHighlight().highlightedPatch()));
        // the outline is that cell: 16 working px = 16 x 640/224 image px wide, times the zoom
        Rectangle2D cell = onFx(() -> view.pointerHighlight().cellOnScreen(view.viewer().transform()));
        double zoom = onFx(() -> view.viewer().scaleProperty().get());
        assertEquals(16 * 640.0 / 224 * zoom, cell.getWidth(), 1e-6);
        assertEquals(16 * 480.0 / 224 * zoom, cell.getHeight(), 1e-6);
        onFx(() -> {
            view.presentation().leave();
            return null;
        });
        assertEquals(-1, (int) onFx(() -> view.pointerHighlight().highlightedPatch()), "no highlight outside presentation");
    }

    private void moveToImagePoint(FxRobot robot, double imageX, double imageY) {
        Point2D screen = onFx(() -> {
            var t = view.viewer().transform();
            return view.viewer().localToScreen(t.toScreenX(imageX), t.toScreenY(imageY));
        });
        robot.moveTo(screen);
    }

    @Test
    void panelsToggleAndCaptionReadsTheSettings(FxRobot robot) throws Exception {
        openPicture();
        onFx(() -> {
            model.architectureProperty().set(VitPresets.byName("vit_base_patch16_224").orElseThrow());
            view.presentation().enter();
            return null;
        });
        // ViT-B/16 at 224: 14 x 14 = 196 patch tokens; 17.56 GMACs, as the guide's table (timm publishes 17.6)
        assertEquals("gradient.png  ·  vit_base_patch16_224  ·  patch 16 px  ·  196 tokens  ·  17.56 GMACs",
                robot.lookup("#presentation-caption").queryAs(Label.class).getText());
        robot.clickOn("#presentation-panels");
        assertTrue(robot.lookup("#nav-rail").query().isVisible());
        assertTrue(onFx(() -> ((javafx.scene.control.SplitPane) view.lookup("#main-split")).getItems().size() == 2));
        robot.clickOn("#presentation-panels");
        assertFalse(robot.lookup("#nav-rail").query().isVisible());
    }

    @Test
    void nativeWorkingSizeIsTheImagesOwnWithinTheAttentionBudget(FxRobot robot) throws Exception {
        openPicture();
        onFx(() -> {
            view.navigator().navigate("explore");
            model.aspectModeProperty().set(AspectMode.KEEP);
            return null;
        });
        Button nativeSize = robot.lookup("#working-native").queryAs(Button.class);
        robot.interact(nativeSize::fire);
        // Keep aspect ratio: the shorter side, 480; the working image is then the picture itself
        assertEquals(expectedNative(480), model.workingSizeProperty().get());
        onFx(() -> {
            model.aspectModeProperty().set(AspectMode.SQUASH);
            return null;
        });
        robot.interact(nativeSize::fire);
        assertEquals(expectedNative(640), model.workingSizeProperty().get());
        assertEquals(expectedNative(640), model.getWorking().width());
    }

    /**
     * The largest size up to {@code natural} whose attention fits half the heap, found by walking down: ViT-Ti
     * (12 layers, 3 heads), patch 16, KEEP or SQUASH on a 4:3 picture; bytes = 12 x 3 x N^2 x 4.
     */
    private int expectedNative(int natural) {
        boolean keep = model.aspectModeProperty().get() == AspectMode.KEEP;
        for (int s = natural; s > 16; s--) {
            long w = keep ? Math.round(640 * (s / 480.0)) : s;
            long n = (w / 16) * (s / 16) + 1;
            if (12L * 3 * n * n * 4 <= model.heapBytes() / 2) return s;
        }
        return 16;
    }
}
