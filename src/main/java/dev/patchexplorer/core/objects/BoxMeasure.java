package dev.patchexplorer.core.objects;

import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;

import java.util.ArrayList;
import java.util.List;

/**
 * How a box sits on a patch grid. The box (original pixels) is mapped to working pixels with the
 * working resolution's scale, then compared with the grid's patches, which are
 * {@code [offset + i*stride, offset + i*stride + patch)} per axis for the grid's columns and rows:
 * a patch is <em>touched</em> when it overlaps the box by a positive length on both axes, and
 * <em>inside</em> when it lies wholly within the box.
 *
 * @param widthPatches  the box's width in working pixels divided by the patch side
 * @param heightPatches the same for its height
 */
public record BoxMeasure(Box box, int patch, double workingX0, double workingY0, double workingX1, double workingY1,
                         int touchedCols, int touchedRows, int insideCols, int insideRows,
                         double widthPatches, double heightPatches, BoxWarning warning) {

    public static BoxMeasure of(Box box, WorkingResolution working, PatchGrid grid) {
        double x0 = box.x() / working.scaleX(), x1 = (box.x() + box.width()) / working.scaleX();
        double y0 = box.y() / working.scaleY(), y1 = (box.y() + box.height()) / working.scaleY();
        GridSpec s = grid.spec();
        int p = s.patch();
        double wp = (x1 - x0) / p, hp = (y1 - y0) / p;
        return new BoxMeasure(box, p, x0, y0, x1, y1,
                touched(x0, x1, s.offsetX(), p, s.stride(), grid.cols()), touched(y0, y1, s.offsetY(), p, s.stride(), grid.rows()),
                inside(x0, x1, s.offsetX(), p, s.stride(), grid.cols()), inside(y0, y1, s.offsetY(), p, s.stride(), grid.rows()),
                wp, hp, BoxWarning.forShorterSide(Math.min(wp, hp)));
    }

    /** Patches that overlap the box (any part of it). */
    public int touched() {
        return touchedCols * touchedRows;
    }

    /** Patches wholly within the box: those that see only the object. */
    public int inside() {
        return insideCols * insideRows;
    }

    /** One point of the patches-per-object chart. */
    public record Point(int patch, int touched, int inside) {}

    /**
     * Touched and inside counts for each patch size, on grids like {@code base} (offset, edge; the
     * stride follows the patch when {@code strideFollowsPatch}, else stays) over the same working image.
     * Sizes larger than the working image give no grid and are left out.
     */
    public static List<Point> series(Box box, WorkingResolution working, GridSpec base, boolean strideFollowsPatch,
                                     List<Integer> patches) {
        List<Point> out = new ArrayList<>();
        for (int p : patches) {
            if (p > Math.min(working.width(), working.height())) continue;
            PatchGrid g = PatchGrid.of(working.width(), working.height(), base.withPatch(p, strideFollowsPatch));
            if (g.isEmpty()) continue;
            BoxMeasure m = of(box, working, g);
            out.add(new Point(p, m.touched(), m.inside()));
        }
        return out;
    }

    private static int touched(double a, double b, int offset, int patch, int stride, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            double start = offset + (double) i * stride;
            if (start < b && start + patch > a) count++;
        }
        return count;
    }

    private static int inside(double a, double b, int offset, int patch, int stride, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            double start = offset + (double) i * stride;
            if (start >= a && start + patch <= b) count++;
        }
        return count;
    }
}
