package dev.patchexplorer.core.tradeoff;

import dev.patchexplorer.core.vit.PatchMode;

/**
 * What to choose instead when a ViT pass does not fit its {@link MemoryBudget}: the smallest larger patch
 * size that fits at the same working size, or the largest working size that fits with the same patch.
 * Both search with {@link PassMemory#vitAt}, the estimate that refused the pass.
 */
public final class PassAdvice {
    private PassAdvice() {}

    /** The smallest patch above {@code patch} whose pass fits on workW x workH; 0 when none up to the image's shorter side does. */
    public static int smallestFittingPatch(VitShape s, PassKind kind, PatchMode mode, int nativePatch,
                                           int patch, int workW, int workH, MemoryBudget budget) {
        int largest = Math.min(workW, workH);
        for (int p = Math.max(1, patch + 1); p <= largest; p++) {
            PassMemory m = PassMemory.vitAt(s, kind, mode, nativePatch, p, workW, workH);
            if (m != null && budget.fits(m)) return p;
        }
        return 0;
    }

    /**
     * The largest working size (long side, in pixels, below {@code workSide}) at which {@code patch} fits,
     * the image's aspect kept: the other side is scaled and rounded. 0 when not even one patch fits.
     */
    public static int largestFittingSize(VitShape s, PassKind kind, PatchMode mode, int nativePatch,
                                         int patch, int workW, int workH, MemoryBudget budget) {
        int longSide = Math.max(workW, workH);
        // Fewer tokens never need more memory, so the sizes that fit run from `patch` up to some side: bisect.
        int lo = 0;
        int hi = longSide;
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (fitsAtSide(s, kind, mode, nativePatch, patch, workW, workH, mid, budget)) lo = mid;
            else hi = mid;
        }
        return lo;
    }

    private static boolean fitsAtSide(VitShape s, PassKind kind, PatchMode mode, int nativePatch, int patch,
                                      int workW, int workH, int side, MemoryBudget budget) {
        int longSide = Math.max(workW, workH);
        int w = (int) Math.round((double) workW * side / longSide);
        int h = (int) Math.round((double) workH * side / longSide);
        PassMemory m = PassMemory.vitAt(s, kind, mode, nativePatch, patch, w, h);
        return m != null && budget.fits(m);
    }
}
