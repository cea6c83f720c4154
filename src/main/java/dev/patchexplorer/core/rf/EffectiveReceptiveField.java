package dev.patchexplorer.core.rf;

import java.util.Arrays;

/**
 * Statistics of an effective receptive field (Luo, Li, Urtasun, Zemel, NeurIPS 2016): how the
 * gradient of one output unit with respect to the input spreads over the input pixels.
 *
 * <p>Radius definition: for a non-negative mass map m (h x w, row-major) and a centre (cy, cx)
 * in pixel coordinates (pixel (y, x) is centred at (y, x)), the radius containing fraction f is
 * the smallest r such that the pixels whose centres lie in the closed disc of radius r around
 * the centre, i.e. (y - cy)^2 + (x - cx)^2 <= r^2, hold at least f of the total mass. A disc
 * rather than a square because ERFs are close to isotropic Gaussians. The answer is always the
 * distance of some pixel from the centre.
 */
public final class EffectiveReceptiveField {
    private EffectiveReceptiveField() {}

    /**
     * The ERF radii of one unit, compared with its theoretical field of side {@code theoreticalSize}.
     * A fraction of 1 means the disc just touches the sides of the theoretical square.
     */
    public record ErfSummary(double radius50, double radius90, int theoreticalSize) {
        public double fraction50() {
            return radius50 / (theoreticalSize / 2.0);
        }

        public double fraction90() {
            return radius90 / (theoreticalSize / 2.0);
        }
    }

    public static ErfSummary summarize(float[] mass, int height, int width, double centreY, double centreX,
                                       int theoreticalSize) {
        return new ErfSummary(radiusContaining(mass, height, width, centreY, centreX, 0.5),
                radiusContaining(mass, height, width, centreY, centreX, 0.9), theoreticalSize);
    }

    /** Per-pixel sum over channels of |gradient|, from a C x H x W gradient: the usual ERF mass map. */
    public static float[] channelAbsSum(float[] chw, int channels, int height, int width) {
        int plane = height * width;
        if (chw.length != channels * plane) {
            throw new IllegalArgumentException("gradient has " + chw.length + " values, not " + channels + "x" + height + "x" + width);
        }
        float[] out = new float[plane];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < plane; i++) out[i] += Math.abs(chw[c * plane + i]);
        }
        return out;
    }

    /** The smallest disc radius holding {@code fraction} of the mass; see the class comment. */
    public static double radiusContaining(float[] mass, int height, int width, double centreY, double centreX,
                                          double fraction) {
        if (mass.length != height * width) {
            throw new IllegalArgumentException("map has " + mass.length + " values, not " + height + "x" + width);
        }
        if (!(fraction > 0 && fraction <= 1)) throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        double[] d2 = new double[mass.length];
        double total = 0;
        for (int i = 0; i < mass.length; i++) {
            float m = mass[i];
            if (!(m >= 0) || Float.isInfinite(m)) {
                throw new IllegalArgumentException("mass must be finite and non-negative (pass |gradient|), got " + m);
            }
            double dy = i / width - centreY, dx = i % width - centreX;
            d2[i] = dy * dy + dx * dx;
            total += m;
        }
        if (total == 0) throw new IllegalArgumentException("the map holds no mass (all zero)");
        double target = fraction * total;
        // Binary search over the sorted distances: massWithin grows with the radius, and the
        // smallest qualifying radius is always one of the pixel distances.
        double[] sorted = d2.clone();
        Arrays.sort(sorted);
        int lo = 0, hi = sorted.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (massWithin(mass, d2, sorted[mid]) >= target) hi = mid;
            else lo = mid + 1;
        }
        return Math.sqrt(sorted[lo]);
    }

    private static double massWithin(float[] mass, double[] d2, double limit) {
        double sum = 0;
        for (int i = 0; i < mass.length; i++) if (d2[i] <= limit) sum += mass[i];
        return sum;
    }
}
