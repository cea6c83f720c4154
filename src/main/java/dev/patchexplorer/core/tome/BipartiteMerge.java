package dev.patchexplorer.core.tome;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * One block's token merge (ToMe's bipartite soft matching), written from the paper: the tokens after the
 * prefix (class, registers) are split alternately into B (the 1st, 3rd, ... patch token) and A (the 2nd,
 * 4th, ...); with one class token in front that is the paper's alternation over the whole sequence with
 * the class token in A and protected. Each a is matched to its most cosine-similar b over the metric
 * (the keys averaged over heads); the r best-matched a merge into their b, so r is at most |A|, the
 * bound {@link MergeSchedule} uses. Ties go to the lower index, so the result is deterministic.
 *
 * @param target      target[i]: the index in the merged sequence of the token that token i becomes part of
 * @param tokensAfter the merged sequence's length; kept tokens keep their order, prefix tokens stay in front
 */
public record BipartiteMerge(int[] target, int tokensAfter) {
    public BipartiteMerge {
        target = target.clone();
    }

    /**
     * @param metric  {@code [tokens][dim]}, one row per token of the sequence
     * @param prefix  tokens in front that never merge
     * @param r       merges wanted; fewer happen when A has fewer tokens
     */
    public static BipartiteMerge match(float[] metric, int tokens, int dim, int prefix, int r) {
        if (tokens < 1 || dim < 1 || prefix < 0 || prefix > tokens || r < 0 || metric.length != (long) tokens * dim) {
            throw new IllegalArgumentException("need " + tokens + " tokens of width " + dim + " (" + metric.length
                    + " values), 0 <= prefix <= tokens and r >= 0");
        }
        double[] unit = unitRows(metric, tokens, dim);
        int[] a = IntStream.range(prefix, tokens).filter(i -> (i - prefix) % 2 == 1).toArray();
        int[] b = IntStream.range(prefix, tokens).filter(i -> (i - prefix) % 2 == 0).toArray();
        int[] best = new int[tokens];
        double[] score = new double[tokens];
        for (int i : a) {
            score[i] = Double.NEGATIVE_INFINITY;
            for (int j : b) {
                double s = 0;
                for (int k = 0; k < dim; k++) s += unit[i * dim + k] * unit[j * dim + k];
                if (s > score[i]) { // strictly greater: the lower b wins a tie
                    score[i] = s;
                    best[i] = j;
                }
            }
        }
        Integer[] order = Arrays.stream(a).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i));
        int merges = Math.min(r, a.length);
        boolean[] away = new boolean[tokens];
        for (int m = 0; m < merges; m++) away[order[m]] = true;
        int[] target = new int[tokens];
        int next = 0;
        for (int i = 0; i < tokens; i++) if (!away[i]) target[i] = next++;
        for (int i = 0; i < tokens; i++) if (away[i]) target[i] = target[best[i]];
        return new BipartiteMerge(target, next);
    }

    /** Tokens merged away. */
    public int merged() {
        return target.length - tokensAfter;
    }

    @Override
    public int[] target() {
        return target.clone();
    }

    /** The merged rows ({@code [tokensAfter][dim]}): each the size-weighted average of the tokens merged into it. */
    public float[] mergeRows(float[] rows, int dim, float[] sizes) {
        if (rows.length != (long) target.length * dim || sizes.length != target.length) {
            throw new IllegalArgumentException("rows or sizes do not match " + target.length + " tokens of width " + dim);
        }
        double[] sum = new double[tokensAfter * dim];
        double[] weight = new double[tokensAfter];
        for (int i = 0; i < target.length; i++) {
            int t = target[i];
            weight[t] += sizes[i];
            for (int k = 0; k < dim; k++) sum[t * dim + k] += (double) sizes[i] * rows[i * dim + k];
        }
        float[] out = new float[sum.length];
        for (int t = 0; t < tokensAfter; t++) for (int k = 0; k < dim; k++) out[t * dim + k] = (float) (sum[t * dim + k] / weight[t]);
        return out;
    }

    /** The merged tokens' sizes: how many original tokens each now stands for. */
    public float[] mergeSizes(float[] sizes) {
        if (sizes.length != target.length) throw new IllegalArgumentException(sizes.length + " sizes for " + target.length + " tokens");
        float[] out = new float[tokensAfter];
        for (int i = 0; i < target.length; i++) out[target[i]] += sizes[i];
        return out;
    }

    private static double[] unitRows(float[] v, int n, int dim) {
        double[] u = new double[v.length];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < dim; k++) s += (double) v[i * dim + k] * v[i * dim + k];
            double norm = Math.sqrt(s);
            for (int k = 0; k < dim; k++) u[i * dim + k] = norm > 0 ? v[i * dim + k] / norm : 0;
        }
        return u;
    }
}
