package dev.patchexplorer.model;

import dev.patchexplorer.core.format.Units;

/**
 * A pass refused because all layers' attention would be over the budget. It carries the numbers, so
 * the window can say it in the user's language with the same formatter as the readouts.
 */
public final class AttentionTooLargeException extends ModelLoadException {
    private final int tokens;
    private final int layers;
    private final long bytesNeeded;
    private final long heapBytes;

    AttentionTooLargeException(int tokens, int layers, long bytesNeeded, long heapBytes) {
        super("too many tokens: " + Units.count(tokens) + " tokens need " + Units.bytes(bytesNeeded)
                + " for the attention maps of all " + layers + " layers, more than half of the "
                + Units.bytes(heapBytes) + " the JVM may use; choose a larger patch size or a smaller image");
        this.tokens = tokens;
        this.layers = layers;
        this.bytesNeeded = bytesNeeded;
        this.heapBytes = heapBytes;
    }

    public int tokens() {
        return tokens;
    }

    public int layers() {
        return layers;
    }

    /** All layers' attention, {@code core.tradeoff.AttentionMemory.allLayersBytes}: the readouts' number. */
    public long bytesNeeded() {
        return bytesNeeded;
    }

    public long heapBytes() {
        return heapBytes;
    }
}
