package dev.patchexplorer.model;

import dev.patchexplorer.core.tradeoff.AttentionMemory;
import dev.patchexplorer.core.tradeoff.MemoryBudget;
import dev.patchexplorer.core.tradeoff.PassAdvice;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.tradeoff.PassMemory;
import dev.patchexplorer.core.tradeoff.VitShape;
import dev.patchexplorer.core.vit.PatchMode;

/**
 * Refuses a ViT pass that would not fit, by the one estimate ({@link PassMemory}) against a
 * {@link MemoryBudget}: the Java copies of all layers' attention against half the heap (the readouts' line,
 * checked first so that the banner and the readouts agree), then the whole pass's tensors against the
 * physical memory the process can have. A refusal names what fits instead when the setting is known.
 */
public final class AttentionBudget {
    /**
     * The request as the user made it: the slider's patch on a workW x workH working image, run in {@code mode}.
     * Lets a refusal search for a patch or working size that fits.
     */
    public record Setting(PatchMode mode, int patch, int workW, int workH) {
        /** The working size as the user sets it: the long side. */
        public int workSide() {
            return Math.max(workW, workH);
        }
    }

    private AttentionBudget() {}

    /** The readouts' figure, or Long.MAX_VALUE past what a long holds. */
    private static long allLayersBytes(VitShape shape, long tokens) {
        try {
            return AttentionMemory.allLayersBytes(shape.depth(), shape.heads(), tokens);
        } catch (ArithmeticException beyondLong) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * @param blocks  the blocks the pass runs (all of them but for a token's ERF at an earlier block)
     * @param setting the user's request, for the advice; null when unknown
     */
    public static void check(VitShape shape, int nativePatch, PassKind kind, int blocks, int gridH, int gridW,
                      int inputH, int inputW, MemoryBudget budget, Setting setting, long maxHeap) throws ModelLoadException {
        long tokens = shape.prefixTokens() + (long) gridH * gridW;
        PassMemory pass;
        try {
            pass = PassMemory.vit(shape, kind, blocks, gridH, gridW, inputH, inputW);
        } catch (ArithmeticException beyondLong) {
            pass = new PassMemory(Long.MAX_VALUE, 0, 0, kind == PassKind.ATTENTION_MAPS ? Long.MAX_VALUE : 0);
        }
        if (!budget.fits(pass)) {
            boolean heap = pass.heapBytes() > budget.heapBytes();
            int patch = 0;
            int size = 0;
            if (setting != null) {
                patch = PassAdvice.smallestFittingPatch(shape, kind, setting.mode(), nativePatch, setting.patch(),
                        setting.workW(), setting.workH(), budget);
                size = PassAdvice.largestFittingSize(shape, kind, setting.mode(), nativePatch, setting.patch(),
                        setting.workW(), setting.workH(), budget);
            }
            throw new AttentionTooLargeException((int) Math.min(tokens, Integer.MAX_VALUE), shape.depth(),
                    allLayersBytes(shape, tokens), kind, pass, budget, maxHeap,
                    heap ? AttentionTooLargeException.Limit.HEAP : AttentionTooLargeException.Limit.NATIVE,
                    setting, patch, size);
        }
        if (kind == PassKind.ATTENTION_MAPS && (long) shape.heads() * tokens * tokens > Integer.MAX_VALUE) {
            // Reached only with a very large heap: each layer is copied into one Java array.
            throw new ModelLoadException("too many tokens: one layer's attention for " + tokens
                    + " tokens holds more numbers than a Java array can; choose a larger patch size or a smaller image");
        }
    }
}
