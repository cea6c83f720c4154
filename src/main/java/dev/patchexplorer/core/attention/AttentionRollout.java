package dev.patchexplorer.core.attention;

/**
 * Attention rollout (Abnar and Zuidema, ACL 2020): per layer fuse the heads, A' = 0.5 A + 0.5 I,
 * rows renormalised; R = A'_L ... A'_1 in float64. Only one row of R is ever needed (the class
 * token's, or a clicked patch's), so it is carried as a vector through the layers from the top:
 * O(L N^2) instead of the O(L N^3) of the full product.
 */
public final class AttentionRollout {
    private AttentionRollout() {}

    /** The class token's rollout map over the patches: R[0, prefix:], gridH x gridW row-major. */
    public static double[] classToken(float[][] attention, AttentionLayout layout, HeadFusion fusion) {
        return forQuery(attention, layout, fusion, 0);
    }

    /** The class token's rollout with the keys {@code keys} drops discounted in every layer ({@link KeptKeys}). */
    public static double[] classToken(float[][] attention, AttentionLayout layout, HeadFusion fusion, KeptKeys keys) {
        double[] full = fullRow(attention, layout, fusion, 0, keys);
        double[] map = new double[layout.patches()];
        System.arraycopy(full, layout.prefixTokens(), map, 0, map.length);
        return map;
    }

    /** Row {@code query} of R restricted to the patch columns (prefix tokens keep their place in R). */
    public static double[] forQuery(float[][] attention, AttentionLayout layout, HeadFusion fusion, int query) {
        double[] full = fullRow(attention, layout, fusion, query);
        double[] map = new double[layout.patches()];
        System.arraycopy(full, layout.prefixTokens(), map, 0, map.length);
        return map;
    }

    /** Row {@code query} of R over all N tokens, prefix tokens included. */
    public static double[] fullRow(float[][] attention, AttentionLayout layout, HeadFusion fusion, int query) {
        return fullRow(attention, layout, fusion, query, KeptKeys.ALL);
    }

    /**
     * Row {@code query} of R over all N tokens, with the keys {@code keys} drops discounted in every layer:
     * each head's row renormalised over the kept keys before the heads are fused and the residual added.
     */
    public static double[] fullRow(float[][] attention, AttentionLayout layout, HeadFusion fusion, int query, KeptKeys keys) {
        if (attention.length == 0) throw new IllegalArgumentException("no attention layers");
        int n = layout.tokens();
        if (query < 0 || query >= n) throw new IndexOutOfBoundsException("token " + query + " of " + n);
        double[] r = new double[n];
        r[query] = 1;
        double[] fused = new double[n]; // one row of A' at a time: no N x N buffer, and rows r skips are never fused
        for (int l = attention.length - 1; l >= 0; l--) { // e_q^T A'_L ... A'_1: left to right
            layout.checkLayer(attention[l]);
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                double ri = r[i];
                if (ri == 0) continue;
                residualFusedRow(attention[l], n, layout.heads(), fusion, keys, i, fused);
                for (int j = 0; j < n; j++) next[j] += ri * fused[j];
            }
            r = next;
        }
        return r;
    }

    /** Row {@code i} of {@link #residualFused}'s matrix, the same operations in the same order. */
    private static void residualFusedRow(float[] layer, int n, int heads, HeadFusion fusion, KeptKeys keys, int i, double[] out) {
        int nn = n * n;
        int base = i * n;
        double[] scale = new double[heads];
        for (int h = 0; h < heads; h++) scale[h] = keys.rowScale(layer, h * nn + base);
        for (int j = 0; j < n; j++) {
            double acc = 0;
            for (int h = 0; h < heads; h++) acc = fusion.combine(acc, layer[h * nn + base + j] * scale[h], h);
            out[j] = 0.5 * fusion.finish(acc, heads);
        }
        keys.clear(out, 0);
        out[i] += 0.5;
        double sum = 0;
        for (int j = 0; j < n; j++) sum += out[j];
        if (sum > 0) for (int j = 0; j < n; j++) out[j] /= sum;
    }

    /** Writes 0.5 * fuse(A) + 0.5 * I with rows renormalised to sum 1 into {@code out} (n x n). */
    static void residualFused(float[] layer, AttentionLayout layout, HeadFusion fusion, double[] out) {
        layout.checkLayer(layer);
        int n = layout.tokens();
        int nn = n * n;
        int heads = layout.heads();
        for (int k = 0; k < nn; k++) {
            double acc = 0;
            for (int h = 0; h < heads; h++) acc = fusion.combine(acc, layer[h * nn + k], h);
            out[k] = 0.5 * fusion.finish(acc, heads);
        }
        for (int i = 0; i < n; i++) {
            out[i * n + i] += 0.5;
            double sum = 0;
            for (int j = 0; j < n; j++) sum += out[i * n + j];
            if (sum > 0) for (int j = 0; j < n; j++) out[i * n + j] /= sum;
        }
    }
}
