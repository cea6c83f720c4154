package dev.patchexplorer.model;

import dev.patchexplorer.core.tradeoff.AttentionMemory;

/**
 * Refuses a pass whose attention maps would not fit, by the same estimate and budget as the readouts
 * ({@link AttentionMemory}): all layers' heads x N^2 floats against half the heap. Every pass counts all
 * layers: a forward pass copies them out, a gradient pass keeps them for the backward, and DJL frees a
 * pass's arrays only when the pass ends.
 */
public final class AttentionBudget {
    private AttentionBudget() {}

    public static void check(int layers, int heads, int tokens, long maxMemory) throws ModelLoadException {
        long need = AttentionMemory.allLayersBytes(layers, heads, tokens);
        if (AttentionMemory.exceedsBudget(need, maxMemory)) {
            throw new AttentionTooLargeException(tokens, layers, need, maxMemory);
        }
        if ((long) heads * tokens * tokens > Integer.MAX_VALUE) {
            // Reached only with a very large heap: each layer is copied into one Java array.
            throw new ModelLoadException("too many tokens: one layer's attention for " + tokens
                    + " tokens holds more numbers than a Java array can; choose a larger patch size or a smaller image");
        }
    }
}
