package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.vit.InputPlan;

/**
 * One computed map, row-major over the grid the model ran on: value (r, c) belongs to grid cell
 * (r, c) of {@code grid}, offset, stride and padding included. {@code mask}, when set, keeps only
 * the cells holding the top share of the map's mass; the colour range stays that of the whole map.
 */
public record Heatmap(double[] values, PatchGrid grid, double min, double max, String title, InputPlan plan, MassMask mask) {
    public Heatmap {
        if (values.length != grid.patchCount()) {
            throw new IllegalArgumentException("map has " + values.length + " values for " + grid.rows() + "x" + grid.cols());
        }
        if (mask != null && mask.keep().length != values.length) throw new IllegalArgumentException("mask does not fit the map");
    }

    static Heatmap of(double[] values, InputPlan plan, PatchGrid grid, String title) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new Heatmap(values, grid, min, max, title, plan, null);
    }

    /** This map keeping only the cells that hold {@code fraction} of its mass (DINO's threshold). */
    public Heatmap withMassThreshold(double fraction) {
        return new Heatmap(values, grid, min, max, title, plan, MassMask.of(values, fraction));
    }

    public int gridH() {
        return grid.rows();
    }

    public int gridW() {
        return grid.cols();
    }

    public int patch() {
        return grid.patch();
    }

    /** False for a cell the mass threshold hides. */
    public boolean shown(int index) {
        return mask == null || mask.keep()[index];
    }

    /** 0..1 within this map's range. */
    public double normalised(int index) {
        return max > min ? (values[index] - min) / (max - min) : 0.5;
    }
}
