package dev.patchexplorer.model;

import dev.patchexplorer.core.image.ChwImage;

/**
 * Effective receptive field (Luo et al., 2016): d (sum over channels of {@code layer}'s feature map
 * at (y, x)) / d input. {@code featureH x featureW} is that layer's map size for this input.
 */
public record ErfGradient(String layer, int featureH, int featureW, int y, int x, ChwImage gradient) {}
