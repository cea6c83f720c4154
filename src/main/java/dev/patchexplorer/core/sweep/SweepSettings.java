package dev.patchexplorer.core.sweep;

/**
 * What a sweep holds fixed: the mode, the side of the square working image, the reference patch size
 * every run is compared with, and the model's own (native) patch size.
 */
public record SweepSettings(SweepMode mode, int size, int referencePatch, int nativePatch) {
    public SweepSettings {
        if (mode == null) throw new IllegalArgumentException("no mode");
        if (size <= 0 || referencePatch <= 0 || nativePatch <= 0) throw new IllegalArgumentException("sizes must be positive");
        if (referencePatch > size) throw new IllegalArgumentException("reference patch " + referencePatch + " is larger than the " + size + " px image");
    }

    /** The plan of one run at {@code patch}. */
    public SweepPlan plan(int patch) {
        return SweepPlan.of(this, patch);
    }
}
