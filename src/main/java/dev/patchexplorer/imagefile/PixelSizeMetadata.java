package dev.patchexplorer.imagefile;

import dev.patchexplorer.core.physical.PhysicalScale;
import org.w3c.dom.Node;

import javax.imageio.metadata.IIOMetadata;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds µm per pixel in an image's ImageIO metadata tree: OME-TIFF XML, an Aperio description, TIFF
 * resolution tags or a PNG pHYs chunk. Whatever is missing, malformed or unit-less gives "unknown":
 * a wrong scale would be worse than none, and the user can still type one.
 */
final class PixelSizeMetadata {
    static final int TAG_IMAGE_DESCRIPTION = 270;
    static final int TAG_X_RESOLUTION = 282;
    static final int TAG_Y_RESOLUTION = 283;
    static final int TAG_RESOLUTION_UNIT = 296;
    static final int UNIT_INCH = 2;
    static final int UNIT_CENTIMETRE = 3;
    private static final double MICRONS_PER_INCH = 25_400;
    private static final double MICRONS_PER_CM = 10_000;
    private static final double MICRONS_PER_METRE = 1_000_000;
    /** Aperio writes "|MPP = 0.2520|" into the first directory's description. */
    private static final Pattern APERIO_MPP = Pattern.compile("(?:^|\\|)\\s*MPP\\s*=\\s*([0-9.eE+-]+)");

    private PixelSizeMetadata() {}

    static Optional<PixelSize> of(IIOMetadata metadata) {
        if (metadata == null) return Optional.empty();
        String format = metadata.getNativeMetadataFormatName();
        if (format == null) return Optional.empty();
        Node root;
        try {
            root = metadata.getAsTree(format);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        String f = format.toLowerCase(Locale.ROOT);
        if (f.contains("tiff")) return fromTiff(root);
        if (f.contains("png")) return fromPng(root);
        return Optional.empty();
    }

    /** The TIFF trees of both the JDK and TwelveMonkeys: TIFFIFD / TIFFField[number] / TIFFxxxs / TIFFxxx[value]. */
    private static Optional<PixelSize> fromTiff(Node root) {
        Map<Integer, String> fields = new HashMap<>();
        collectTiffFields(root, fields);
        String description = fields.get(TAG_IMAGE_DESCRIPTION);
        if (description != null) {
            Optional<PixelSize> ome = OmeXml.pixelSize(description);
            if (ome.isPresent()) return ome;
            Optional<PixelSize> aperio = aperio(description);
            if (aperio.isPresent()) return aperio;
        }
        return fromResolutionTags(fields.get(TAG_X_RESOLUTION), fields.get(TAG_Y_RESOLUTION), fields.get(TAG_RESOLUTION_UNIT));
    }

    /**
     * TIFF 6.0 makes inch the default unit, but a writer that leaves the tag out has rarely measured
     * anything (72 dpi defaults); without an explicit inch or centimetre the size stays unknown.
     */
    static Optional<PixelSize> fromResolutionTags(String x, String y, String unit) {
        if (x == null || unit == null) return Optional.empty();
        double perUnit;
        int u;
        try {
            u = (int) number(unit);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (u == UNIT_INCH) perUnit = MICRONS_PER_INCH;
        else if (u == UNIT_CENTIMETRE) perUnit = MICRONS_PER_CM;
        else return Optional.empty();
        try {
            double px = number(x);
            double py = y == null ? px : number(y);
            return sized(perUnit / px, perUnit / py, PixelSize.Origin.TIFF_RESOLUTION);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void collectTiffFields(Node node, Map<Integer, String> out) {
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            if ("TIFFField".equals(c.getNodeName())) {
                String number = attribute(c, "number");
                String value = firstValue(c);
                if (number != null && value != null) {
                    try {
                        out.putIfAbsent(Integer.parseInt(number.trim()), value);
                    } catch (NumberFormatException ignored) {
                        // a field without a number cannot be one of ours
                    }
                }
            } else if (!"TIFFIFD".equals(c.getNodeName()) || out.isEmpty()) {
                // only the first directory (the full-resolution image); sub-IFDs describe other images
                collectTiffFields(c, out);
            }
        }
    }

    /** The first {@code value} attribute below a field: TIFFRational "20000/1", TIFFShort "3", TIFFAscii "...". */
    private static String firstValue(Node node) {
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            String v = attribute(c, "value");
            if (v != null) return v;
            String deeper = firstValue(c);
            if (deeper != null) return deeper;
        }
        return null;
    }

    private static Optional<PixelSize> fromPng(Node root) {
        for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (!"pHYs".equals(c.getNodeName())) continue;
            // pHYs unit 0 only gives the aspect ratio; 1 ("meter") is the physical one
            if (!"meter".equalsIgnoreCase(String.valueOf(attribute(c, "unitSpecifier")))) return Optional.empty();
            try {
                double px = number(attribute(c, "pixelsPerUnitXAxis"));
                double py = number(attribute(c, "pixelsPerUnitYAxis"));
                return sized(MICRONS_PER_METRE / px, MICRONS_PER_METRE / py, PixelSize.Origin.PNG_PHYS);
            } catch (NumberFormatException | NullPointerException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static Optional<PixelSize> aperio(String description) {
        if (!description.startsWith("Aperio")) return Optional.empty();
        Matcher m = APERIO_MPP.matcher(description);
        if (!m.find()) return Optional.empty();
        try {
            double mpp = Double.parseDouble(m.group(1));
            return sized(mpp, mpp, PixelSize.Origin.APERIO_DESCRIPTION);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<PixelSize> sized(double x, double y, PixelSize.Origin origin) {
        if (!PhysicalScale.isValid(x) || !PhysicalScale.isValid(y)) return Optional.empty();
        return Optional.of(new PixelSize(x, y, origin));
    }

    /** "20000/1" (a TIFF rational) or a plain number. */
    static double number(String s) {
        String t = s.trim();
        int slash = t.indexOf('/');
        if (slash < 0) return Double.parseDouble(t);
        return Double.parseDouble(t.substring(0, slash)) / Double.parseDouble(t.substring(slash + 1));
    }

    private static String attribute(Node n, String name) {
        if (n.getAttributes() == null) return null;
        Node a = n.getAttributes().getNamedItem(name);
        return a == null ? null : a.getNodeValue();
    }
}
