package dev.patchexplorer.core.attention;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * DINO's attention mask (Caron et al., 2021): keep the highest values that together hold a given
 * fraction of the total mass, e.g. 0.6 for "the patches that carry 60 % of the attention".
 */
public final class MassThreshold {
    private MassThreshold() {}

    public static boolean[] topMass(double[] map, double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) throw new IllegalArgumentException("fraction must be in [0, 1]: " + fraction);
        double total = 0;
        for (double v : map) total += Math.max(v, 0);
        boolean[] keep = new boolean[map.length];
        if (total <= 0 || fraction == 0) return keep;
        Integer[] order = IntStream.range(0, map.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> map[i]).reversed());
        double cumulative = 0;
        for (int i : order) {
            if (cumulative >= fraction * total) break;
            keep[i] = true;
            cumulative += Math.max(map[i], 0);
        }
        return keep;
    }
}
