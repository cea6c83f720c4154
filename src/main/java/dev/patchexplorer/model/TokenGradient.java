package dev.patchexplorer.model;

import dev.patchexplorer.core.image.ChwImage;

/**
 * Effective receptive field of a ViT patch token: d (sum over channels of token (row, col) after
 * {@code layer} blocks) / d input, laid out like the input (3 x gridH*patch x gridW*patch).
 *
 * @param layer 0 = patch + position embedding, L = output of block L
 * @param patch the patch size the model ran at (the gradient's pixels are model-input pixels)
 */
public record TokenGradient(int layer, int row, int col, int gridH, int gridW, int patch, ChwImage gradient) {}
