package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.attention.AttentionLayout;
import dev.patchexplorer.core.attention.AttentionMaps;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.model.ViTOutput;

/**
 * One query token's attention in every head of every layer, {@code maps[layer][head]} row-major over
 * {@code grid}. Each layer has its own value range shared by its heads: early layers spread their
 * attention thinly and would read as one flat colour on a range set by the sharp late layers.
 *
 * @param queryRow the clicked patch's row and column, or -1 and -1 for the class token
 */
public record AllHeads(double[][][] maps, PatchGrid grid, int queryRow, int queryCol, double[] layerMin, double[] layerMax) {

    /** The class token's (query -1) or the patch (row, col)'s attention in a pass that copied every layer. */
    static AllHeads of(ViTOutput out, PatchGrid grid, int queryRow, int queryCol) {
        AttentionLayout layout = out.layout();
        int query = queryRow < 0 ? 0 : layout.patchToken(queryRow, queryCol);
        double[][][] maps = new double[out.layers()][out.heads()][];
        double[] min = new double[out.layers()];
        double[] max = new double[out.layers()];
        for (int l = 0; l < out.layers(); l++) {
            if (out.attention()[l] == null) throw new IllegalArgumentException("layer " + (l + 1) + " was not copied");
            min[l] = Double.POSITIVE_INFINITY;
            max[l] = Double.NEGATIVE_INFINITY;
            for (int h = 0; h < out.heads(); h++) {
                maps[l][h] = AttentionMaps.headPatchMap(out.attention()[l], layout, h, query);
                for (double v : maps[l][h]) {
                    min[l] = Math.min(min[l], v);
                    max[l] = Math.max(max[l], v);
                }
            }
        }
        return new AllHeads(maps, grid, queryRow, queryCol, min, max);
    }

    public int layers() {
        return maps.length;
    }

    public int heads() {
        return maps.length == 0 ? 0 : maps[0].length;
    }

    public boolean classToken() {
        return queryRow < 0;
    }

    /** 0..1 within layer {@code layer}'s range (0-based layer and head). */
    public double normalised(int layer, int head, int index) {
        double lo = layerMin[layer], hi = layerMax[layer];
        return hi > lo ? (maps[layer][head][index] - lo) / (hi - lo) : 0.5;
    }

    /** Layer {@code layer}'s head {@code head} as 0..1 values, one per grid cell. */
    public double[] normalised(int layer, int head) {
        double[] out = new double[maps[layer][head].length];
        for (int i = 0; i < out.length; i++) out[i] = normalised(layer, head, i);
        return out;
    }
}
