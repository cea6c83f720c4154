package dev.patchexplorer.core.attention;

/** Rows of single-layer attention matrices, read as maps over the patch grid. */
public final class AttentionMaps {
    private AttentionMaps() {}

    /** All N columns of {@code query}'s attention row in one head (as in {@code cls_attention}). */
    public static float[] row(float[] layer, AttentionLayout layout, int head, int query) {
        layout.checkLayer(layer);
        int n = layout.tokens();
        float[] out = new float[n];
        System.arraycopy(layer, (head * n + query) * n, out, 0, n);
        return out;
    }

    /** The class token's attention to each patch, heads fused: gridH x gridW values, row-major. */
    public static double[] classTokenMap(float[] layer, AttentionLayout layout, HeadFusion fusion) {
        return patchMap(layer, layout, fusion, 0);
    }

    /** What the clicked patch attends to: its attention row over the patches, heads fused. */
    public static double[] clickedPatchMap(float[] layer, AttentionLayout layout, HeadFusion fusion, int row, int col) {
        return patchMap(layer, layout, fusion, layout.patchToken(row, col));
    }

    /** {@code query}'s fused attention row restricted to patch keys (prefix columns dropped). */
    public static double[] patchMap(float[] layer, AttentionLayout layout, HeadFusion fusion, int query) {
        return patchMap(layer, layout, fusion, query, KeptKeys.ALL);
    }

    /** As above with the keys {@code keys} drops discounted: each head's row renormalised over the kept keys, then fused. */
    public static double[] patchMap(float[] layer, AttentionLayout layout, HeadFusion fusion, int query, KeptKeys keys) {
        layout.checkLayer(layer);
        int n = layout.tokens();
        int p = layout.prefixTokens();
        double[] map = new double[layout.patches()];
        for (int h = 0; h < layout.heads(); h++) {
            int row = (h * n + query) * n;
            double scale = keys.rowScale(layer, row);
            for (int k = 0; k < map.length; k++) map[k] = fusion.combine(map[k], layer[row + p + k] * scale, h);
        }
        for (int k = 0; k < map.length; k++) map[k] = fusion.finish(map[k], layout.heads());
        keys.clear(map, p);
        return map;
    }

    /** One head's row over the patch keys (prefix columns dropped): gridH x gridW values. */
    public static double[] headPatchMap(float[] layer, AttentionLayout layout, int head, int query) {
        return headPatchMap(layer, layout, head, query, KeptKeys.ALL);
    }

    /** As above with the keys {@code keys} drops discounted (the row renormalised over the kept keys). */
    public static double[] headPatchMap(float[] layer, AttentionLayout layout, int head, int query, KeptKeys keys) {
        layout.checkLayer(layer);
        int n = layout.tokens();
        double[] map = new double[layout.patches()];
        int row = (head * n + query) * n;
        double scale = keys.rowScale(layer, row);
        int base = row + layout.prefixTokens();
        for (int k = 0; k < map.length; k++) map[k] = layer[base + k] * scale;
        keys.clear(map, layout.prefixTokens());
        return map;
    }
}
