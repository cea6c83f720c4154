package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.attention.MassThreshold;

/** The cells a mass threshold keeps: the fewest, largest values that hold {@code fraction} of the total. */
public record MassMask(double fraction, boolean[] keep, int kept) {
    public static MassMask of(double[] values, double fraction) {
        boolean[] keep = MassThreshold.topMass(values, fraction);
        int kept = 0;
        for (boolean k : keep) if (k) kept++;
        return new MassMask(fraction, keep, kept);
    }
}
