package dev.patchexplorer.ui;

import dev.patchexplorer.core.objects.Box;
import dev.patchexplorer.ui.io.Samples;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ScrollPane;
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
import java.util.concurrent.TimeUnit;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static dev.patchexplorer.ui.FxTestSupport.waitUntil;

/**
 * Not a test (no "Test" in the name): the window with two named boxes, the Objects section and its chart,
 * and the exported PNG, for looking at layout. Run with
 * {@code -Dtest=ObjectsPictures -Dpictures.dir=DIR [-Dpictures.lang=zh]}.
 */
@ExtendWith(ApplicationExtension.class)
class ObjectsPictures {
    @TempDir
    static Path dir;

    private ExplorerViewModel model;
    private ExplorerView view;
    private final String lang = System.getProperty("pictures.lang", "en");

    @Start
    void start(Stage stage) {
        Messages.useLocale(lang.equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
        Theme.LIGHT.apply();
        model = new ExplorerViewModel(Executors.newSingleThreadExecutor());
        view = FxTestSupport.showMainWindow(stage, model, dir, Executors.newSingleThreadExecutor());
        view.navigator().navigate("explore");
    }

    @Test
    void objects(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("pictures.dir", dir.toString()));
        Files.createDirectories(out);
        onFx(() -> {
            view.openSample(Samples.first());
            return null;
        });
        waitUntil(() -> model.getImage() != null);
        onFx(() -> {
            int w = model.getImage().width(), h = model.getImage().height();
            boolean zh = lang.equals("zh");
            view.boxes().boxes().setAll(
                    new Box(zh ? "猫" : "Cat", w * 0.18, h * 0.12, w * 0.64, h * 0.8),
                    new Box(zh ? "眼睛" : "Eye", w * 0.38, h * 0.36, w * 0.07, h * 0.05));
            return null;
        });
        waitUntil(() -> true);
        onFx(() -> {
            ScrollPane scroll = robot.lookup("#controls-scroll").queryAs(ScrollPane.class);
            scroll.setVvalue(1);
            return null;
        });
        waitUntil(() -> true);
        onFx(() -> {
            var scene = view.getScene();
            ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", out.resolve("objects-window-" + lang + ".png").toFile());
            var content = robot.lookup("#objects-pane").query();
            ImageIO.write(SwingFXUtils.fromFXImage(content.snapshot(null, null), null), "png", out.resolve("objects-panel-" + lang + ".png").toFile());
            return null;
        });
        onFx(() -> view.exports().exportView(out.resolve("objects-export-" + lang + ".png"), 2)).get(60, TimeUnit.SECONDS);
    }
}
