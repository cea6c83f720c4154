package dev.patchexplorer.core.tradeoff;

import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;

/**
 * What one pass of a ViT holds at its peak, float32 (4 bytes a number), N tokens (P of them in front of the
 * patches), width D, H heads, MLP hidden width M, C classes, over the B blocks the pass runs. Counted from
 * what {@code model.ViTModel} creates: every array an op returns stays in the pass's manager until the pass
 * ends, so every block counts, not one, and a view (reshape, transpose, slice) counts as the array it is to
 * DJL (PyTorch shares a view's storage, so the real figure is somewhat lower: the estimate errs on the safe side).
 * <ul>
 * <li>attention: B x H x N^2 x 4, the softmax of each block ({@link AttentionMemory#allLayersBytes},
 *     PATCH_MATH.md "Memory of the attention matrices"): the readouts' "Attention, all layers";</li>
 * <li>activations besides it, per block (H N^2 + 23 N D + 2 N M) x 4 ({@link #tokenActivationBytesPerBlock}):
 *     <ul>
 *     <li>H N^2: the attention logits Q K^T before the softmax;</li>
 *     <li>23 N D: norm1 (1), the QKV projection (3), its reshape to heads (3) and transpose (3), the Q, K and V
 *         slices (3), Q scaled (1), K transposed (1), attention x V (1), its transpose (1) and reshape back (1),
 *         the output projection (1), the first residual sum (1), norm2 (1), fc2 (1), the second residual sum (1);</li>
 *     <li>2 N M: fc1 and its GELU.</li>
 *     </ul>
 *     With the attention this is the readouts' "Activations per block" ({@link #activationBytesPerBlock}, one formula).
 *     Once per pass, (7 N D + D + C) x 4 ({@link #embeddingAndHeadBytes}): the patch embedding's output with its
 *     reshape and transpose (3 (N - P) D), the position embedding (N D), the prefix tokens (P D), their
 *     concatenation (N D) and the sum with the position embedding (N D), the final norm (N D), the pooled
 *     token (D) and the class scores (C); 3 (N - P) D + P D is at most 3 N D.</li>
 * <li>input: (3 x height x width + 3 D p^2) x 4, the image as the model receives it and the patch kernel
 *     (D x 3 x p x p) the pass creates for patch p.</li>
 * </ul>
 * A gradient pass counts all of it twice, for the gradients the backward pass builds beside what it keeps.
 * A pass that copies the attention maps out ({@link PassKind#ATTENTION_MAPS}) also needs the attention again
 * on the Java heap. PATCH_MATH.md gives no activation estimate of its own.
 *
 * @param attentionBytes  all blocks' attention matrices, in native memory (doubled for a gradient pass)
 * @param activationBytes all blocks' other activations and the embedding and head (doubled for a gradient pass)
 * @param inputBytes      the input image and patch kernel (doubled for a gradient pass: their gradients)
 * @param heapBytes       Java copies of the attention maps (0 unless the pass copies them out)
 */
public record PassMemory(long attentionBytes, long activationBytes, long inputBytes, long heapBytes) {
    /** Arrays of N x D numbers one block holds (see the class comment for the list). */
    static final int TOKEN_ARRAYS_PER_BLOCK = 23;
    /** Arrays of N x M numbers one block holds: fc1 and its GELU. */
    static final int MLP_ARRAYS_PER_BLOCK = 2;

    /** The attention matrices of one block and what else it holds: the readouts' "Activations per block". */
    public static long activationBytesPerBlock(VitShape s, long tokens) {
        return AttentionMemory.perLayerBytes(s.heads(), tokens) + tokenActivationBytesPerBlock(s, tokens);
    }

    /** (H N^2 + 23 N D + 2 N M) x 4 bytes: what one block holds besides the softmaxed attention. */
    public static long tokenActivationBytesPerBlock(VitShape s, long tokens) {
        long logits = Math.multiplyExact(Math.multiplyExact((long) s.heads(), tokens), tokens);
        long perToken = (long) TOKEN_ARRAYS_PER_BLOCK * s.width() + (long) MLP_ARRAYS_PER_BLOCK * s.mlpHidden();
        long numbers = Math.addExact(logits, Math.multiplyExact(tokens, perToken));
        return Math.multiplyExact(numbers, AttentionMemory.FLOAT_BYTES);
    }

    /** (7 N D + D + C) x 4 bytes: the patch embedding before block 0 and the head after the last. */
    public static long embeddingAndHeadBytes(VitShape s, long tokens) {
        long numbers = Math.addExact(Math.multiplyExact(7L * s.width(), tokens), (long) s.width() + s.classes());
        return Math.multiplyExact(numbers, AttentionMemory.FLOAT_BYTES);
    }

    /** A pass of {@code kind} through {@code blocks} blocks of a gridH x gridW grid, on an inputH x inputW input. */
    public static PassMemory vit(VitShape s, PassKind kind, int blocks, int gridH, int gridW, int inputH, int inputW) {
        long tokens = s.prefixTokens() + (long) gridH * gridW;
        long attention = AttentionMemory.allLayersBytes(blocks, s.heads(), tokens);
        long activations = Math.addExact(Math.multiplyExact(tokenActivationBytesPerBlock(s, tokens), blocks),
                embeddingAndHeadBytes(s, tokens));
        long patch = gridH > 0 ? inputH / gridH : 0;
        long kernel = 3L * s.width() * patch * patch;
        long input = (3L * inputH * inputW + kernel) * AttentionMemory.FLOAT_BYTES;
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
