package dev.patchexplorer.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Small helpers for tests that drive the real JavaFX toolkit. */
final class FxTestSupport {
    private FxTestSupport() {}

    static void startToolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // fine: another test started it
        }
    }

    /**
     * The main window as the app builds it, 1400 x 900 with the app's stylesheet, on the settings
     * file in {@code settingsDir}, shown on {@code stage}; FX thread.
     */
    static ExplorerView showMainWindow(Stage stage, ExplorerViewModel model, Path settingsDir, Executor inference) {
        ExplorerView view = new ExplorerView(model, new SessionPersistence(new Settings(settingsDir.resolve("settings.properties"))), inference);
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(FxTestSupport.class.getResource("/dev/patchexplorer/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        return view;
    }

    static <T> T onFx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void waitUntil(Callable<Boolean> condition) {
        waitUntil(20, condition);
    }

    static void waitUntil(int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (Exception e) {
            throw new AssertionError("condition not met in " + seconds + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    static boolean near(Color a, Color b, double tolerance) {
        return Math.abs(a.getRed() - b.getRed()) <= tolerance && Math.abs(a.getGreen() - b.getGreen()) <= tolerance
                && Math.abs(a.getBlue() - b.getBlue()) <= tolerance;
    }

    static Color pixel(Image img, double x, double y) {
        return img.getPixelReader().getColor((int) x, (int) y);
    }

    static WritableImage blank() {
        return new WritableImage(1, 1);
    }
}
