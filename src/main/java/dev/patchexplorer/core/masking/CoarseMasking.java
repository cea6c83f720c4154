package dev.patchexplorer.core.masking;

import java.util.SplittableRandom;

/**
 * SimMIM's masking (Xie et al. 2022; SWEEP_AND_CONCEPTS.md section 4): the image is cut into mask
 * units of {@code unit} pixels (32 in the paper), a random ceil(ratio x units) of them are masked
 * (SimMIM rounds up; 0.6 by default), and the mask is spread over the finer model grid, each unit
 * covering (unit / patch)² model patches. Mask unit and model patch need not match.
 */
public final class CoarseMasking {
    private CoarseMasking() {}

    public static int maskedUnits(int units, double ratio) {
        // 1e-9: 0.6 x 5 is 3.0000000000000004 in binary floating point and must mask 3 units, not 4
        return (int) Math.ceil(MaskRatio.check(ratio) * units - 1e-9);
    }

    /**
     * @param size  side of the square image in pixels, a multiple of {@code unit}
     * @param unit  mask unit side in pixels, a multiple of {@code patch}
     * @param patch model patch side in pixels
     */
    public static PatchMask generate(int size, int unit, int patch, double ratio, long seed) {
        if (patch < 1 || unit < patch || unit % patch != 0) {
            throw new IllegalArgumentException("the mask unit " + unit + " must be a multiple of the patch " + patch);
        }
        if (size < unit || size % unit != 0) throw new IllegalArgumentException("the image side " + size + " must be a multiple of the mask unit " + unit);
        return generateOnGrid(size / patch, size / patch, unit / patch, ratio, seed);
    }

    /**
     * The same masking on any rows x cols patch grid, with mask units of {@code unitPatches} x
     * {@code unitPatches} patches laid from the top-left corner; units at the right and bottom edges
     * may be cut short by the grid and still count as one unit each. On a square grid that is a whole
     * number of units this is {@link #generate}.
     */
    public static PatchMask generateOnGrid(int rows, int cols, int unitPatches, double ratio, long seed) {
        if (rows <= 0 || cols <= 0) throw new IllegalArgumentException("empty grid " + rows + "x" + cols);
        if (unitPatches < 1) throw new IllegalArgumentException("a mask unit needs at least one patch, got " + unitPatches);
        int unitRows = (rows + unitPatches - 1) / unitPatches, unitCols = (cols + unitPatches - 1) / unitPatches, units = unitRows * unitCols;
        int masked = maskedUnits(units, ratio);
        // a seeded Fisher–Yates shuffle; its first `masked` entries are the masked units
        int[] order = new int[units];
        for (int i = 0; i < units; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = units - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] flags = new boolean[rows * cols];
        for (int k = 0; k < masked; k++) {
            int ur = order[k] / unitCols, uc = order[k] % unitCols;
            for (int y = ur * unitPatches; y < Math.min(rows, (ur + 1) * unitPatches); y++) {
                for (int x = uc * unitPatches; x < Math.min(cols, (uc + 1) * unitPatches); x++) flags[y * cols + x] = true;
            }
        }
        return new PatchMask(rows, cols, flags);
    }
}
