package dev.patchexplorer.core.sweep;

/**
 * How a run's class probabilities compare with the reference run's, as FlexiViT evaluates its patch
 * sizes (big_vision {@code distance.py}: kinds {@code agree} and {@code kl}), plus the run's own
 * confidence, margin and predictive entropy. Natural logarithms throughout (nats).
 */
public final class PredictionMetrics {
    private PredictionMetrics() {}

    /** log softmax in double, shifted by the maximum so that large logits do not overflow. */
    public static double[] logSoftmax(float[] logits) {
        if (logits.length == 0) throw new IllegalArgumentException("no logits");
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) max = Math.max(max, v);
        double sum = 0;
        for (float v : logits) sum += Math.exp(v - max);
        double logSum = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int i = 0; i < out.length; i++) out[i] = logits[i] - logSum;
        return out;
    }

    /** KL(softmax(reference) || softmax(run)) at temperature 1. */
    public static double kl(float[] reference, float[] run) {
        if (reference.length != run.length) throw new IllegalArgumentException(reference.length + " reference classes against " + run.length);
        double[] lp = logSoftmax(reference);
        double[] lq = logSoftmax(run);
        double kl = 0;
        for (int i = 0; i < lp.length; i++) {
            double p = Math.exp(lp[i]);
            if (p > 0) kl += p * (lp[i] - lq[i]);
        }
        return Math.max(0, kl); // rounding can leave -1e-17 for identical rows
    }

    /** Indices of the k largest values, largest first (ties: lower index first). */
    public static int[] topIndices(float[] logits, int k) {
        int n = Math.min(k, logits.length);
        int[] top = new int[n];
        boolean[] taken = new boolean[logits.length];
        for (int t = 0; t < n; t++) {
            int best = -1;
            for (int i = 0; i < logits.length; i++) {
                if (!taken[i] && (best < 0 || logits[i] > logits[best])) best = i;
            }
            top[t] = best;
            taken[best] = true;
        }
        return top;
    }

    /** 1 when both runs' top-1 class is the same, else 0. */
    public static int agreeTop1(float[] reference, float[] run) {
        return topIndices(reference, 1)[0] == topIndices(run, 1)[0] ? 1 : 0;
    }

    /** 1 when the reference's top-1 class is among the run's top k, else 0. */
    public static int agreeTopK(float[] reference, float[] run, int k) {
        int ref = topIndices(reference, 1)[0];
        for (int i : topIndices(run, k)) if (i == ref) return 1;
        return 0;
    }

    /** The largest class probability. */
    public static double confidence(float[] logits) {
        return Math.exp(logSoftmax(logits)[topIndices(logits, 1)[0]]);
    }

    /** p1 - p2: how far the winning class is ahead of the second (p1 for a one-class model). */
    public static double margin(float[] logits) {
        double[] lp = logSoftmax(logits);
        int[] top = topIndices(logits, 2);
        return top.length < 2 ? Math.exp(lp[top[0]]) : Math.exp(lp[top[0]]) - Math.exp(lp[top[1]]);
    }

    /** -sum p log p of the run's class probabilities. */
    public static double entropy(float[] logits) {
        double h = 0;
        for (double lp : logSoftmax(logits)) {
            double p = Math.exp(lp);
            if (p > 0) h -= p * lp;
        }
        return h;
    }
}
