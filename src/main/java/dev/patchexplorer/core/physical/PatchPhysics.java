package dev.patchexplorer.core.physical;

/**
 * A patch of the working image measured on the slide. The working image is the original resized, so
 * one working pixel spans {@code originalWidth / workingWidth} original pixels: a patch of P working
 * pixels reads P x that many source pixels and covers P x that x (µm per original pixel) micrometres.
 *
 * @param micronsPerWorkingPixelX µm one working pixel spans horizontally (likewise Y)
 * @param sourcePixelsX           original pixels one patch side reads horizontally (likewise Y)
 * @param patchWidthMicrons       the patch's side on the slide, horizontally (likewise height)
 */
public record PatchPhysics(double micronsPerWorkingPixelX, double micronsPerWorkingPixelY,
                           double sourcePixelsX, double sourcePixelsY,
                           double patchWidthMicrons, double patchHeightMicrons) {
    private static final double UM2_PER_MM2 = 1e6;

    /**
     * @param originalWidth  the file's width in pixels (before any subsampled read), which the scale refers to
     * @param workingWidth   the width of the image the grid is laid on
     * @param patch          patch side in working pixels
     */
    public static PatchPhysics of(PhysicalScale scale, int originalWidth, int originalHeight,
                                  int workingWidth, int workingHeight, int patch) {
        if (originalWidth <= 0 || originalHeight <= 0 || workingWidth <= 0 || workingHeight <= 0 || patch <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + originalWidth + "x" + originalHeight + ", "
                    + workingWidth + "x" + workingHeight + ", patch " + patch);
        }
        double perWorkingX = (double) originalWidth / workingWidth;
        double perWorkingY = (double) originalHeight / workingHeight;
        double umX = scale.micronsPerPixelX() * perWorkingX;
        double umY = scale.micronsPerPixelY() * perWorkingY;
        return new PatchPhysics(umX, umY, patch * perWorkingX, patch * perWorkingY, patch * umX, patch * umY);
    }

    /** The patch's field of view on the slide. */
    public double patchAreaMicrons2() {
        return patchWidthMicrons * patchHeightMicrons;
    }

    /** How many (non-overlapping) patches tile one square millimetre. */
    public double patchesPerMm2() {
        return UM2_PER_MM2 / patchAreaMicrons2();
    }

    /** Patches needed to cover {@code tissueMm2} of tissue, rounded up (a partly covered patch is still read). */
    public long patchesFor(double tissueMm2) {
        if (!(tissueMm2 > 0) || !Double.isFinite(tissueMm2)) throw new IllegalArgumentException("tissue area must be positive, got " + tissueMm2);
        // the tiny slack keeps 1.0000000002 patches (float error of an exact fit) at 1
        return (long) Math.ceil(tissueMm2 * patchesPerMm2() - 1e-9);
    }

    /** The magnification the model sees: 10 / (µm per working pixel), mean of the axes. */
    public double workingMagnification() {
        return PhysicalScale.magnificationOf((micronsPerWorkingPixelX + micronsPerWorkingPixelY) / 2);
    }
}
