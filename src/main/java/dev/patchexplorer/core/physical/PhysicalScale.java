package dev.patchexplorer.core.physical;

/**
 * How many micrometres one pixel of the original image spans, horizontally and vertically, and who
 * said so. Scanners report the two axes separately; they differ when a file is stretched.
 */
public record PhysicalScale(double micronsPerPixelX, double micronsPerPixelY, Source source) {
    /** Axes further apart than this (relative) are worth a warning: a patch is then not square on the slide. */
    public static final double ANISOTROPY_TOLERANCE = 0.01;
    /** Pathology tools' convention: 10 / (µm per pixel), so 0.5 µm/px is "20x". */
    public static final double MAGNIFICATION_TIMES_MPP = 10.0;

    /** Where the value came from. */
    public enum Source { FILE, HAND }

    public PhysicalScale {
        check(micronsPerPixelX, "x");
        check(micronsPerPixelY, "y");
        if (source == null) throw new IllegalArgumentException("source must be given");
    }

    public static PhysicalScale square(double micronsPerPixel, Source source) {
        return new PhysicalScale(micronsPerPixel, micronsPerPixel, source);
    }

    /** True for a positive, finite µm/px: what {@code --mpp} and the window's field accept. */
    public static boolean isValid(double micronsPerPixel) {
        return micronsPerPixel > 0 && Double.isFinite(micronsPerPixel);
    }

    private static void check(double v, String axis) {
        if (!isValid(v)) throw new IllegalArgumentException("µm per pixel (" + axis + ") must be positive and finite, got " + v);
    }

    /** The one figure quoted for a slide: the mean of the two axes (equal on any ordinary scan). */
    public double micronsPerPixel() {
        return (micronsPerPixelX + micronsPerPixelY) / 2;
    }

    /** 10 / (µm per pixel): 0.25 µm/px is 40x, 0.5 is 20x, 1.0 is 10x. */
    public double magnification() {
        return magnificationOf(micronsPerPixel());
    }

    public static double magnificationOf(double micronsPerPixel) {
        return MAGNIFICATION_TIMES_MPP / micronsPerPixel;
    }

    /** The axes differ by more than 1 % of the smaller one. */
    public boolean anisotropic() {
        double lo = Math.min(micronsPerPixelX, micronsPerPixelY);
        return Math.abs(micronsPerPixelX - micronsPerPixelY) > ANISOTROPY_TOLERANCE * lo;
    }

    public PhysicalScale withSource(Source s) {
        return new PhysicalScale(micronsPerPixelX, micronsPerPixelY, s);
    }
}
