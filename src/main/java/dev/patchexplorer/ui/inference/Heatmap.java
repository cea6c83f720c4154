package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.vit.InputPlan;

/**
 * One computed map, row-major over the model's grid: cell (r, c) covers working pixels
 * [c * patch, c * patch + patch) x [r * patch, r * patch + patch) (the model crops the remainder).
 */
public record Heatmap(double[] values, int gridH, int gridW, int patch, double min, double max, String title, InputPlan plan) {
    public Heatmap {
        if (values.length != gridH * gridW) throw new IllegalArgumentException("map has " + values.length + " values for " + gridH + "x" + gridW);
    }

    static Heatmap of(double[] values, InputPlan plan, int patch, String title) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new Heatmap(values, plan.gridH(), plan.gridW(), patch, min, max, title, plan);
    }

    /** 0..1 within this map's range. */
    public double normalised(int index) {
        return max > min ? (values[index] - min) / (max - min) : 0.5;
    }
}
