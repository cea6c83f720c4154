package dev.patchexplorer.core.grid;

import java.util.TreeSet;

/**
 * Where the grid's lines run, in working pixels: both edges of every patch, each position once. With
 * stride == patch that is cols + 1 vertical and rows + 1 horizontal lines; with overlap or gaps every
 * patch brings its own far edge. The window's overlay, the exported picture and the SVG draw these.
 */
public final class GridLines {
    private GridLines() {}

    /** x of every vertical line, left to right; empty for an empty grid. */
    public static int[] xs(PatchGrid grid) {
        return edges(grid.cols(), grid.spec().offsetX(), grid.stride(), grid.patch());
    }

    /** y of every horizontal line, top to bottom. */
    public static int[] ys(PatchGrid grid) {
        return edges(grid.rows(), grid.spec().offsetY(), grid.stride(), grid.patch());
    }

    /** The extent the lines span along x: from the first patch's left edge to the last one's right edge. */
    public static int spanX(PatchGrid grid) {
        return grid.cols() == 0 ? 0 : (grid.cols() - 1) * grid.stride() + grid.patch();
    }

    public static int spanY(PatchGrid grid) {
        return grid.rows() == 0 ? 0 : (grid.rows() - 1) * grid.stride() + grid.patch();
    }

    private static int[] edges(int n, int offset, int stride, int patch) {
        TreeSet<Integer> at = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            at.add(offset + i * stride);
            at.add(offset + i * stride + patch);
        }
        return at.stream().mapToInt(Integer::intValue).toArray();
    }
}
