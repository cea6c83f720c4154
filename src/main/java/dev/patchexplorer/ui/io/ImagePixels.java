package dev.patchexplorer.ui.io;

import dev.patchexplorer.core.image.RgbImage;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;

/**
 * Copies a JavaFX image's pixels into a core image. A whole-image copy (up to the display budget,
 * hundreds of MB) must not run on the FX thread: callers copy once per image, in the background.
 */
final class ImagePixels {
    private ImagePixels() {}

    /** Reading a fully decoded image is safe on any thread; only showing it belongs to the FX thread. */
    static RgbImage copyOf(Image fx) {
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        int[] argb = new int[w * h];
        fx.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new RgbImage(w, h, argb);
    }
}
