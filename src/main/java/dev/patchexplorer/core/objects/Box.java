package dev.patchexplorer.core.objects;

/**
 * A named object of interest: a rectangle in ORIGINAL image pixels, so it stays on the object when the
 * working size, the aspect mode or the patch size changes.
 */
public record Box(String name, double x, double y, double width, double height) {
    public Box {
        if (name == null) throw new IllegalArgumentException("a box needs a name");
        if (!(Double.isFinite(x) && Double.isFinite(y))) throw new IllegalArgumentException("box position must be finite");
        if (!(width > 0 && height > 0 && Double.isFinite(width) && Double.isFinite(height))) {
            throw new IllegalArgumentException("box must have a positive size, got " + width + " x " + height);
        }
    }

    /** The box spanned by two corners, in any order. */
    public static Box between(String name, double x0, double y0, double x1, double y1) {
        return new Box(name, Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    }

    public Box renamed(String newName) {
        return new Box(newName, x, y, width, height);
    }
}
