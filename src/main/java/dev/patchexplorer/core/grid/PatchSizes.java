package dev.patchexplorer.core.grid;

import java.util.ArrayList;
import java.util.List;

/** The patch sizes the slider offers, and snapping to sizes that tile the working image exactly. */
public final class PatchSizes {
    public static final int MIN = 2;
    public static final int MAX = 128;

    private PatchSizes() {}

    /** Sizes in [MIN, MAX] that divide both sides, so no pixel is dropped. May be empty (e.g. a prime side). */
    public static List<Integer> divisors(int width, int height) {
        List<Integer> out = new ArrayList<>();
        for (int p = MIN; p <= MAX; p++) {
            if (width % p == 0 && height % p == 0) out.add(p);
        }
        return out;
    }

    /** The divisor nearest to {@code patch} (ties go to the smaller), or {@code patch} itself if none exists. */
    public static int snap(int patch, int width, int height) {
        int best = patch;
        int bestDistance = Integer.MAX_VALUE;
        for (int d : divisors(width, height)) {
            int distance = Math.abs(d - patch);
            if (distance < bestDistance) {
                best = d;
                bestDistance = distance;
            }
        }
        return best;
    }
}
