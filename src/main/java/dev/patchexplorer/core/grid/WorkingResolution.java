package dev.patchexplorer.core.grid;

/**
 * The resolution at which the image is analysed. The grid lives in working pixels; the viewer maps
 * them back onto the original image with {@link #scaleX()} and {@link #scaleY()}.
 */
public record WorkingResolution(int originalWidth, int originalHeight, int width, int height) {

    public static final int MIN_SIZE = 1;
    public static final int MAX_SIZE = 8192;

    public static WorkingResolution of(int originalWidth, int originalHeight, int size, AspectMode mode) {
        if (originalWidth <= 0 || originalHeight <= 0) throw new IllegalArgumentException("image must not be empty");
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("working size must be between " + MIN_SIZE + " and " + MAX_SIZE + ", got " + size);
        }
        if (mode == AspectMode.SQUASH) return new WorkingResolution(originalWidth, originalHeight, size, size);
        double scale = (double) size / Math.min(originalWidth, originalHeight);
        int w = Math.max(1, (int) Math.round(originalWidth * scale));
        int h = Math.max(1, (int) Math.round(originalHeight * scale));
        return new WorkingResolution(originalWidth, originalHeight, w, h);
    }

    /** Original pixels per working pixel, horizontally. */
    public double scaleX() {
        return (double) originalWidth / width;
    }

    public double scaleY() {
        return (double) originalHeight / height;
    }
}
