package dev.patchexplorer.core.image;

import java.util.Objects;

/**
 * An image as packed 0xAARRGGBB pixels, row by row: the toolkit-free currency between the
 * viewer (JavaFX), the command line (ImageIO) and the model.
 */
public record RgbImage(int width, int height, int[] argb) {
    public RgbImage {
        Objects.requireNonNull(argb, "argb");
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("empty image " + width + "x" + height);
        if (argb.length != width * height) {
            throw new IllegalArgumentException("pixel count " + argb.length + " != " + width + "x" + height);
        }
    }

    public int get(int x, int y) {
        return argb[y * width + x];
    }
}
