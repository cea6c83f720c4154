package dev.patchexplorer.model;

import dev.patchexplorer.core.attention.AttentionLayout;

/**
 * One ViT forward pass. {@code attention[layer]} is that layer's softmax attention, flat as
 * {@code [head][query][key]} over N = prefixTokens + gridH * gridW tokens (class token first).
 * {@code logits} is empty for a head-less checkpoint.
 */
public record ViTOutput(float[] logits, int gridH, int gridW, int prefixTokens, int heads, int layers, float[][] attention) {
    public int tokens() {
        return prefixTokens + gridH * gridW;
    }

    public AttentionLayout layout() {
        return new AttentionLayout(heads, prefixTokens, gridH, gridW);
    }
}
