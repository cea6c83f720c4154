package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Pictures for the pages: core pixels to JavaFX images, and the working image the grid is laid over. */
final class FxPictures {
    private FxPictures() {}

    static WritableImage of(RgbImage pixels) {
        WritableImage img = new WritableImage(pixels.width(), pixels.height());
        img.getPixelWriter().setPixels(0, 0, pixels.width(), pixels.height(), PixelFormat.getIntArgbInstance(),
                pixels.argb(), 0, pixels.width());
        return img;
    }

    /** The original resized (bicubic) to the working resolution, as the models see it; off the FX thread. */
    static RgbImage working(RgbImage original, WorkingResolution w) {
        return original.width() == w.width() && original.height() == w.height()
                ? original : Preprocess.resizeBicubic(original, w.width(), w.height());
    }
}
