package dev.patchexplorer.model.probe;

/** Comparisons of two logit vectors. */
public final class Logits {
    private Logits() {}

    /** max_i |a_i - b_i|; NaN when either holds a NaN (so a NaN never passes as "equal"). */
    public static double maxAbsDifference(float[] a, float[] b) {
        if (a.length != b.length) throw new IllegalArgumentException(a.length + " logits against " + b.length);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs((double) a[i] - b[i]);
            if (Double.isNaN(d)) return Double.NaN;
            worst = Math.max(worst, d);
        }
        return worst;
    }
}
