package dev.patchexplorer.core.grid;

/**
 * Where one patch's value is drawn, in working pixels: the pixels for which
 * {@link PatchGrid#indexAt} names that patch. With stride == patch that is the patch itself; with
 * overlap (stride < patch) each patch owns the stride cell up to where the next patch starts, and
 * the last one keeps its whole far edge; with gaps (stride > patch) it is the patch, and the gaps
 * belong to no patch. So a per-patch map drawn this way tiles exactly what the hover readout reports.
 */
public record CellFootprint(int x, int y, int width, int height) {

    public static CellFootprint of(PatchGrid grid, int index) {
        if (index < 0 || index >= grid.patchCount()) {
            throw new IndexOutOfBoundsException("patch " + index + " of " + grid.patchCount());
        }
        int c = grid.column(index);
        int r = grid.row(index);
        return new CellFootprint(grid.cellX(c), grid.cellY(r),
                span(grid, c, grid.cols()), span(grid, r, grid.rows()));
    }

    private static int span(PatchGrid grid, int i, int count) {
        return i == count - 1 ? grid.patch() : Math.min(grid.stride(), grid.patch());
    }

    /** True when the footprints touch edge to edge with no overlap or gap (stride == patch). */
    public static boolean contiguous(PatchGrid grid) {
        return grid.stride() == grid.patch();
    }
}
