package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.ui.io.LoadedImage;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;

/** The loaded image's pixels as a core image, copied on the FX thread once per image. */
final class ImagePixels {
    private LoadedImage of;
    private RgbImage pixels;

    RgbImage of(LoadedImage image) {
        if (of != image) {
            Image fx = image.image();
            int w = (int) fx.getWidth();
            int h = (int) fx.getHeight();
            int[] argb = new int[w * h];
            fx.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            pixels = new RgbImage(w, h, argb);
            of = image;
        }
        return pixels;
    }
}
