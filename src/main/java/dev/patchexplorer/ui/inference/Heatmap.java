package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.color.HeatScale;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.vit.InputPlan;

/**
 * One computed map, row-major over the grid the model ran on: value (r, c) belongs to grid cell
 * (r, c) of {@code grid}, offset, stride and padding included. {@code scale} turns values into colour
 * positions (fitted to the map, discounted artifact patches left out). {@code mask}, when set, keeps only
 * the cells holding the top share of the map's mass; the colour range stays that of the whole map.
 * {@code artifacts} flags the artifact patches found in the pass (null when none were looked for);
 * {@code discounted} says they were dropped as keys, so their cells carry no colour.
 */
public record Heatmap(double[] values, PatchGrid grid, HeatScale scale, String title, InputPlan plan, MassMask mask,
                      boolean[] artifacts, boolean discounted) {
    public Heatmap {
        if (values.length != grid.patchCount()) {
            throw new IllegalArgumentException("map has " + values.length + " values for " + grid.rows() + "x" + grid.cols());
        }
        if (mask != null && mask.keep().length != values.length) throw new IllegalArgumentException("mask does not fit the map");
        if (artifacts != null && artifacts.length != values.length) throw new IllegalArgumentException("artifact flags do not fit the map");
        if (discounted && artifacts == null) throw new IllegalArgumentException("discounted without artifact flags");
    }

    /** A plain map on the linear scale, no artifacts looked for. */
    static Heatmap of(double[] values, InputPlan plan, PatchGrid grid, String title) {
        return of(values, plan, grid, title, HeatScale.Kind.LINEAR, null, false);
    }

    static Heatmap of(double[] values, InputPlan plan, PatchGrid grid, String title, HeatScale.Kind scale,
                      boolean[] artifacts, boolean discounted) {
        boolean[] include = null;
        if (discounted) {
            include = new boolean[values.length];
            for (int i = 0; i < include.length; i++) include[i] = !artifacts[i];
        }
        return new Heatmap(values, grid, HeatScale.fit(scale, values, include), title, plan, null, artifacts, discounted);
    }

    /** This map keeping only the cells that hold {@code fraction} of its mass (DINO's threshold). */
    public Heatmap withMassThreshold(double fraction) {
        return new Heatmap(values, grid, scale, title, plan, MassMask.of(values, fraction), artifacts, discounted);
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

    /** The value at the bottom of the colour scale (the legend's left end). */
    public double min() {
        return scale.valueAt(0);
    }

    /** The value at the top of the colour scale (the legend's right end). */
    public double max() {
        return scale.valueAt(1);
    }

    /** False for a cell the mass threshold hides, or a discounted artifact patch. */
    public boolean shown(int index) {
        return (mask == null || mask.keep()[index]) && !(discounted && artifacts[index]);
    }

    /** Whether cell {@code index} is an artifact patch (false when none were looked for). */
    public boolean artifact(int index) {
        return artifacts != null && artifacts[index];
    }

    /** How many artifact patches the pass has (0 when none were looked for). */
    public int artifactCount() {
        int c = 0;
        if (artifacts != null) for (boolean a : artifacts) if (a) c++;
        return c;
    }

    /** 0..1 on this map's colour scale. */
    public double normalised(int index) {
        return scale.position(values[index]);
    }
}
