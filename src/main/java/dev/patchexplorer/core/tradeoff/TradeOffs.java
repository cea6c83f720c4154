package dev.patchexplorer.core.tradeoff;

import dev.patchexplorer.core.grid.PatchGrid;

/**
 * What a patch grid costs a ViT, per PATCH_MATH.md. Compute is in multiply-accumulates (MACs);
 * FLOPs are twice that. Memory figures are float32.
 */
public record TradeOffs(
        int gridRows, int gridCols, int patchTokens, int sequenceLength, int prefixTokens,
        long droppedPixels, long paddedPixels,
        int valuesPerPatch, int embeddingWidth, double compressionRatio,
        long patchEmbeddingParameters, long modelParameters,
        long patchEmbeddingMacs, long linearMacs, long attentionMacs, long headMacs,
        long attentionBytesPerLayer, long attentionBytesAllLayers,
        long activationBytesPerBlock, long activationBytesAllLayers,
        boolean attentionExceedsHeap) {

    public static final int FLOAT_BYTES = 4;

    /**
     * @param heapBytes the memory available to hold all layers' attention (e.g. the JVM's max heap)
     */
    public static TradeOffs of(VitArchitecture a, PatchGrid grid, long heapBytes) {
        long p = grid.patch();
        long d = a.width();
        long np = grid.patchCount();
        long n = np + a.prefixTokens();
        long valuesPerPatch = p * p * a.channels();

        long embedMacs = np * valuesPerPatch * d;
        // Per block: QKV 3ND^2 + output projection ND^2 + MLP 2 r N D^2 (all linear in N) ...
        long linear = a.depth() * (4 * n * d * d + 2 * n * d * a.mlpHidden());
        // ... and the two N^2 products, scores QK^T and attention x V.
        long attention = a.depth() * 2 * n * n * d;
        long head = (1L + a.distillationTokens()) * d * a.classes();

        long attnLayer = a.heads() * n * n * FLOAT_BYTES;
        long attnAll = attnLayer * a.depth();
        // Live in one block at inference: residual stream, Q, K, V, the attention matrices, MLP hidden.
        long activationBlock = FLOAT_BYTES * (n * d * 4 + a.heads() * n * n + n * a.mlpHidden());

        return new TradeOffs(grid.rows(), grid.cols(), (int) np, (int) n, a.prefixTokens(),
                grid.droppedPixels(), grid.paddedPixels(),
                (int) valuesPerPatch, a.width(), (double) valuesPerPatch / d,
                valuesPerPatch * d + d, a.parameters(),
                embedMacs, linear, attention, head,
                attnLayer, attnAll, activationBlock, activationBlock * a.depth(),
                attnAll > heapBytes);
    }

    public long totalMacs() {
        return patchEmbeddingMacs + linearMacs + attentionMacs + headMacs;
    }

    public long totalFlops() {
        return 2 * totalMacs();
    }

    public double gmacs() {
        return totalMacs() / 1e9;
    }

    public double gflops() {
        return totalFlops() / 1e9;
    }

    /** Fraction of all compute spent in the N^2 attention products. */
    public double attentionShare() {
        long total = totalMacs();
        return total == 0 ? 0 : (double) attentionMacs / total;
    }
}
