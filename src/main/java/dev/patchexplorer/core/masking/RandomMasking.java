package dev.patchexplorer.core.masking;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * MAE's per-image random masking (He et al. 2022): one uniform noise value per patch, keep the
 * patches with the lowest noise, mask the rest; the encoder sees the kept ones only.
 *
 * <p>Masked count = round(ratio x N), so 0.75 of 196 masks 147 and keeps 49. MAE's code keeps
 * int(N (1 − ratio)) instead; the two agree whenever ratio x N is whole or has a fraction of a half
 * or more, and differ by one patch otherwise.
 */
public final class RandomMasking {
    private RandomMasking() {}

    public static int maskedCount(int patches, double ratio) {
        return (int) Math.round(MaskRatio.check(ratio) * patches);
    }

    public static PatchMask generate(int rows, int cols, double ratio, long seed) {
        int n = rows * cols;
        int masked = maskedCount(n, ratio);
        SplittableRandom random = new SplittableRandom(seed);
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) noise[i] = random.nextDouble();
        // ascending noise; ties (vanishingly rare) by index so the order is total
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> noise[i]).thenComparingInt(i -> i));
        boolean[] flags = new boolean[n];
        for (int k = n - masked; k < n; k++) flags[order[k]] = true;
        return new PatchMask(rows, cols, flags);
    }
}
