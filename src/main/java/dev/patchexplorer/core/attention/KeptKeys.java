package dev.patchexplorer.core.attention;

import java.util.Arrays;

/**
 * Which keys an attention map keeps. A discounted key's column is set to 0 in every head's attention and
 * the row is renormalised over the keys kept, the softmax the head would have computed without that key:
 * {@code a'[h,i,j] = a[h,i,j] / (1 - sum of a[h,i,e] over the discounted e)}, 0 for a discounted j. With
 * nothing discounted ({@link #ALL}) every value is multiplied by exactly 1, so the maps are bit-for-bit
 * those of the undiscounted code.
 */
public final class KeptKeys {
    /** Every key kept. */
    public static final KeptKeys ALL = new KeptKeys(new int[0]);

    private final int[] dropped; // token indices, ascending

    private KeptKeys(int[] dropped) {
        this.dropped = dropped;
    }

    /** Drops the patches flagged in {@code patches} (gridH x gridW, row-major) as keys. */
    public static KeptKeys withoutPatches(boolean[] patches, AttentionLayout layout) {
        if (patches.length != layout.patches()) {
            throw new IllegalArgumentException(patches.length + " flags for " + layout.patches() + " patches");
        }
        int[] tokens = new int[patches.length];
        int count = 0;
        for (int k = 0; k < patches.length; k++) if (patches[k]) tokens[count++] = layout.prefixTokens() + k;
        return count == 0 ? ALL : new KeptKeys(Arrays.copyOf(tokens, count));
    }

    public boolean dropsAny() {
        return dropped.length > 0;
    }

    /** Token indices of the dropped keys. */
    public int[] dropped() {
        return dropped.clone();
    }

    /**
     * The factor that renormalises one head's attention row (starting at {@code rowStart} in {@code layer})
     * over the kept keys; 1 when nothing is dropped, 0 when the row gave all its attention to dropped keys.
     */
    double rowScale(float[] layer, int rowStart) {
        if (dropped.length == 0) return 1;
        double gone = 0;
        for (int t : dropped) gone += layer[rowStart + t];
        double left = 1 - gone;
        return left > 0 ? 1 / left : 0;
    }

    /** Sets the dropped tokens' entries of {@code row} (indexed by token) to 0. */
    void clear(double[] row, int offset) {
        for (int t : dropped) {
            int i = t - offset;
            if (i >= 0 && i < row.length) row[i] = 0;
        }
    }
}
