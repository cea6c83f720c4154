package dev.patchexplorer.ui.io;

import javafx.scene.image.Image;

import java.nio.file.Path;

/**
 * A decoded image ready to show, and where it came from (null for a pasted image). An image larger than
 * the pixel budget was read subsampled: {@code image} holds every {@code subsampling}-th pixel of an
 * original of {@code originalWidth} x {@code originalHeight}.
 */
public record LoadedImage(Image image, String name, Path source, int originalWidth, int originalHeight, int subsampling) {
    /** An image shown at its own size (pasted, or within the budget). */
    public LoadedImage(Image image, String name, Path source) {
        this(image, name, source, (int) image.getWidth(), (int) image.getHeight(), 1);
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
