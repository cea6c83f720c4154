package dev.patchexplorer.core.attention;

/**
 * The per-patch maps the attention views offer, for all heads fused or one head: the class token's
 * rollout through every layer, and one layer's attention from a query token, each optionally with some keys
 * discounted ({@link KeptKeys}, e.g. the artifact patches of {@link ArtifactTokens}). Shared by the window's
 * map maker and the {@code render} command, so both draw the same numbers.
 */
public final class ChosenMap {
    private ChosenMap() {}

    /** Rollout of the class token; {@code head >= 0} rolls out that head alone, otherwise the heads are fused. */
    public static double[] rollout(float[][] attention, AttentionLayout layout, HeadFusion fusion, int head) {
        return rollout(attention, layout, fusion, head, KeptKeys.ALL);
    }

    /** As above with {@code keys}' dropped keys discounted in every layer. */
    public static double[] rollout(float[][] attention, AttentionLayout layout, HeadFusion fusion, int head, KeptKeys keys) {
        if (head < 0) return AttentionRollout.classToken(attention, layout, fusion, keys);
        return AttentionRollout.classToken(singleHead(attention, layout, head),
                new AttentionLayout(1, layout.prefixTokens(), layout.gridH(), layout.gridW()), HeadFusion.MEAN, keys);
    }

    /** What token {@code query} attends to in one layer (0 is the class token); one head when {@code head >= 0}. */
    public static double[] layer(float[] layerAttention, AttentionLayout layout, HeadFusion fusion, int head, int query) {
        return layer(layerAttention, layout, fusion, head, query, KeptKeys.ALL);
    }

    /** As above with {@code keys}' dropped keys discounted. */
    public static double[] layer(float[] layerAttention, AttentionLayout layout, HeadFusion fusion, int head, int query,
                                 KeptKeys keys) {
        return head >= 0 ? AttentionMaps.headPatchMap(layerAttention, layout, head, query, keys)
                : AttentionMaps.patchMap(layerAttention, layout, fusion, query, keys);
    }

    private static float[][] singleHead(float[][] attention, AttentionLayout layout, int head) {
        int nn = layout.tokens() * layout.tokens();
        float[][] out = new float[attention.length][];
        for (int l = 0; l < attention.length; l++) {
            out[l] = new float[nn];
            System.arraycopy(attention[l], head * nn, out[l], 0, nn);
        }
        return out;
    }
}
