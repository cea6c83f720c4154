package dev.patchexplorer.ui.io;

import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.imagefile.PixelSize;
import javafx.scene.image.Image;

import java.nio.file.Path;

/**
 * A decoded image ready to show, and where it came from (null for a pasted image). An image larger than
 * the pixel budget was read subsampled: {@code image} holds every {@code subsampling}-th pixel of an
 * original of {@code originalWidth} x {@code originalHeight}.
 *
 * <p>{@code pixels} are the same pixels as {@code image}, made once when the image was loaded (off the FX
 * thread): every job that runs a model reads this one copy instead of copying the image again. Read only.
 * {@code pixelSize} is µm per original pixel when the file states it, else null.
 */
public record LoadedImage(Image image, RgbImage pixels, String name, Path source, int originalWidth, int originalHeight,
                          int subsampling, PixelSize pixelSize) {
    public LoadedImage {
        if (pixels.width() != (int) image.getWidth() || pixels.height() != (int) image.getHeight()) {
            throw new IllegalArgumentException("pixels " + pixels.width() + "x" + pixels.height() + " are not the image's "
                    + (int) image.getWidth() + "x" + (int) image.getHeight());
        }
    }

    /** An image whose file states no physical pixel size. */
    public LoadedImage(Image image, RgbImage pixels, String name, Path source, int originalWidth, int originalHeight,
                       int subsampling) {
        this(image, pixels, name, source, originalWidth, originalHeight, subsampling, null);
    }

    /**
     * An image shown at its own size (pasted, or within the budget). Copies its pixels on the calling
     * thread: call it off the FX thread.
     */
    public LoadedImage(Image image, String name, Path source) {
        this(image, ImagePixels.copyOf(image), name, source, (int) image.getWidth(), (int) image.getHeight(), 1);
    }

    public int width() {
        return (int) image.getWidth();
    }

    public int height() {
        return (int) image.getHeight();
    }

    public boolean subsampled() {
        return subsampling > 1;
    }
}
