package dev.patchexplorer.render;

import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.grid.PatchGrid;

/**
 * A per-patch map to paint over the picture: value (r, c) fills grid cell (r, c)'s footprint, coloured
 * from {@code min..max} (min-max as the window shows it) and blended at {@code opacity}. {@code shown},
 * when not null, hides the cells a mass threshold drops. {@code name} labels the legend.
 */
public record HeatLayer(double[] values, PatchGrid grid, double min, double max, boolean[] shown, ColorMap colors,
                        double opacity, String name) {
    public HeatLayer {
        if (values.length != grid.patchCount()) {
            throw new IllegalArgumentException("map has " + values.length + " values for " + grid.rows() + "x" + grid.cols());
        }
        if (shown != null && shown.length != values.length) throw new IllegalArgumentException("mask does not fit the map");
        if (!(opacity >= 0 && opacity <= 1)) throw new IllegalArgumentException("opacity must be in 0..1, got " + opacity);
    }

    /** The map's own range. */
    public static HeatLayer of(double[] values, PatchGrid grid, ColorMap colors, double opacity, String name) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new HeatLayer(values, grid, min, max, null, colors, opacity, name);
    }

    /** 0..1 within the range, as the window's overlay normalises (a flat map sits in the middle). */
    public double normalised(int index) {
        return max > min ? (values[index] - min) / (max - min) : 0.5;
    }

    public boolean isShown(int index) {
        return shown == null || shown[index];
    }
}
