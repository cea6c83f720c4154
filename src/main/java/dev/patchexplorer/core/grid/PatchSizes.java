package dev.patchexplorer.core.grid;

import java.util.ArrayList;
import java.util.List;

/** The patch sizes the slider offers, and snapping to sizes that tile the working image exactly. */
public final class PatchSizes {
    public static final int MIN = 2;
    /** The slider's end on working images up to this size; a larger working image moves it (see {@link #largest}). */
    public static final int MAX = 128;

    private PatchSizes() {}

    /**
     * The slider's end for a width x height working image: its shorter side (one patch then covers it,
     * as pathology tiles of 224, 256 or 512 px need), never below {@link #MAX}.
     */
    public static int largest(int width, int height) {
        return Math.max(MAX, Math.min(width, height));
    }

    /** Sizes in [MIN, largest] that divide both sides, so no pixel is dropped. May be empty (e.g. a prime side). */
    public static List<Integer> divisors(int width, int height) {
        List<Integer> out = new ArrayList<>();
        int largest = largest(width, height);
        for (int p = MIN; p <= largest; p++) {
            if (width % p == 0 && height % p == 0) out.add(p);
        }
        return out;
    }

    /**
     * The divisor nearest to {@code patch} (ties go to the smaller), or {@code patch} itself if none exists.
     * A patch within [MIN, MAX] snaps among the divisors there, so a prime side (337) does not pull a
     * 13 px patch up to one patch covering the image; a larger patch snaps among all of them.
     */
    public static int snap(int patch, int width, int height) {
        int best = patch;
        int bestDistance = Integer.MAX_VALUE;
        for (int d : divisors(width, height)) {
            if (patch <= MAX && d > MAX) break;
            int distance = Math.abs(d - patch);
            if (distance < bestDistance) {
                best = d;
                bestDistance = distance;
            }
        }
        return best;
    }
}
