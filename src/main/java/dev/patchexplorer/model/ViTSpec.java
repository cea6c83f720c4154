package dev.patchexplorer.model;

import dev.patchexplorer.core.tradeoff.VitArchitecture;

/**
 * What a ViT checkpoint is, read from its tensor shapes and config.
 *
 * @param posEmbedHasPrefix whether pos_embed also covers the prefix tokens (timm's default) or
 *                          only the patches ({@code no_embed_class}, e.g. register models)
 */
public record ViTSpec(String architecture, int dim, int depth, int heads, int mlpHidden, int nativePatch,
                      int nativeGridH, int nativeGridW, boolean classToken, boolean distillationToken,
                      int registerTokens, boolean posEmbedHasPrefix, String globalPool, int numClasses) {

    /** Tokens before the patches: class, distillation, registers. */
    public int prefixTokens() {
        return (classToken ? 1 : 0) + (distillationToken ? 1 : 0) + registerTokens;
    }

    /** The readouts' description of this checkpoint, for {@code TradeOffs}: the window and the sweep use it alike. */
    public VitArchitecture readoutArchitecture() {
        double mlpRatio = mlpHidden > 0 ? (double) mlpHidden / dim : 4.0;
        return new VitArchitecture(architecture, dim, depth, heads, mlpRatio, classToken ? 1 : 0, registerTokens,
                distillationToken ? 1 : 0, Math.max(0, numClasses), 3, nativePatch, nativeGridH * nativePatch);
    }
}
