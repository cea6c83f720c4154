package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.grid.PatchGrid;

import java.util.List;

/**
 * The class token's attention in every head of one layer, each row-major over {@code grid}, with
 * one value range shared by all heads so their colours compare.
 *
 * @param layer 1-based
 */
public record HeadMaps(List<double[]> maps, PatchGrid grid, int layer, double min, double max) {
    public HeadMaps {
        maps = List.copyOf(maps);
        for (double[] m : maps) {
            if (m.length != grid.patchCount()) throw new IllegalArgumentException("head map does not fit the grid");
        }
    }

    static HeadMaps of(List<double[]> maps, PatchGrid grid, int layer) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double[] m : maps) {
            for (double v : m) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return new HeadMaps(maps, grid, layer, min, max);
    }

    public int heads() {
        return maps.size();
    }

    /** 0..1 within the range shared by all heads. */
    public double normalised(int head, int index) {
        return max > min ? (maps.get(head)[index] - min) / (max - min) : 0.5;
    }
}
