package dev.patchexplorer.core.tradeoff;

import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;

import java.util.ArrayList;
import java.util.List;

/** Trade-offs across a range of patch sizes at one working resolution (for the charts and the CLI sweep). */
public final class PatchSweep {
    public record Point(int patch, TradeOffs tradeOffs) {}

    private PatchSweep() {}

    /** Every patch size in the list that fits the image; sizes with an empty grid are skipped. */
    public static List<Point> over(VitArchitecture a, int width, int height, GridSpec template,
                                   Iterable<Integer> patches, boolean strideFollowsPatch, long heapBytes) {
        List<Point> out = new ArrayList<>();
        for (int p : patches) {
            PatchGrid grid = PatchGrid.of(width, height, template.withPatch(p, strideFollowsPatch));
            if (!grid.isEmpty()) out.add(new Point(p, TradeOffs.of(a, grid, heapBytes)));
        }
        return out;
    }
}
