package dev.patchexplorer.testing;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Element-wise comparisons that report the worst element.
 *
 * <p>Every value on either side must be finite: a NaN or an infinity anywhere fails, even where both sides hold
 * the same infinity, because no model output, gradient or reference tensor we compare should ever be infinite.
 * The worst difference is tracked so that a NaN can never be stored and then overwritten by a later element.
 */
public final class Close {
    private Close() {}

    /** Max |a - b|, failing when it exceeds {@code tol}, when the lengths differ or when any value is not finite. */
    public static double assertAbs(float[] expected, float[] actual, double tol, String what) {
        requireTolerance(tol);
        Worst w = worstAbs(expected, actual, what);
        System.out.printf("[parity] %s: max abs diff %.3g (tolerance %.1g)%n", what, w.diff, tol);
        if (!(w.diff <= tol)) {
            fail(what + ": max abs diff " + w.diff + " at " + w.at + " (expected " + expected[w.at] + ", got "
                    + actual[w.at] + "), tolerance " + tol);
        }
        return w.diff;
    }

    /** As {@link #assertAbs(float[], float[], double, String)}; the doubles are compared without rounding to float. */
    public static double assertAbs(float[] expected, double[] actual, double tol, String what) {
        requireTolerance(tol);
        requireSameLength(expected == null ? -1 : expected.length, actual == null ? -1 : actual.length, what);
        double[] e = new double[expected.length];
        for (int i = 0; i < e.length; i++) e[i] = expected[i];
        Worst w = worstAbs(e, actual, what);
        System.out.printf("[parity] %s: max abs diff %.3g (tolerance %.1g)%n", what, w.diff, tol);
        if (!(w.diff <= tol)) {
            fail(what + ": max abs diff " + w.diff + " at " + w.at + " (expected " + expected[w.at] + ", got "
                    + actual[w.at] + "), tolerance " + tol);
        }
        return w.diff;
    }

    /**
     * Max |a - b| / max |a|, failing when it exceeds {@code tol}, when the lengths differ, when any value is not
     * finite, or when {@code expected} is all zeros (a relative difference would then mean nothing).
     */
    public static double assertRelativeToMax(float[] expected, float[] actual, double tol, String what) {
        requireTolerance(tol);
        Worst w = worstAbs(expected, actual, what);
        double max = 0;
        for (float v : expected) max = Math.max(max, Math.abs(v));
        if (!(max > 0)) fail(what + ": expected is all zeros, so a difference relative to its max is undefined");
        double relative = w.diff / max;
        System.out.printf("[parity] %s: max diff / max |expected| %.3g (tolerance %.1g)%n", what, relative, tol);
        if (!(relative <= tol)) {
            fail(what + ": max diff relative to max " + relative + " at " + w.at + " (expected " + expected[w.at]
                    + ", got " + actual[w.at] + ", max |expected| " + max + "), tolerance " + tol);
        }
        return relative;
    }

    /** Fails unless the two shapes are equal, dimension by dimension. */
    public static void assertShape(int[] expected, int[] actual, String what) {
        if (expected == null || actual == null) fail(what + ": shape missing (expected " + Arrays.toString(expected)
                + ", got " + Arrays.toString(actual) + ")");
        if (!Arrays.equals(expected, actual)) {
            fail(what + ": shape " + Arrays.toString(actual) + ", expected " + Arrays.toString(expected));
        }
    }

    /** Shapes first (they must match exactly and each must describe its array's length), then as assertAbs. */
    public static double assertAbs(int[] expectedShape, float[] expected, int[] actualShape, float[] actual, double tol,
                                   String what) {
        assertShape(expectedShape, actualShape, what);
        requireShapeFits(expectedShape, expected, what + " expected");
        requireShapeFits(actualShape, actual, what + " actual");
        return assertAbs(expected, actual, tol, what);
    }

    private record Worst(double diff, int at) {}

    private static Worst worstAbs(float[] expected, float[] actual, String what) {
        requireSameLength(expected == null ? -1 : expected.length, actual == null ? -1 : actual.length, what);
        double worst = 0;
        int at = expected.length == 0 ? -1 : 0;
        for (int i = 0; i < expected.length; i++) {
            requireFinite(expected[i], actual[i], i, what);
            double d = Math.abs((double) expected[i] - (double) actual[i]);
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        if (at < 0) fail(what + ": nothing to compare (both arrays are empty)");
        return new Worst(worst, at);
    }

    private static Worst worstAbs(double[] expected, double[] actual, String what) {
        double worst = 0;
        int at = expected.length == 0 ? -1 : 0;
        for (int i = 0; i < expected.length; i++) {
            requireFinite(expected[i], actual[i], i, what);
            double d = Math.abs(expected[i] - actual[i]);
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        if (at < 0) fail(what + ": nothing to compare (both arrays are empty)");
        return new Worst(worst, at);
    }

    private static void requireFinite(double expected, double actual, int i, String what) {
        if (!Double.isFinite(expected)) fail(what + ": expected[" + i + "] is " + expected + ", not a finite number");
        if (!Double.isFinite(actual)) fail(what + ": actual[" + i + "] is " + actual + " (expected " + expected + ")");
    }

    private static void requireSameLength(int expected, int actual, String what) {
        if (expected < 0 || actual < 0) fail(what + ": array missing (null)");
        if (expected != actual) fail(what + ": length " + actual + ", expected " + expected);
    }

    private static void requireTolerance(double tol) {
        if (!(tol >= 0) || Double.isInfinite(tol)) throw new IllegalArgumentException("tolerance must be finite and >= 0: " + tol);
    }

    private static void requireShapeFits(int[] shape, float[] values, String what) {
        if (values == null) fail(what + ": array missing (null)");
        long n = 1;
        for (int d : shape) n *= d;
        if (n != values.length) fail(what + ": shape " + Arrays.toString(shape) + " holds " + n + " values, the array " + values.length);
    }
}
