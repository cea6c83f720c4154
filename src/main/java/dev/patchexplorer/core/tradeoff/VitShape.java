package dev.patchexplorer.core.tradeoff;

/**
 * The sizes of a ViT that decide what a pass holds in memory: token width D, depth L, heads H,
 * MLP hidden width, the tokens in front of the patches (class, distillation, registers) and the
 * classifier's outputs (0 without a head).
 */
public record VitShape(int width, int depth, int heads, int mlpHidden, int prefixTokens, int classes) {
    public VitShape {
        if (width <= 0 || depth <= 0 || heads <= 0 || mlpHidden <= 0 || prefixTokens < 0 || classes < 0) {
            throw new IllegalArgumentException("width, depth, heads and MLP width must be positive, prefix tokens and classes not negative");
        }
    }
}
