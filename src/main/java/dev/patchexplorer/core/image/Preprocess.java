package dev.patchexplorer.core.image;

/**
 * Turns a picture into a model input: optional centre crop, Pillow-style bicubic resize,
 * scale to [0, 1], then (x - mean) / std per channel, the order timm's transforms use.
 */
public final class Preprocess {
    private Preprocess() {}

    /** The largest centred square (odd leftovers go to the right and bottom, like Pillow's crop). */
    public static RgbImage centerCropSquare(RgbImage image) {
        int side = Math.min(image.width(), image.height());
        int left = (image.width() - side) / 2;
        int top = (image.height() - side) / 2;
        return crop(image, left, top, side, side);
    }

    public static RgbImage crop(RgbImage image, int left, int top, int width, int height) {
        if (left < 0 || top < 0 || width <= 0 || height <= 0 || left + width > image.width() || top + height > image.height()) {
            throw new IllegalArgumentException("crop " + width + "x" + height + "+" + left + "+" + top
                    + " outside " + image.width() + "x" + image.height());
        }
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(image.argb(), (top + y) * image.width() + left, out, y * width, width);
        }
        return new RgbImage(width, height, out);
    }

    public static RgbImage resizeBicubic(RgbImage image, int width, int height) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("target size " + width + "x" + height);
        return PilBicubic.resize(image, width, height);
    }

    /** Resize to {@code width x height} and normalise: the tensor a model consumes. */
    public static ChwImage toModelInput(RgbImage image, int width, int height, float[] mean, float[] std) {
        RgbImage sized = image.width() == width && image.height() == height ? image : resizeBicubic(image, width, height);
        return normalize(sized, mean, std);
    }

    public static ChwImage normalize(RgbImage image, float[] mean, float[] std) {
        if (mean.length != 3 || std.length != 3) throw new IllegalArgumentException("mean and std need 3 values each");
        int plane = image.width() * image.height();
        float[] data = new float[3 * plane];
        int[] px = image.argb();
        for (int i = 0; i < plane; i++) {
            int p = px[i];
            data[i] = ((((p >> 16) & 0xff) / 255f) - mean[0]) / std[0];
            data[plane + i] = ((((p >> 8) & 0xff) / 255f) - mean[1]) / std[1];
            data[2 * plane + i] = (((p & 0xff) / 255f) - mean[2]) / std[2];
        }
        return new ChwImage(3, image.height(), image.width(), data);
    }
}
