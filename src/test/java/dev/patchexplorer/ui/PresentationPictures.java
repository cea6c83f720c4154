package dev.patchexplorer.ui;

import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.io.Samples;
import dev.patchexplorer.ui.panels.HeadsView;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * Not a test (no "Test" in the name): presentation mode and the layers x heads window, for looking at
 * them. Run with {@code -Dtest=PresentationPictures -Dpictures.dir=DIR [-Dpictures.lang=zh]
 * [-Dpictures.model=VIT_FOLDER]} (without a model folder, the tests' tiny random ViT).
 */
@ExtendWith(ApplicationExtension.class)
class PresentationPictures {
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
    }

    private static void save(Scene scene, Path file) throws Exception {
        ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file.toFile());
    }

    @Test
    void presentationAndHeads(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("pictures.dir", dir.toString()));
        Files.createDirectories(out);
        String given = System.getProperty("pictures.model");
        Path vit = given != null ? Path.of(given) : dir.resolve("vit_tiny_patch16_224.augreg_in21k_ft_in1k");
        if (given == null) TinyCheckpoints.vit(vit);
        onFx(() -> {
            view.models().loadModel(vit);
            view.openSample(Samples.first());
            return null;
        });
        waitUntil(120, () -> onFx(() -> view.models().getModel() != null && model.getImage() != null));
        onFx(() -> {
            view.presentation().enter();
            return null;
        });
        robot.type(javafx.scene.input.KeyCode.RIGHT); // 16 -> 32
        waitUntil(120, () -> onFx(() -> view.attention().getHeatmap() != null && !view.attention().busyProperty().get()));
        onFx(() -> {
            view.viewer().fitToWindow();
            return null;
        });
        Point2D at = onFx(() -> {
            var t = view.viewer().transform();
            return view.viewer().localToScreen(t.toScreenX(model.getImage().width() * 0.45), t.toScreenY(model.getImage().height() * 0.4));
        });
        robot.moveTo(at);
        waitUntil(() -> onFx(() -> view.pointerHighlight().highlightedPatch() >= 0));
        onFx(() -> {
            view.viewer().paintNow();
            save(view.getScene(), out.resolve("presentation-" + lang + ".png"));
            return null;
        });
        robot.clickOn("#presentation-panels");
        onFx(() -> {
            save(view.getScene(), out.resolve("presentation-panels-" + lang + ".png"));
            view.presentation().leave();
            return null;
        });

        onFx(() -> {
            view.navigator().navigate("attention");
            return null;
        });
        robot.interact(() -> robot.lookup("#attention-all-heads").queryButton().fire());
        waitUntil(120, () -> onFx(() -> heads() != null && heads().tileCount() > 0));
        settle();
        onFx(() -> {
            save(heads().getScene(), out.resolve("heads-class-" + lang + ".png"));
            return null;
        });
        onFx(() -> {
            model.selectedPatchProperty().set(model.patchAtImagePoint(model.getImage().width() * 0.45, model.getImage().height() * 0.4));
            heads().job().queryProperty().set(dev.patchexplorer.ui.inference.AllHeadsJob.Query.CLICKED_PATCH);
            heads().getScene().getWindow().setWidth(1300);
            heads().getScene().getWindow().setHeight(1000);
            return null;
        });
        waitUntil(60, () -> onFx(() -> heads().job().getHeads() != null && !heads().job().getHeads().classToken()));
        settle();
        onFx(() -> {
            save(heads().getScene(), out.resolve("heads-patch-large-" + lang + ".png"));
            return null;
        });
    }

    /** Lets the window lay out its new tiles and labels (a resize refreshes them once more). */
    private static void settle() throws InterruptedException {
        Thread.sleep(1500);
        waitUntil(() -> onFx(() -> heads().lookup("#heads-row-1") != null
                && heads().lookup("#heads-row-1").getLayoutBounds().getWidth() > 0));
    }

    private static HeadsView heads() {
        for (Window w : Window.getWindows()) {
            if (w.getScene() != null && w.getScene().lookup("#heads-view") instanceof HeadsView v && w.isShowing()) return v;
        }
        return null;
    }
}
