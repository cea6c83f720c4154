package dev.patchexplorer.core.attention;

/**
 * Where the tokens are in a ViT's attention matrices: {@code prefixTokens} (class token first,
 * then distillation and register tokens) followed by the {@code gridH x gridW} patches row by row.
 * One layer's attention is stored flat as {@code [head][query][key]}, N = prefix + gridH * gridW.
 */
public record AttentionLayout(int heads, int prefixTokens, int gridH, int gridW) {
    public AttentionLayout {
        if (heads <= 0 || prefixTokens < 0 || gridH <= 0 || gridW <= 0) {
            throw new IllegalArgumentException("bad layout: heads " + heads + ", prefix " + prefixTokens + ", grid " + gridH + "x" + gridW);
        }
    }

    public int tokens() {
        return prefixTokens + gridH * gridW;
    }

    public int patches() {
        return gridH * gridW;
    }

    /** The token index of the patch at grid row {@code row}, column {@code col}. */
    public int patchToken(int row, int col) {
        if (row < 0 || row >= gridH || col < 0 || col >= gridW) {
            throw new IndexOutOfBoundsException("patch (" + row + ", " + col + ") outside " + gridH + "x" + gridW);
        }
        return prefixTokens + row * gridW + col;
    }

    public void checkLayer(float[] layer) {
        long expected = (long) heads * tokens() * tokens();
        if (layer.length != expected) {
            throw new IllegalArgumentException("attention layer has " + layer.length + " values, expected " + expected
                    + " (" + heads + " heads x " + tokens() + "^2)");
        }
    }
}
