package dev.patchexplorer.ui;

import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
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
