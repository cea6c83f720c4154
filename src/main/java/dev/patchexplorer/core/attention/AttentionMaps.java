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
        layout.checkLayer(layer);
        int n = layout.tokens();
        int p = layout.prefixTokens();
        double[] map = new double[layout.patches()];
        for (int h = 0; h < layout.heads(); h++) {
            int base = (h * n + query) * n + p;
            for (int k = 0; k < map.length; k++) map[k] = fusion.combine(map[k], layer[base + k], h);
        }
        for (int k = 0; k < map.length; k++) map[k] = fusion.finish(map[k], layout.heads());
        return map;
    }

    /** One head's row over the patch keys (prefix columns dropped): gridH x gridW values. */
    public static double[] headPatchMap(float[] layer, AttentionLayout layout, int head, int query) {
        layout.checkLayer(layer);
        int n = layout.tokens();
        double[] map = new double[layout.patches()];
        int base = (head * n + query) * n + layout.prefixTokens();
        for (int k = 0; k < map.length; k++) map[k] = layer[base + k];
        return map;
    }
}
