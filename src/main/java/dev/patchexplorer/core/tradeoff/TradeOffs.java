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

    public static final int FLOAT_BYTES = AttentionMemory.FLOAT_BYTES;

    /**
     * {@code modelParameters} counts the ViT built for this patch and grid ({@link VitArchitecture#parameters(int, long)});
     * {@code attentionExceedsHeap} is true when all layers' attention is over {@link AttentionMemory#budget},
     * the point where the model refuses the pass.
     *
     * @param heapBytes the JVM's max heap
     */
    public static TradeOffs of(VitArchitecture a, PatchGrid grid, long heapBytes) {
        long p = grid.patch();
        long d = a.width();
        long np = grid.patchCount();
        long n = np + a.prefixTokens();
        long valuesPerPatch = p * p * a.channels();

        long embedMacs = np * valuesPerPatch * d;
        long linear = a.depth() * blockLinearMacs(a, n);
        long attention = a.depth() * blockAttentionMacs(a, n);
        long head = (1L + a.distillationTokens()) * d * a.classes();

        long attnLayer = AttentionMemory.perLayerBytes(a.heads(), n);
        long attnAll = AttentionMemory.allLayersBytes(a.depth(), a.heads(), n);
        // Live in one block: residual stream, Q, K, V, the attention matrices, MLP hidden; the pass guard's formula.
        long activationBlock = PassMemory.activationBytesPerBlock(a.shape(), n);

        return new TradeOffs(grid.rows(), grid.cols(), (int) np, (int) n, a.prefixTokens(),
                grid.droppedPixels(), grid.paddedPixels(),
                (int) valuesPerPatch, a.width(), (double) valuesPerPatch / d,
                a.patchEmbeddingParameters(grid.patch()), a.parameters(grid.patch(), np),
                embedMacs, linear, attention, head,
                attnLayer, attnAll, activationBlock, activationBlock * a.depth(),
                AttentionMemory.exceedsBudget(attnAll, heapBytes));
    }

    /** One block's QKV 3ND^2 + output projection ND^2 + MLP 2 r N D^2, all linear in the N tokens. */
    public static long blockLinearMacs(VitArchitecture a, long n) {
        long d = a.width();
        return 4 * n * d * d + 2 * n * d * a.mlpHidden();
    }

    /** One block's two N^2 products: scores QK^T and attention x V. */
    public static long blockAttentionMacs(VitArchitecture a, long n) {
        return 2 * n * n * a.width();
    }

    /** All blocks of the encoder over N tokens (what MAE's encoder saves by seeing the visible patches only). */
    public static long encoderMacs(VitArchitecture a, long n) {
        return a.depth() * (blockLinearMacs(a, n) + blockAttentionMacs(a, n));
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
