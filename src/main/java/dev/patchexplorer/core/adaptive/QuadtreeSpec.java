package dev.patchexplorer.core.adaptive;

/**
 * The settings of a quadtree tokenization of a square working image: patch sides from
 * {@code maxSize} down to {@code minSize} by halving, at most {@code budget} tokens.
 * Checked here so the window and the command line refuse the same settings with the same words.
 */
public record QuadtreeSpec(int imageSize, int minSize, int maxSize, int budget) {
    public QuadtreeSpec {
        if (minSize < 1) throw new IllegalArgumentException("the minimum patch side must be at least 1, got " + minSize);
        if (maxSize < minSize) throw new IllegalArgumentException("the maximum patch side " + maxSize + " is below the minimum " + minSize);
        if (maxSize % minSize != 0 || Integer.bitCount(maxSize / minSize) != 1) {
            throw new IllegalArgumentException("the maximum patch side " + maxSize + " must be the minimum " + minSize
                    + " times a power of two (each split halves the side)");
        }
        if (imageSize < maxSize || imageSize % maxSize != 0) {
            throw new IllegalArgumentException("the image side " + imageSize + " must be a multiple of the maximum patch side " + maxSize);
        }
        long initial = initialTokens(imageSize, maxSize);
        if (budget < initial) {
            throw new IllegalArgumentException("a budget of " + budget + " tokens is below the " + initial
                    + " patches of side " + maxSize + " that cover the image");
        }
    }

    /** Tokens before any split: the grid of max-size patches. */
    public int initialTokens() {
        return (int) initialTokens(imageSize, maxSize);
    }

    /** Tokens of a uniform grid at the finest detail (every patch at the minimum side). */
    public long uniformTokens() {
        long side = imageSize / minSize;
        return side * side;
    }

    /** Splits the budget allows: each replaces one patch by four, adding 3 tokens. */
    public int splitsAllowed() {
        return (budget - initialTokens()) / 3;
    }

    private static long initialTokens(int imageSize, int maxSize) {
        long side = imageSize / maxSize;
        return side * side;
    }
}
