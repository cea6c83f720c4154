package dev.patchexplorer.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Element-wise comparisons that report the worst element. */
public final class Close {
    private Close() {}

    /** Max |a - b|, failing when it exceeds {@code tol}. */
    public static double assertAbs(float[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs(expected[i] - actual[i]);
            if (!(d <= worst)) {
                worst = d;
                at = i;
            }
        }
        if (tol < Double.MAX_VALUE) System.out.printf("[parity] %s: max abs diff %.3g (tolerance %.1g)%n", what, worst, tol);
        if (!(worst <= tol)) fail(what + ": max abs diff " + worst + " at " + at + " (expected " + expected[at] + ", got " + actual[at] + "), tolerance " + tol);
        return worst;
    }

    public static double assertAbs(float[] expected, double[] actual, double tol, String what) {
        float[] a = new float[actual.length];
        for (int i = 0; i < a.length; i++) a[i] = (float) actual[i];
        return assertAbs(expected, a, tol, what);
    }

    /** Max |a - b| / max |a|, failing when it exceeds {@code tol}. */
    public static double assertRelativeToMax(float[] expected, float[] actual, double tol, String what) {
        double max = 0;
        for (float v : expected) max = Math.max(max, Math.abs(v));
        double worst = assertAbs(expected, actual, Double.MAX_VALUE, what) / max;
        System.out.printf("[parity] %s: max diff / max |expected| %.3g (tolerance %.1g)%n", what, worst, tol);
        if (!(worst <= tol)) fail(what + ": max diff relative to max " + worst + " > " + tol);
        return worst;
    }
}
