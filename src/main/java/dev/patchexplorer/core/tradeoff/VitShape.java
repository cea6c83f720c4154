package dev.patchexplorer.core.tradeoff;

/**
 * The sizes of a ViT that decide what a pass holds in memory: token width D, depth L, heads H,
 * MLP hidden width and the tokens in front of the patches (class, distillation, registers).
 */
public record VitShape(int width, int depth, int heads, int mlpHidden, int prefixTokens) {
    public VitShape {
        if (width <= 0 || depth <= 0 || heads <= 0 || mlpHidden <= 0 || prefixTokens < 0) {
            throw new IllegalArgumentException("width, depth, heads and MLP width must be positive, prefix tokens not negative");
        }
    }
}
