package dev.patchexplorer.render;

/**
 * An object's box as exported: its label and its rectangle in working pixels (where the picture and
 * the SVG are drawn), and its outline colour as 0xRRGGBB.
 */
public record SceneBox(String label, double x, double y, double width, double height, int rgb) {
    public SceneBox {
        if (label == null) throw new IllegalArgumentException("a box needs a label (may be empty)");
        if (!(Double.isFinite(x) && Double.isFinite(y) && width > 0 && height > 0 && Double.isFinite(width)
                && Double.isFinite(height))) {
            throw new IllegalArgumentException("box must be finite with a positive size");
        }
    }
}
