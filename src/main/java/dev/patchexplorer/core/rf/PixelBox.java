package dev.patchexplorer.core.rf;

/**
 * A half-open rectangle of input pixels: columns {@code x0 .. x1-1}, rows {@code y0 .. y1-1}.
 * Coordinates may be negative or past the image: those pixels lie on padding.
 */
public record PixelBox(int x0, int y0, int x1, int y1) {
    public PixelBox {
        if (x1 < x0 || y1 < y0) throw new IllegalArgumentException("inverted box " + x0 + "," + y0 + " .. " + x1 + "," + y1);
    }

    /** The whole image, {@code [0, width) x [0, height)}. */
    public static PixelBox image(int height, int width) {
        return new PixelBox(0, 0, width, height);
    }

    public int width() {
        return x1 - x0;
    }

    public int height() {
        return y1 - y0;
    }

    public long area() {
        return (long) width() * height();
    }

    public boolean isEmpty() {
        return area() == 0;
    }

    /** The overlap with {@code other}; an empty box (at a clamped corner) when they do not meet. */
    public PixelBox intersect(PixelBox other) {
        int ax = Math.max(x0, other.x0), ay = Math.max(y0, other.y0);
        int bx = Math.min(x1, other.x1), by = Math.min(y1, other.y1);
        return new PixelBox(ax, ay, Math.max(ax, bx), Math.max(ay, by));
    }

    public boolean contains(PixelBox other) {
        return other.x0 >= x0 && other.y0 >= y0 && other.x1 <= x1 && other.y1 <= y1;
    }
}
