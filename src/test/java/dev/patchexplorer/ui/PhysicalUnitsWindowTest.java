package dev.patchexplorer.ui;

import dev.patchexplorer.core.grid.AspectMode;
import dev.patchexplorer.core.physical.TilePreset;
import dev.patchexplorer.imagefile.PhysicalSizeFiles;
import dev.patchexplorer.imagefile.PhysicalSizeFiles.Rational;
import javafx.event.ActionEvent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static dev.patchexplorer.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Explore view's physical units: a TIFF with resolution tags fills µm/px, the µm readouts show the
 * hand-worked values, a typed value overrides the file's, and a tile preset sets the working size.
 */
@ExtendWith(ApplicationExtension.class)
class PhysicalUnitsWindowTest {
    @TempDir
    static Path dir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService inference = Executors.newSingleThreadExecutor();
    private ExplorerViewModel model;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        model = new ExplorerViewModel(background);
        ExplorerView view = FxTestSupport.showMainWindow(stage, model, dir, inference);
        view.navigator().navigate("explore");
    }

    @AfterEach
    void stop() {
        background.shutdown();
        inference.shutdown();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    private static void type(FxRobot robot, String id, String value) {
        TextField f = robot.lookup("#" + id).queryAs(TextField.class);
        robot.interact(() -> {
            f.setText(value);
            f.fireEvent(new ActionEvent());
        });
    }

    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, TilePreset preset) {
        ComboBox<TilePreset> box = robot.lookup("#tile-preset").queryAs(ComboBox.class);
        robot.interact(() -> box.setValue(preset));
    }

    /** The controls sit below the readouts in a scroll pane: the check box is fired as a click would. */
    private static void toggleMicrons(FxRobot robot) {
        CheckBox box = robot.lookup("#show-microns").queryAs(CheckBox.class);
        robot.interact(box::fire);
    }

    private void open(Path file) {
        onFx(() -> {
            model.open(file);
            return null;
        });
        waitUntil(() -> model.getImage() != null && model.getImage().source().endsWith(file.getFileName()));
    }

    @Test
    void tiffTagsGiveMicronReadoutsAndPresetsSetTheWorkingSize(FxRobot robot) throws Exception {
        // 400 x 200 at 20,000 px/cm = 0.5 µm/px (20x)
        open(PhysicalSizeFiles.tiff(dir.resolve("slide.tif"), 400, 200, new Rational(20_000, 1), new Rational(20_000, 1), 3, null));
        assertEquals("0.5", robot.lookup("#mpp-field").queryAs(TextField.class).getText());
        assertEquals("From the file (TIFF resolution tags).", text(robot, "mpp-source"));
        assertFalse(robot.lookup("#physical-readouts").query().isVisible());   // px until asked

        // aspect kept, short side 100: 2 source px per working px = 1.0 µm; patch 10 = 10 µm, 100 µm², 10,000 per mm²
        onFx(() -> {
            model.aspectModeProperty().set(AspectMode.KEEP);
            model.workingSizeProperty().set(100);
            model.setPatch(10);
            return null;
        });
        toggleMicrons(robot);
        assertTrue(robot.lookup("#show-microns").queryAs(CheckBox.class).isSelected());
        assertTrue(robot.lookup("#physical-readouts").query().isVisible());
        assertEquals("10 µm", text(robot, "readout-patchMicrons"));
        assertEquals("20 × 20 px of the original", text(robot, "readout-sourcePixels"));
        assertEquals("100 µm²", text(robot, "readout-fieldOfView"));
        assertEquals("10,000", text(robot, "readout-density"));
        assertEquals("image 20x, analysed at 10x", text(robot, "readout-magnification"));
        assertFalse(robot.lookup("#readout-tissue").query().isVisible());
        type(robot, "tissue-area", "2.5");
        assertEquals("25,000 for 2.5 mm²", text(robot, "readout-tissue"));   // 2.5 x 10,000

        // by hand: 0.25 µm/px halves every length: 5 µm, 25 µm², 40,000 per mm², 40x seen at 20x
        type(robot, "mpp-field", "0.25");
        assertEquals("Set by hand.", text(robot, "mpp-source"));
        assertEquals("5 µm", text(robot, "readout-patchMicrons"));
        assertEquals("25 µm²", text(robot, "readout-fieldOfView"));
        assertEquals("40,000", text(robot, "readout-density"));
        assertEquals("image 40x, analysed at 20x", text(robot, "readout-magnification"));
        type(robot, "mpp-field", "-1");
        assertTrue(text(robot, "mpp-source").startsWith("Not a pixel size"));
        assertEquals(0.25, onFx(() -> model.physicalUnits().getScale().micronsPerPixel()), 0);

        // cleared: back to the file's 0.5
        type(robot, "mpp-field", "");
        assertEquals("0.5", robot.lookup("#mpp-field").queryAs(TextField.class).getText());
        assertEquals("From the file (TIFF resolution tags).", text(robot, "mpp-source"));

        // 256 px at 20x on a 20x image: short side stays 200 (working 400 x 200), a tile reads 256 source px
        choose(robot, TilePreset.TILE_256_AT_20X);
        assertEquals(200, onFx(() -> model.workingSizeProperty().get()));
        assertEquals(400, onFx(() -> model.getWorking().width()));
        assertEquals("At 20x the working size is 200 px; one 256 px tile (128 µm) reads 256 source px.", text(robot, "preset-result"));
        assertEquals("image 20x, analysed at 20x", text(robot, "readout-magnification"));
        // 256 px at 10x: 200 x 0.5 / 1.0 = 100; a tile reads 512 source px
        choose(robot, TilePreset.TILE_256_AT_10X);
        assertEquals(100, onFx(() -> model.workingSizeProperty().get()));
        assertEquals(200, onFx(() -> model.getWorking().width()));
        assertTrue(text(robot, "preset-result").endsWith("reads 512 source px."), text(robot, "preset-result"));

        // 0.01 µm/px at 20x would shrink the 200 px side to 4: refused, the working size stays
        type(robot, "mpp-field", "0.01");
        choose(robot, TilePreset.TILE_512_AT_20X);
        assertEquals(100, onFx(() -> model.workingSizeProperty().get()));
        assertTrue(text(robot, "preset-result").startsWith("At 20x this image would be 4 px"), text(robot, "preset-result"));
    }

    @Test
    void imageWithoutScaleSaysSo(FxRobot robot) throws Exception {
        open(PhysicalSizeFiles.png(dir.resolve("plain.png"), 64, 48, null, null, 0));
        assertEquals("", robot.lookup("#mpp-field").queryAs(TextField.class).getText());
        assertEquals("The file states none: type one to see physical sizes.", text(robot, "mpp-source"));
        toggleMicrons(robot);
        assertTrue(robot.lookup("#readout-physical-none").query().isVisible());
        assertFalse(robot.lookup("#readout-patchMicrons").query().isVisible());
        choose(robot, TilePreset.TILE_224_AT_20X);
        assertEquals("A preset needs the image’s pixel size: set µm/px first.", text(robot, "preset-result"));
    }
}
