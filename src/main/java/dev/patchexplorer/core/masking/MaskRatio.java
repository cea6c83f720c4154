package dev.patchexplorer.core.masking;

/** A masking ratio, checked once: a fraction in [0, 1]. */
final class MaskRatio {
    private MaskRatio() {}

    static double check(double ratio) {
        if (!(ratio >= 0 && ratio <= 1)) throw new IllegalArgumentException("the mask ratio must be between 0 and 1, got " + ratio);
        return ratio;
    }
}
