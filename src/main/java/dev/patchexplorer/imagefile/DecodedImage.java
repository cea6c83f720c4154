package dev.patchexplorer.imagefile;

import dev.patchexplorer.core.image.RgbImage;

/**
 * An image file's pixels as read, with the size the file declares. When the file holds more pixels
 * than the budget, every {@code subsampling}-th pixel of every {@code subsampling}-th row was read, so
 * {@code pixels} is about 1/subsampling of the original on each side.
 */
public record DecodedImage(RgbImage pixels, int originalWidth, int originalHeight, int subsampling, String format) {
    public DecodedImage {
        if (subsampling < 1) throw new IllegalArgumentException("subsampling " + subsampling);
    }

    public boolean subsampled() {
        return subsampling > 1;
    }
}
