package dev.patchexplorer.ui;

import dev.patchexplorer.core.physical.TilePreset;
import dev.patchexplorer.imagefile.PhysicalSizeFiles;
import dev.patchexplorer.imagefile.PhysicalSizeFiles.Rational;
import javafx.embed.swing.SwingFXUtils;
import javafx.event.ActionEvent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static dev.patchexplorer.ui.FxTestSupport.waitUntil;

/**
 * Not a test (no "Test" in the name): the Explore view with µm readouts, for looking at layout. Run with
 * {@code -Dtest=PhysicalUnitsPictures -Dpictures.dir=DIR [-Dpictures.lang=zh]}.
 */
@ExtendWith(ApplicationExtension.class)
class PhysicalUnitsPictures {
    @TempDir
    static Path dir;

    private ExplorerViewModel model;
    private final String lang = System.getProperty("pictures.lang", "en");

    @Start
    void start(Stage stage) {
        Locale locale = lang.equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        Messages.useLocale(locale);
        Theme.LIGHT.apply();
        model = new ExplorerViewModel(Executors.newSingleThreadExecutor());
        ExplorerView view = FxTestSupport.showMainWindow(stage, model, dir, Executors.newSingleThreadExecutor());
        view.navigator().navigate("explore");
    }

    @Test
    @SuppressWarnings("unchecked")
    void explore(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("pictures.dir", dir.toString()));
        Files.createDirectories(out);
        // 1200 x 900 at 40,000 px/cm = 0.25 µm/px (40x)
        Path tif = PhysicalSizeFiles.tiff(dir.resolve("slide.tif"), 1200, 900, new Rational(40_000, 1), new Rational(40_000, 1), 3, null);
        onFx(() -> {
            model.open(tif);
            return null;
        });
        waitUntil(() -> model.getImage() != null);
        robot.interact(() -> robot.lookup("#show-microns").queryAs(CheckBox.class).fire());
        robot.interact(() -> robot.lookup("#tile-preset").queryAs(ComboBox.class).setValue(TilePreset.TILE_256_AT_20X));
        robot.interact(() -> {
            TextField t = robot.lookup("#tissue-area").queryAs(TextField.class);
            t.setText("150");
            t.fireEvent(new ActionEvent());
        });
        FxTestSupport.waitUntil(() -> true);
        onFx(() -> {
            var scene = robot.lookup("#controls-scroll").queryAs(ScrollPane.class).getScene();
            ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", out.resolve("physical-window-" + lang + ".png").toFile());
            var content = robot.lookup("#controls-scroll").queryAs(ScrollPane.class).getContent();
            ImageIO.write(SwingFXUtils.fromFXImage(content.snapshot(null, null), null), "png", out.resolve("physical-panel-" + lang + ".png").toFile());
            return null;
        });
    }
}
