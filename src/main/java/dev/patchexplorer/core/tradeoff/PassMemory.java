package dev.patchexplorer.core.tradeoff;

import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;

/**
 * What one pass of a ViT holds at its peak, float32 (4 bytes a number), N tokens, width D, H heads,
 * MLP hidden width M, over the B blocks the pass runs:
 * <ul>
 * <li>attention: B x H x N^2 x 4 ({@link AttentionMemory#allLayersBytes}, PATCH_MATH.md "Memory of the
 *     attention matrices");</li>
 * <li>activations besides attention: B x (4 N D + N M) x 4 per block: the residual stream, Q, K and V
 *     (4 N D) and the MLP hidden layer (N M) ({@link #tokenActivationBytesPerBlock}). With the attention
 *     matrices this is the readouts' "Activations per block" ({@link #activationBytesPerBlock}, one formula);
 *     PATCH_MATH.md gives no activation estimate of its own.</li>
 * <li>input: 3 x height x width x 4, the image as the model receives it.</li>
 * </ul>
 * Every block counts, not one: DJL frees a pass's arrays only when the pass ends. A gradient pass counts
 * all of it twice, for the gradients the backward pass builds beside what it keeps. A pass that copies
 * the attention maps out ({@link PassKind#ATTENTION_MAPS}) also needs the attention again on the Java heap.
 *
 * @param attentionBytes  all blocks' attention matrices, in native memory (doubled for a gradient pass)
 * @param activationBytes all blocks' other activations (doubled for a gradient pass)
 * @param inputBytes      the input image (doubled for a gradient pass: its gradient)
 * @param heapBytes       Java copies of the attention maps (0 unless the pass copies them out)
 */
public record PassMemory(long attentionBytes, long activationBytes, long inputBytes, long heapBytes) {

    /** The attention matrices of one block and what else it holds: the readouts' "Activations per block". */
    public static long activationBytesPerBlock(VitShape s, long tokens) {
        return AttentionMemory.perLayerBytes(s.heads(), tokens) + tokenActivationBytesPerBlock(s, tokens);
    }

    /** (4 N D + N M) x 4 bytes: residual stream, Q, K, V and the MLP hidden layer of one block. */
    public static long tokenActivationBytesPerBlock(VitShape s, long tokens) {
        long perToken = 4L * s.width() + s.mlpHidden();
        return Math.multiplyExact(Math.multiplyExact(tokens, perToken), AttentionMemory.FLOAT_BYTES);
    }

    /** A pass of {@code kind} through {@code blocks} blocks of a gridH x gridW grid, on an inputH x inputW input. */
    public static PassMemory vit(VitShape s, PassKind kind, int blocks, int gridH, int gridW, int inputH, int inputW) {
        long tokens = s.prefixTokens() + (long) gridH * gridW;
        long attention = AttentionMemory.allLayersBytes(blocks, s.heads(), tokens);
        long activations = Math.multiplyExact(tokenActivationBytesPerBlock(s, tokens), blocks);
        long input = 3L * inputH * inputW * AttentionMemory.FLOAT_BYTES;
        int times = kind == PassKind.GRADIENT ? 2 : 1;
        long heap = kind == PassKind.ATTENTION_MAPS ? attention : 0;
        return new PassMemory(Math.multiplyExact(attention, times), Math.multiplyExact(activations, times),
                input * times, heap);
    }

    /**
     * The pass of {@code kind} through all blocks at {@code patch} on a workW x workH working image, on the
     * plain grid (stride = patch, whole patches only) and the input {@link InputPlan} gives for {@code mode};
     * null when the patch is larger than the image. Arithmetic past a long counts as not fitting anywhere.
     */
    public static PassMemory vitAt(VitShape s, PassKind kind, PatchMode mode, int nativePatch, int patch, int workW, int workH) {
        if (patch > workW || patch > workH) return null;
        InputPlan plan = InputPlan.of(mode, patch, nativePatch, workH, workW);
        try {
            return vit(s, kind, s.depth(), plan.gridH(), plan.gridW(), plan.inputH(), plan.inputW());
        } catch (ArithmeticException overflow) {
            return new PassMemory(Long.MAX_VALUE, 0, 0, Long.MAX_VALUE);
        }
    }

    /** What the tensors take in native memory: attention + activations + input, saturating at Long.MAX_VALUE. */
    public long nativeBytes() {
        long sum = attentionBytes + activationBytes;
        if (sum < 0) return Long.MAX_VALUE;
        sum += inputBytes;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
