package dev.patchexplorer.core.grid;

import java.util.function.IntPredicate;

/**
 * The "native resolution" working size: the one at which the working image keeps the image's own
 * pixels, brought within the working-size control's range and the memory guard.
 */
public final class NativeWorkingSize {
    /** The working-size control's range (the field refuses sizes outside it). */
    public static final int MIN = 16;
    public static final int MAX = 4096;

    private NativeWorkingSize() {}

    /**
     * KEEP scales the shorter side to the working size, so the shorter side is native; SQUASH stretches
     * both sides to it, so the longer side is the size at which no side loses pixels.
     */
    public static int natural(int imageWidth, int imageHeight, AspectMode mode) {
        if (imageWidth <= 0 || imageHeight <= 0) throw new IllegalArgumentException("image must not be empty");
        return mode == AspectMode.KEEP ? Math.min(imageWidth, imageHeight) : Math.max(imageWidth, imageHeight);
    }

    /**
     * {@code natural} clamped to [MIN, MAX], then lowered to the largest size for which {@code fits}
     * holds. {@code fits} must be monotone (a size that fits means every smaller one fits); when not
     * even MIN fits, MIN is returned and the readouts say why.
     */
    public static int bounded(int natural, IntPredicate fits) {
        int high = Math.max(MIN, Math.min(MAX, natural));
        if (fits.test(high)) return high;
        int low = MIN; // invariant: every size <= low is taken to fit (or is the floor), high does not fit
        if (!fits.test(low)) return MIN;
        while (high - low > 1) {
            int mid = (low + high) >>> 1;
            if (fits.test(mid)) low = mid;
            else high = mid;
        }
        return low;
    }
}
