package dev.patchexplorer.render;

/** How the grid's lines are drawn: colour (opaque 0xRRGGBB in an int), width in picture pixels at 1x, and opacity. */
public record GridLook(boolean visible, int rgb, double lineWidth, double opacity) {
    public GridLook {
        if (!(lineWidth > 0)) throw new IllegalArgumentException("line width must be positive, got " + lineWidth);
        if (!(opacity >= 0 && opacity <= 1)) throw new IllegalArgumentException("opacity must be in 0..1, got " + opacity);
    }

    /** The window's default grid: yellow #ffd400, 1 px, 85 %. */
    public static final GridLook DEFAULT = new GridLook(true, 0xffd400, 1.0, 0.85);
}
