package dev.patchexplorer.core.adaptive;

import dev.patchexplorer.core.image.RgbImage;

/**
 * APT's measure of a patch's complexity: grey = 0.2989 R + 0.5870 G + 0.1140 B on 0..255, a
 * 512-bin histogram, H = −Σ p log2 p in bits (SWEEP_AND_CONCEPTS.md section 3).
 * Bins are half a grey level wide over [0, 256), so every integer grey level has a bin of its own.
 */
public final class GreyEntropy {
    public static final int BINS = 512;

    private GreyEntropy() {}

    /** The grey value of one packed 0xAARRGGBB pixel, 0..255 (ITU-R BT.601 weights, as APT uses). */
    public static double grey(int argb) {
        return 0.2989 * ((argb >> 16) & 0xff) + 0.5870 * ((argb >> 8) & 0xff) + 0.1140 * (argb & 0xff);
    }

    /** Entropy in bits of the square patch's grey histogram: 0 for a flat patch, at most log2(pixels). */
    public static double bits(RgbImage image, QuadCell cell) {
        int[] counts = new int[BINS];
        for (int y = cell.y(); y < cell.y() + cell.size(); y++) {
            for (int x = cell.x(); x < cell.x() + cell.size(); x++) {
                counts[bin(grey(image.get(x, y)))]++;
            }
        }
        double n = (double) cell.size() * cell.size();
        double h = 0;
        for (int c : counts) {
            if (c == 0) continue;
            double p = c / n;
            h -= p * Math.log(p) / Math.log(2);
        }
        return h == 0 ? 0 : h; // no −0.0
    }

    static int bin(double grey) {
        return Math.min(BINS - 1, Math.max(0, (int) Math.floor(grey * BINS / 256.0)));
    }

    /** As a scorer: high entropy splits first, so the score is −H. */
    public static PatchScorer scorer() {
        return (image, cell, minSize) -> -bits(image, cell);
    }
}
