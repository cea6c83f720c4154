package dev.patchexplorer.core.adaptive;

import dev.patchexplorer.core.image.RgbImage;

/**
 * Quadformer's baseline "pixel blur" scorer: shrink the patch to min x min, blow it back up, and
 * score −sqrt(MSE x side), where MSE is the mean squared error over the patch's pixels and its
 * three channels, values on 0..1 (SWEEP_AND_CONCEPTS.md section 3).
 *
 * <p>Why box averaging and pixel replication instead of Quadformer's bilinear resize of the whole
 * image: the score then depends on the patch alone (no neighbour pixels leak in through the
 * interpolation kernel), and MSE is exactly the mean within-block variance, which a test can work
 * out by hand. Sides are min x 2^k here, so each small pixel is an exact block of the patch.
 */
public final class BlurScorer implements PatchScorer {
    @Override
    public double score(RgbImage image, QuadCell cell, int minSize) {
        return 0.0 - Math.sqrt(blurMse(image, cell, minSize) * cell.size()); // 0.0 - : a flat patch scores +0.0, not -0.0
    }

    /** Mean squared difference between the patch and its min x min blur, per channel value on 0..1. */
    public static double blurMse(RgbImage image, QuadCell cell, int minSize) {
        if (cell.size() % minSize != 0) {
            throw new IllegalArgumentException("patch side " + cell.size() + " is not a multiple of " + minSize);
        }
        int block = cell.size() / minSize;
        double sum = 0;
        for (int by = 0; by < minSize; by++) {
            for (int bx = 0; bx < minSize; bx++) {
                int x0 = cell.x() + bx * block, y0 = cell.y() + by * block;
                sum += blockSquaredDeviation(image, x0, y0, block);
            }
        }
        return sum / (3.0 * cell.size() * cell.size());
    }

    /**
     * Σ over the block's pixels and channels of (value − block mean)²: what replication of the mean
     * loses. Sums of the 0..255 integers are exact in a long, so a flat block gives exactly 0.
     */
    private static double blockSquaredDeviation(RgbImage image, int x0, int y0, int block) {
        long n = (long) block * block;
        double s = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            long sum = 0, sumSq = 0;
            for (int y = y0; y < y0 + block; y++) {
                for (int x = x0; x < x0 + block; x++) {
                    long v = (image.get(x, y) >> shift) & 0xff;
                    sum += v;
                    sumSq += v * v;
                }
            }
            s += (double) (n * sumSq - sum * sum) / n / (255.0 * 255.0);
        }
        return s;
    }
}
