package dev.patchexplorer.model;

/**
 * Refuses a forward pass whose attention maps would not fit: all L layers are copied to the Java
 * heap (L * heads * N^2 floats) and one layer's scores and probabilities live natively at a time.
 */
final class AttentionBudget {
    private AttentionBudget() {}

    static long bytesNeeded(int layers, int heads, int tokens) {
        long perLayer = (long) heads * tokens * tokens * Float.BYTES;
        return perLayer * layers + 3 * perLayer;
    }

    static void check(int layers, int heads, int tokens, long maxMemory) throws ModelLoadException {
        long need = bytesNeeded(layers, heads, tokens);
        if (need > maxMemory / 2 || (long) heads * tokens * tokens > Integer.MAX_VALUE) {
            throw new ModelLoadException("too many tokens: " + tokens + " tokens need about " + (need >> 20)
                    + " MiB for the attention maps, more than half of the " + (maxMemory >> 20)
                    + " MiB the JVM may use; choose a larger patch size or a smaller image");
        }
    }
}
