package dev.patchexplorer.ui;

import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.ui.io.Samples;
import dev.patchexplorer.ui.viewer.ViewTransform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static dev.patchexplorer.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the real window headless: open a sample, move the slider, zoom, hover, click, open bad files. */
@ExtendWith(ApplicationExtension.class)
class ExplorerWindowTest {
    @TempDir
    static Path settingsDir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private ExplorerView view;
    private ExplorerViewModel model;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        model = new ExplorerViewModel(background);
        // No model here (the heatmap tests load one): the readouts stay on the chosen architecture.
        view = FxTestSupport.showMainWindow(stage, model, settingsDir, Executors.newSingleThreadExecutor());
        view.openSample(Samples.first());
    }

    private String readout(FxRobot robot, String name) {
        return robot.lookup("#readout-" + name).queryAs(Label.class).getText();
    }

    private void waitForImage() {
        waitUntil(() -> model.getImage() != null);
    }

    @Test
    void opensTheSampleAndShowsTheViTTinyReadouts(FxRobot robot) {
        waitForImage();
        assertEquals("chelsea.png", model.getImage().name());
        assertEquals("224 × 224 px", readout(robot, "working"));
        assertEquals("14 × 14", readout(robot, "grid"));
        assertEquals("196", readout(robot, "tokens"));
        assertEquals("197  (incl. 1 extra)", readout(robot, "sequence"));
        assertEquals("768  (16² × 3)", readout(robot, "values"));
        assertEquals("768 → 192  (4 : 1)", readout(robot, "compression"));
        // ViT-Ti/16 at 224: 1.25 GMACs in PATCH_MATH.md
        // By hand (N = 197): embed 196*768*192 = 28,901,376; linear 12*12*197*192^2 = 1,045,757,952;
        //   attention 12*2*197^2*192 = 178,831,872; head 192,000; total 1,253,683,200 MACs.
        assertEquals("1.25 GMACs  (2.51 GFLOPs)", readout(robot, "compute"));
        // 3 heads x 197^2 x 4 bytes = 465,708 B = 454.8 KiB
        assertEquals("455 KiB", readout(robot, "attentionLayer"));
    }

    @Test
    void arrowKeysOnTheSliderChangeGridAndEveryReadout(FxRobot robot) {
        waitForImage();
        Slider slider = robot.lookup("#patch-slider").queryAs(Slider.class);
        robot.interact(slider::requestFocus);
        for (int i = 0; i < 16; i++) robot.type(KeyCode.RIGHT);
        assertEquals(32, model.getPatch());
        assertEquals("32 px", robot.lookup("#patch-value").queryAs(Label.class).getText());
        assertEquals("7 × 7", readout(robot, "grid"));
        assertEquals("49", readout(robot, "tokens"));
        assertEquals("50  (incl. 1 extra)", readout(robot, "sequence"));
        assertEquals("3,072  (32² × 3)", readout(robot, "values"));
        assertEquals("3,072 → 192  (16 : 1)", readout(robot, "compression"));
        assertEquals("590,016", readout(robot, "embedParams"));              // 3072 x 192 + 192
        // By hand, ViT-Ti at P32 (N = 50, D = 192, 12 layers):
        //   embed 49*3072*192 = 28,901,376; linear 12*12*50*192^2 = 265,420,800;
        //   attention 12*2*50^2*192 = 11,520,000; head 192,000; total 306,034,176.
        assertEquals("0.31 GMACs  (0.61 GFLOPs)", readout(robot, "compute"));
        assertEquals("0.0289 GMACs", readout(robot, "computeEmbed"));
        assertEquals("0.0115 GMACs", readout(robot, "computeAttention"));
        assertEquals("3.76 %", readout(robot, "attentionShare"));            // 11.52 / 306.03
        assertEquals("29.3 KiB", readout(robot, "attentionLayer"));          // 3 * 50^2 * 4 = 30,000 B

        robot.type(KeyCode.LEFT);
        assertEquals(31, model.getPatch());
        assertEquals("7 × 7", readout(robot, "grid"));                       // floor(224 / 31) = 7
        assertEquals("3,087  (6.15 %)", readout(robot, "dropped"));          // 224^2 - 217^2 = 3,087 of 50,176

        WritableImage overlay = onFx(() -> view.viewer().canvas().snapshot(null, null));
        assertGridLineAt(overlay, 31);
        assertGridLineAt(overlay, 62);
    }

    @Test
    void draggingTheSliderMovesThePatchSizeAndTheChartMarker(FxRobot robot) {
        waitForImage();
        Node thumb = robot.lookup("#patch-slider .thumb").query();
        robot.drag(thumb).moveBy(60, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        waitUntil(() -> model.getPatch() > 16);
        int p = model.getPatch();
        int side = 224 / p;
        assertEquals(side + " × " + side, readout(robot, "grid"));
        assertEquals(String.format("%,d", side * side), readout(robot, "tokens"));
        waitUntil(() -> Math.abs(view.charts().sweep().markerPatch() - p) < 0.6);
    }

    @Test
    void gridStaysOnImagePixelsWhenZooming(FxRobot robot) {
        waitForImage();
        robot.interact(() -> model.setPatch(28));   // lines every 28 working px = 56.4 original px on chelsea (451 wide)
        robot.interact(() -> view.viewer().requestFocus());
        robot.type(KeyCode.PLUS).type(KeyCode.PLUS);
        WaitForFx.pulse();
        ViewTransform t = onFx(() -> view.viewer().transform());
        var imageBounds = onFx(() -> view.viewer().imageView().getBoundsInParent());
        // The image is drawn exactly where the transform says: same origin, same scale.
        assertEquals(t.translateX(), imageBounds.getMinX(), 1e-6);
        assertEquals(451 * t.scale(), imageBounds.getWidth(), 1e-6);
        WritableImage overlay = onFx(() -> view.viewer().canvas().snapshot(null, null));
        int line = gridLineNearTheMiddle(overlay);
        assertEquals(0, line % 28, "lines every 28 working px: " + line);
        assertGridLineAt(overlay, line);
        assertGridLineAt(overlay, line + 28);
    }

    /**
     * A vertical grid line at working x: screen x = tx + x * (451 / 224) * scale, within a pixel, probed half-way
     * down the grid row nearest the middle of the view. A line off screen fails: the caller must pick visible ones.
     */
    private void assertGridLineAt(WritableImage overlay, int workingX) {
        ViewTransform t = onFx(() -> view.viewer().transform());
        PatchGrid g = model.getGrid();
        double sx = model.getWorking().scaleX() * t.scale();
        double sy = model.getWorking().scaleY() * t.scale();
        double screenX = t.translateX() + workingX * sx;
        int row = Math.max(0, Math.min(g.rows() - 1, (int) Math.floor((overlay.getHeight() / 2 - t.translateY()) / sy / g.stride())));
        double screenY = t.translateY() + (g.cellY(row) + g.patch() * 0.5) * sy;
        double between = screenX + g.patch() * sx / 2;
        assertTrue(screenX - 1 >= 0 && between < overlay.getWidth() && screenY >= 0 && screenY < overlay.getHeight(),
                "probe for the line at working x " + workingX + " is off the " + overlay.getWidth() + " x " + overlay.getHeight()
                        + " view: screen (" + screenX + ", " + screenY + ")");
        Color gridColor = GridStyle.DEFAULT.color();
        boolean found = false;
        for (int dx = -1; dx <= 1 && !found; dx++) {
            found = FxTestSupport.near(FxTestSupport.pixel(overlay, screenX + dx, screenY), gridColor, 0.2);
        }
        assertTrue(found, "grid line expected at screen x " + screenX);
        // and none half a patch away
        assertFalse(FxTestSupport.near(FxTestSupport.pixel(overlay, between, screenY), gridColor, 0.2), "no grid line between lines");
    }

    /** The working x of the inner vertical grid line nearest the middle of the view, with one more line after it. */
    private int gridLineNearTheMiddle(WritableImage overlay) {
        ViewTransform t = onFx(() -> view.viewer().transform());
        PatchGrid g = model.getGrid();
        double middle = (overlay.getWidth() / 2 - t.translateX()) / (model.getWorking().scaleX() * t.scale());
        int column = Math.max(1, Math.min(g.cols() - 2, (int) Math.round((middle - g.cellX(0)) / g.stride())));
        return g.cellX(column);
    }

    @Test
    void hoverShowsThePatchAndClickSelectsIt(FxRobot robot) {
        waitForImage();
        ViewTransform t = onFx(() -> view.viewer().transform());
        var origin = view.viewer().localToScreen(0, 0);
        // Centre of patch (row 2, column 3) in working px = (3.5*16, 2.5*16) -> original px -> screen.
        double ox = 3.5 * 16 * model.getWorking().scaleX();
        double oy = 2.5 * 16 * model.getWorking().scaleY();
        robot.moveTo(new javafx.geometry.Point2D(origin.getX() + t.toScreenX(ox), origin.getY() + t.toScreenY(oy)));
        waitUntil(() -> model.hoverPatchProperty().get() == 2 * 14 + 3);
        assertTrue(view.status().patchText().startsWith("patch #31"), view.status().patchText());
        robot.clickOn(javafx.scene.input.MouseButton.PRIMARY);
        waitUntil(() -> model.selectedPatchProperty().get() == 31);
        robot.type(KeyCode.ESCAPE);
        assertEquals(-1, model.selectedPatchProperty().get());
    }

    @Test
    void aBadFileShowsAMessageAndKeepsThePreviousImage(FxRobot robot) throws Exception {
        waitForImage();
        var before = model.getImage();
        Path empty = Files.createTempFile("empty", ".png");
        robot.interact(() -> view.open(empty));
        waitUntil(() -> model.problemProperty().get() != null);
        assertTrue(robot.lookup("#problem-banner").query().isVisible());
        String message = robot.lookup("#problem-message").queryAs(Label.class).getText();
        assertTrue(message.contains("empty"), message);
        assertSame(before, model.getImage());
        robot.clickOn("#problem-dismiss");
        assertFalse(robot.lookup("#problem-banner").query().isVisible());
    }

    @Test
    void patchLargerThanTheImageSaysSoInsteadOfShowingNumbers(FxRobot robot) {
        waitForImage();
        robot.interact(() -> model.workingSizeProperty().set(64));
        robot.interact(() -> model.setPatch(100));
        assertEquals(64, model.getPatch());      // clamped to the image
        robot.interact(() -> model.offsetXProperty().set(8));
        assertEquals("No whole patch fits", readout(robot, "grid"));
        assertTrue(robot.lookup("#readout-warning").query().isVisible());
        robot.interact(() -> model.offsetXProperty().set(0));
        assertEquals("1 × 1", readout(robot, "grid"));
        assertEquals("1", readout(robot, "tokens"));
    }

    /** Lets pending runLater repaints happen. */
    static final class WaitForFx {
        static void pulse() {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents(3);
        }
    }
}
