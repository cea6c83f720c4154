package dev.patchexplorer.core.features;

/**
 * The patch-embedding filters ({@code [filters][3][patch][patch]}, RGB order as the model reads the
 * image) as small ARGB pictures. Each filter is stretched on its own from its lowest to its highest
 * weight over all three channels, so its colour balance stays visible while filters of very different
 * scale are all readable; a constant filter is mid-grey.
 */
public final class FilterPictures {
    private FilterPictures() {}

    /** One {@code patch x patch} row-major ARGB array per filter. */
    public static int[][] argb(float[] kernel, int filters, int patch) {
        int pp = patch * patch;
        if (filters < 1 || patch < 1 || kernel.length != (long) filters * 3 * pp) {
            throw new IllegalArgumentException(kernel.length + " weights are not " + filters + " filters of 3x" + patch + "x" + patch);
        }
        int[][] out = new int[filters][pp];
        for (int f = 0; f < filters; f++) {
            int base = f * 3 * pp;
            float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < 3 * pp; i++) {
                lo = Math.min(lo, kernel[base + i]);
                hi = Math.max(hi, kernel[base + i]);
            }
            double range = (double) hi - lo;
            for (int i = 0; i < pp; i++) {
                int r = level(kernel[base + i], lo, range);
                int g = level(kernel[base + pp + i], lo, range);
                int b = level(kernel[base + 2 * pp + i], lo, range);
                out[f][i] = 0xff000000 | r << 16 | g << 8 | b;
            }
        }
        return out;
    }

    private static int level(float v, float lo, double range) {
        if (!(range > 0)) return 128; // constant filter (or a non-finite weight): no contrast to show
        return (int) Math.round(255 * ((v - lo) / range));
    }
}
