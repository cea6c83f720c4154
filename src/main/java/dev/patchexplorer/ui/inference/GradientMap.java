package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.rf.EffectiveReceptiveField.ErfSummary;

/**
 * One input-gradient map as a heatmap: |gradient| summed over RGB, {@code width x height} values
 * row-major at the model's input resolution, covering working pixels [0, extentW) x [0, extentH)
 * (the whole working image for a CNN; the part the patch grid covers for a ViT).
 *
 * <p>Gradient maps are heavy-tailed: a handful of pixels next to the unit hold values many times
 * the rest, so scaling colours to the maximum leaves nearly everything at the bottom of the scale.
 * Colours therefore saturate at {@code displayMax}, the {@value #DISPLAY_PERCENTILE}th percentile
 * of the non-zero values, as saliency displays commonly do; the legend says so.
 *
 * @param summary the 50 % / 90 % mass radii for an ERF map, else null
 */
public record GradientMap(GradientMapKind kind, float[] values, int width, int height, double extentW, double extentH,
                          double max, double displayMax, String title, ErfSummary summary) {
    public static final int DISPLAY_PERCENTILE = 99;

    public GradientMap {
        if (values.length != width * height) {
            throw new IllegalArgumentException("map has " + values.length + " values for " + width + "x" + height);
        }
    }

    /** A map with its maximum and display maximum computed from the (non-negative) values. */
    public static GradientMap of(GradientMapKind kind, float[] values, int width, int height, double extentW, double extentH,
                                 String title, ErfSummary summary) {
        return new GradientMap(kind, values, width, height, extentW, extentH, maxOf(values), displayMaxOf(values),
                title, summary);
    }

    /** Largest value of a non-negative map (0 for an all-zero map). */
    static double maxOf(float[] values) {
        double m = 0;
        for (float v : values) m = Math.max(m, v);
        return m;
    }

    /** The {@link #DISPLAY_PERCENTILE}th percentile of the non-zero values (nearest rank), 0 when there are none. */
    static double displayMaxOf(float[] values) {
        int n = 0;
        for (float v : values) if (v != 0) n++;
        if (n == 0) return 0;
        float[] nonZero = new float[n];
        int i = 0;
        for (float v : values) if (v != 0) nonZero[i++] = v;
        java.util.Arrays.sort(nonZero);
        int rank = (int) Math.ceil(DISPLAY_PERCENTILE / 100.0 * n); // 1-based nearest rank
        return nonZero[Math.max(0, rank - 1)];
    }

    /** 0..1 of the display maximum, clamped: values above it get the top colour. */
    public double normalised(int index) {
        return displayMax > 0 ? Math.min(1, values[index] / displayMax) : 0;
    }

    /** Working-pixel box of the values that are not exactly zero, as {x0, y0, x1, y1} (half-open), or null. */
    public double[] nonZeroExtent() {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == 0) continue;
            int x = i % width, y = i / width;
            x0 = Math.min(x0, x);
            y0 = Math.min(y0, y);
            x1 = Math.max(x1, x);
            y1 = Math.max(y1, y);
        }
        if (x1 < 0) return null;
        double sx = extentW / width, sy = extentH / height;
        return new double[] {x0 * sx, y0 * sy, (x1 + 1) * sx, (y1 + 1) * sy};
    }
}
