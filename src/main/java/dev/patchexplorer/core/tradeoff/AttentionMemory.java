package dev.patchexplorer.core.tradeoff;

/**
 * The one estimate of a ViT's attention memory, used by the readouts, the CLI and the model's refusal
 * to run (PATCH_MATH.md, "Memory of the attention matrices"): float32, one layer holds
 * heads x N x N attention weights; "all layers" is depth times that, every layer's matrices held at
 * once, as attention rollout and the heatmaps need them (and as a backward pass keeps them).
 */
public final class AttentionMemory {
    public static final int FLOAT_BYTES = 4;

    private AttentionMemory() {}

    /** heads x N^2 x 4 bytes. */
    public static long perLayerBytes(int heads, long tokens) {
        return Math.multiplyExact(Math.multiplyExact((long) heads, Math.multiplyExact(tokens, tokens)), FLOAT_BYTES);
    }

    /** depth x heads x N^2 x 4 bytes. */
    public static long allLayersBytes(int depth, int heads, long tokens) {
        return Math.multiplyExact(perLayerBytes(heads, tokens), depth);
    }

    /**
     * What all layers' attention may take: half the heap. The other half is left for what lives beside
     * it during a pass (the weights, the image, one layer's scores while they are being computed).
     */
    public static long budget(long heapBytes) {
        return heapBytes / 2;
    }

    /** True when {@code allLayersBytes} is more than the {@link #budget}: the model refuses such a pass. */
    public static boolean exceedsBudget(long allLayersBytes, long heapBytes) {
        return allLayersBytes > budget(heapBytes);
    }
}
