package dev.patchexplorer.imagefile;

import dev.patchexplorer.core.physical.PhysicalScale;

/**
 * The physical size of one pixel as an image file states it, in micrometres per pixel on each axis,
 * and which part of the file said so.
 */
public record PixelSize(double micronsX, double micronsY, Origin origin) {
    /** The metadata the value was read from. */
    public enum Origin {
        /** OME-TIFF: PhysicalSizeX/Y of the Pixels element in the ImageDescription XML. */
        OME_XML,
        /** Aperio SVS: "MPP = ..." in the ImageDescription. */
        APERIO_DESCRIPTION,
        /** TIFF XResolution/YResolution (tags 282/283) in ResolutionUnit inch or centimetre (296). */
        TIFF_RESOLUTION,
        /** PNG pHYs chunk in pixels per metre. */
        PNG_PHYS
    }

    public PixelSize {
        if (!PhysicalScale.isValid(micronsX) || !PhysicalScale.isValid(micronsY)) {
            throw new IllegalArgumentException("pixel size must be positive and finite: " + micronsX + " x " + micronsY);
        }
    }

    public PhysicalScale toScale() {
        return new PhysicalScale(micronsX, micronsY, PhysicalScale.Source.FILE);
    }
}
