package dev.patchexplorer.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
     * file in {@code settingsDir}, shown on {@code stage}; FX thread. Windows left open by earlier tests
     * are hidden first: a robot's lookup searches every window and would otherwise find their nodes. TestFX
     * hands every test the same primary stage, so a size an earlier test set is undone too.
     */
    static ExplorerView showMainWindow(Stage stage, ExplorerViewModel model, Path settingsDir, Executor inference) {
        List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
        ExplorerView view = new ExplorerView(model, new SessionPersistence(new Settings(settingsDir.resolve("settings.properties"))), inference);
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(FxTestSupport.class.getResource("/dev/patchexplorer/ui/app.css").toExternalForm());
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
        return view;
    }

    /**
     * Runs {@code c} on the FX thread and returns its result. What the callable throws comes out as
     * itself: a failed assertion stays a failure and a JUnit assumption stays a skip, instead of
     * both turning into one wrapped AssertionError.
     */
    static <T> T onFx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not finish the task in 10 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the FX thread", e);
        }
    }

    static void waitUntil(Callable<Boolean> condition) {
        waitUntil(20, condition);
    }

    /**
     * Polls {@code condition} (on this thread) until it holds, then lets pending FX events run. An
     * exception from the condition ends the wait and comes out as itself, as in {@link #onFx}.
     */
    static void waitUntil(int seconds, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!holds(condition)) {
            if (System.nanoTime() - deadline > 0) throw new AssertionError("condition not met in " + seconds + " s");
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for a condition", e);
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean holds(Callable<Boolean> condition) {
        try {
            return Boolean.TRUE.equals(condition.call());
        } catch (Exception e) {
            throw rethrown(e);
        }
    }

    /** Unchecked throwables (assertion failures, test aborts) as they are; checked ones wrapped. */
    private static RuntimeException rethrown(Throwable t) {
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new AssertionError(t);
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
