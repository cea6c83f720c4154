package dev.patchexplorer.ui;

import dev.patchexplorer.core.objects.Box;
import dev.patchexplorer.ui.io.Samples;
import dev.patchexplorer.ui.viewer.BoxOverlay;
import dev.patchexplorer.ui.viewer.ImageViewer;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Boxes drawn on the real viewer: Shift+drag draws one (named "Object 1"), a click still selects a patch,
 * a plain drag still pans, and the Draw boxes toggle makes a plain drag draw; the Objects section lists each
 * box with the counts of {@link dev.patchexplorer.core.objects.BoxMeasure}, renames and deletes.
 */
@ExtendWith(ApplicationExtension.class)
class ObjectsWindowTest {
    @TempDir
    static Path settingsDir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private ExplorerView view;
    private ExplorerViewModel model;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        model = new ExplorerViewModel(background);
        view = FxTestSupport.showMainWindow(stage, model, settingsDir, Executors.newSingleThreadExecutor());
        view.navigator().navigate("explore");
    }

    @AfterEach
    void stop() {
        background.shutdown();
    }

    /** The screen point of an image point, through the viewer's own transform. */
    private Point2D screen(ImageViewer v, double ix, double iy) {
        return onFx(() -> {
            var t = v.transform();
            return v.localToScreen(t.toScreenX(ix), t.toScreenY(iy));
        });
    }

    @Test
    void drawMeasureRenameDelete(FxRobot robot, @TempDir Path exportDir) throws Exception {
        onFx(() -> {
            view.openSample(Samples.first());
            return null;
        });
        FxTestSupport.waitUntil(() -> onFx(() -> model.getImage() != null));
        ImageViewer v = view.viewer();
        int w = onFx(() -> model.getImage().width()), h = onFx(() -> model.getImage().height());

        // Shift+drag over the middle fifth of the image
        Point2D a = screen(v, w * 0.4, h * 0.4), b = screen(v, w * 0.6, h * 0.6);
        robot.press(KeyCode.SHIFT).drag(a, MouseButton.PRIMARY).moveTo(b).release(MouseButton.PRIMARY).release(KeyCode.SHIFT);
        FxTestSupport.waitUntil(() -> onFx(() -> view.boxes().boxes().size() == 1));
        Box box = onFx(() -> view.boxes().boxes().get(0));
        assertEquals("Object 1", box.name());
        assertEquals(w * 0.2, box.width(), w * 0.02, "the box spans the drag, in original pixels");
        assertEquals(h * 0.2, box.height(), h * 0.02);

        // the row shows what BoxMeasure says for the current grid
        var m = onFx(() -> view.boxes().measure(box));
        String detail = onFx(() -> robot.lookup("#object-detail-0").queryAs(Label.class).getText());
        assertTrue(detail.startsWith(m.touched() + " patches touched, " + m.inside() + " wholly inside"), detail);
        assertTrue(m.touched() > 0, "a fifth of the image touches patches");

        // File > Export draws it where it is, in its colour, and the grid SVG holds it
        Path png = exportDir.resolve("view.png");
        onFx(() -> view.exports().exportView(png, 1)).get(60, TimeUnit.SECONDS);
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(png.toFile());
        var working = onFx(model::getWorking);
        int edgeX = (int) Math.round(box.x() / working.scaleX());
        int midY = (int) Math.round((box.y() + box.height() / 2) / working.scaleY());
        assertEquals(BoxOverlay.rgb(m.warning()), picture.getRGB(edgeX, midY) & 0xffffff, "the box's left edge in the PNG");

        // a click still selects a patch and draws nothing
        Point2D c = screen(v, w * 0.1, h * 0.1);
        robot.moveTo(c).clickOn(MouseButton.PRIMARY);
        FxTestSupport.waitUntil(() -> onFx(() -> model.selectedPatchProperty().get() >= 0));
        assertEquals(1, (int) onFx(() -> view.boxes().boxes().size()));

        // a plain drag pans
        double before = onFx(() -> v.transform().translateX());
        robot.drag(screen(v, w * 0.2, h * 0.8), MouseButton.PRIMARY).moveBy(40, 0).release(MouseButton.PRIMARY);
        assertEquals(before + 40, onFx(() -> v.transform().translateX()), 2.0);
        assertEquals(1, (int) onFx(() -> view.boxes().boxes().size()));

        // with the toggle on, a plain drag draws the next box
        robot.interact(() -> robot.lookup("#objects-draw").queryAs(ToggleButton.class).fire());
        robot.drag(screen(v, w * 0.1, h * 0.1), MouseButton.PRIMARY).moveTo(screen(v, w * 0.15, h * 0.2)).release(MouseButton.PRIMARY);
        FxTestSupport.waitUntil(() -> onFx(() -> view.boxes().boxes().size() == 2));
        assertEquals("Object 2", onFx(() -> view.boxes().boxes().get(1).name()));

        // rename the first, delete the second
        robot.interact(() -> {
            TextField name = robot.lookup("#object-name-0").queryAs(TextField.class);
            name.setText("Cat");
            name.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals("Cat", onFx(() -> view.boxes().boxes().get(0).name()));
        robot.interact(() -> robot.lookup("#object-delete-1").queryAs(Button.class).fire());
        assertEquals(List.of("Cat"), onFx(() -> view.boxes().boxes().stream().map(Box::name).toList()));
    }
}
