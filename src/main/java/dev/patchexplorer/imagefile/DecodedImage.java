package dev.patchexplorer.imagefile;

import dev.patchexplorer.core.image.RgbImage;

import java.util.Optional;

/**
 * An image file's pixels as read, with the size the file declares. When the file holds more pixels
 * than the budget, every {@code subsampling}-th pixel of every {@code subsampling}-th row was read, so
 * {@code pixels} is about 1/subsampling of the original on each side. {@code pixelSize} is the
 * physical size of one original pixel when the file states it, else null.
 */
public record DecodedImage(RgbImage pixels, int originalWidth, int originalHeight, int subsampling, String format,
                           PixelSize pixelSize) {
    public DecodedImage {
        if (subsampling < 1) throw new IllegalArgumentException("subsampling " + subsampling);
    }

    /** An image whose file states no physical pixel size. */
    public DecodedImage(RgbImage pixels, int originalWidth, int originalHeight, int subsampling, String format) {
        this(pixels, originalWidth, originalHeight, subsampling, format, null);
    }

    public Optional<PixelSize> physicalPixelSize() {
        return Optional.ofNullable(pixelSize);
    }

    public boolean subsampled() {
        return subsampling > 1;
    }
}
