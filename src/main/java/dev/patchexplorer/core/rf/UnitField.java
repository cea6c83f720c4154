package dev.patchexplorer.core.rf;

/**
 * The receptive field of one output unit {@code (uy, ux)} of a layer, in input pixels.
 *
 * @param centreY     row of the RF centre (pixel i is centred at i; may be a half pixel)
 * @param centreX     column of the RF centre
 * @param box         the full theoretical RF, padding included
 * @param insideImage {@code box} clipped to the image
 */
public record UnitField(int uy, int ux, double centreY, double centreX, PixelBox box, PixelBox insideImage) {

    /** Pixels of the RF that fall on padding: zeros (or pooling's ignored cells) the unit sees instead of image. */
    public long paddingPixels() {
        return box.area() - insideImage.area();
    }

    public double paddingFraction() {
        return (double) paddingPixels() / box.area();
    }
}
