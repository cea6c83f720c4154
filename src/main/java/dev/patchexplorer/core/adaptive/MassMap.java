package dev.patchexplorer.core.adaptive;

import dev.patchexplorer.core.grid.CellFootprint;
import dev.patchexplorer.core.grid.PatchGrid;

/**
 * A non-negative per-pixel map (attention, saliency) with summed-area sums, so the mass inside any
 * rectangle is four look-ups. Built from a per-patch map by spreading each patch's value evenly over
 * the pixels it is drawn on ({@link CellFootprint}), then cut to a square window of the image.
 */
public final class MassMap {
    private final int width;
    private final int height;
    private final double[] sums; // (width + 1) x (height + 1), sums[y][x] = mass of [0, x) x [0, y)

    /** @param density row-major, width x height, each value finite and at least 0 */
    public MassMap(double[] density, int width, int height) {
        if (width <= 0 || height <= 0 || density.length != width * height) {
            throw new IllegalArgumentException("a " + width + " x " + height + " map needs " + width * height
                    + " values, got " + density.length);
        }
        this.width = width;
        this.height = height;
        sums = new double[(width + 1) * (height + 1)];
        for (int y = 0; y < height; y++) {
            double row = 0;
            for (int x = 0; x < width; x++) {
                double v = density[y * width + x];
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("map value " + v + " at (" + x + ", " + y + "): a mass must be finite and not negative");
                }
                row += v;
                sums[(y + 1) * (width + 1) + x + 1] = sums[y * (width + 1) + x + 1] + row;
            }
        }
    }

    /**
     * The per-patch map {@code values} of {@code grid} as per-pixel mass, cut to the {@code side} x
     * {@code side} window at ({@code left}, {@code top}) of the grid's image: each patch's value spread
     * evenly over its footprint, so a patch holds its value whole when its footprint lies in the window.
     */
    public static MassMap fromPatches(double[] values, PatchGrid grid, int left, int top, int side) {
        if (values.length != grid.patchCount()) {
            throw new IllegalArgumentException("the map has " + values.length + " values for " + grid.patchCount() + " patches");
        }
        if (left < 0 || top < 0 || side <= 0 || left + side > grid.width() || top + side > grid.height()) {
            throw new IllegalArgumentException("the window does not fit the " + grid.width() + " x " + grid.height() + " image");
        }
        double[] density = new double[side * side];
        for (int i = 0; i < values.length; i++) {
            CellFootprint f = CellFootprint.of(grid, i);
            double perPixel = values[i] / ((double) f.width() * f.height());
            for (int y = Math.max(f.y(), top); y < Math.min(f.y() + f.height(), top + side); y++) {
                for (int x = Math.max(f.x(), left); x < Math.min(f.x() + f.width(), left + side); x++) {
                    density[(y - top) * side + (x - left)] += perPixel;
                }
            }
        }
        return new MassMap(density, side, side);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The mass of the rectangle [x, x + w) x [y, y + h), which must lie inside the map. */
    public double mass(int x, int y, int w, int h) {
        if (x < 0 || y < 0 || w < 0 || h < 0 || x + w > width || y + h > height) {
            throw new IllegalArgumentException("rectangle " + x + "," + y + " " + w + "x" + h + " outside the "
                    + width + " x " + height + " map");
        }
        int s = width + 1;
        return sums[(y + h) * s + x + w] - sums[y * s + x + w] - sums[(y + h) * s + x] + sums[y * s + x];
    }

    public double total() {
        return mass(0, 0, width, height);
    }
}
