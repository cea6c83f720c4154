package dev.patchexplorer.core.position;

import dev.patchexplorer.core.image.RgbImage;

/** Translation: the picture moved by whole pixels inside the same frame, what leaves it lost, what enters filled. */
public final class ImageShift {
    private ImageShift() {}

    /**
     * The image moved {@code dx} pixels right and {@code dy} down (negative: left, up); uncovered pixels
     * take {@code fillArgb} (callers pass the model's mean colour, which the model sees as zero).
     */
    public static RgbImage shift(RgbImage image, int dx, int dy, int fillArgb) {
        int w = image.width(), h = image.height();
        int[] out = new int[w * h];
        java.util.Arrays.fill(out, fillArgb);
        int[] src = image.argb();
        int fromX = Math.max(0, -dx), toX = Math.max(0, dx);
        int len = w - Math.abs(dx);
        for (int y = 0; y < h && len > 0; y++) {
            int sy = y - dy;
            if (sy < 0 || sy >= h) continue;
            System.arraycopy(src, sy * w + fromX, out, y * w + toX, len);
        }
        return new RgbImage(w, h, out);
    }
}
