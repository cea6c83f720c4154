package dev.patchexplorer.cli;

import dev.patchexplorer.core.physical.PhysicalScale;
import dev.patchexplorer.imagefile.DecodedImage;
import dev.patchexplorer.imagefile.PixelSize;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * What {@code tradeoffs} lays its grid on, and how that maps to the slide: the working size, how many
 * original pixels it covers on each axis (the working image is resized from them), the image's µm
 * per original pixel when known, and a note when not.
 *
 * @param scale null when neither the file nor {@code --mpp} gives one
 * @param image null without {@code --image}
 */
record PhysicalGeometry(int width, int height, int coveredWidth, int coveredHeight, int shorterOriginalSide,
                        PhysicalScale scale, String scaleOrigin, DecodedImage image) {
    static final String MPP = "mpp";
    static final String TISSUE = "tissue-mm2";

    /**
     * With {@code --image}: its centre square resized to {@code --size} (the architecture's input by
     * default), as analyze cuts it, or the whole picture resized to {@code --width} x {@code --height}.
     * Without: a {@code --width} x {@code --height} image at its own pixels.
     */
    static PhysicalGeometry resolve(Options o, int nativeSize) throws UsageException {
        Double handMpp = o.has(MPP) ? mpp(o.get(MPP, "")) : null;
        OptionalInt size = CommonOptions.size(o);
        if (!o.has(CommonOptions.IMAGE.name())) {
            int s = size.orElse(nativeSize);
            int w = CommonOptions.size("width", o.integer("width", s));
            int h = CommonOptions.size("height", o.integer("height", s));
            PhysicalScale scale = handMpp == null ? null : PhysicalScale.square(handMpp, PhysicalScale.Source.HAND);
            return new PhysicalGeometry(w, h, w, h, Math.min(w, h), scale, handMpp == null ? null : "--mpp", null);
        }
        DecodedImage img = ImageFiles.read(CommonOptions.image(o));
        int ow = img.originalWidth(), oh = img.originalHeight();
        int w, h, cw, ch;
        if (o.has("width") || o.has("height")) {
            if (size.isPresent()) throw new UsageException("give --size or --width/--height, not both");
            w = CommonOptions.size("width", o.integer("width", nativeSize));
            h = CommonOptions.size("height", o.integer("height", nativeSize));
            cw = ow;
            ch = oh;
        } else {
            w = h = size.orElse(nativeSize);
            cw = ch = Math.min(ow, oh);
        }
        PhysicalScale scale;
        String origin;
        if (handMpp != null) {
            scale = PhysicalScale.square(handMpp, PhysicalScale.Source.HAND);
            origin = "--mpp";
        } else if (img.pixelSize() != null) {
            scale = img.pixelSize().toScale();
            origin = origin(img.pixelSize().origin());
        } else {
            scale = null;
            origin = null;
        }
        return new PhysicalGeometry(w, h, cw, ch, Math.min(ow, oh), scale, origin, img);
    }

    /** How the JSON names where the scale came from: "tiff_resolution", "png_phys", "ome_xml", "aperio_description". */
    static String origin(PixelSize.Origin origin) {
        return origin.name().toLowerCase(Locale.ROOT);
    }

    static double mpp(String v) throws UsageException {
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!PhysicalScale.isValid(d)) {
            throw new UsageException("--mpp must be a positive number of micrometres per pixel (e.g. 0.5), got '" + v + "'");
        }
        return d;
    }

    static double tissue(Options o) throws UsageException {
        String v = o.get(TISSUE, "");
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!(d > 0) || !Double.isFinite(d)) throw new UsageException("--" + TISSUE + " must be a positive area in mm², got '" + v + "'");
        return d;
    }
}
