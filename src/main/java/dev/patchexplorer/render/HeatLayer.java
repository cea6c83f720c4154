package dev.patchexplorer.render;

import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.color.HeatScale;
import dev.patchexplorer.core.grid.PatchGrid;

/**
 * A per-patch map to paint over the picture: value (r, c) fills grid cell (r, c)'s footprint, coloured
 * through {@code scale} (the window's {@link HeatScale}) and blended at {@code opacity}. {@code shown}, when
 * not null, hides the cells a mass threshold drops or that are discounted artifact patches; {@code outlined},
 * when not null, marks the artifact patches with an outline. {@code name} labels the legend.
 */
public record HeatLayer(double[] values, PatchGrid grid, HeatScale scale, boolean[] shown, boolean[] outlined, ColorMap colors,
                        double opacity, String name) {
    public HeatLayer {
        if (values.length != grid.patchCount()) {
            throw new IllegalArgumentException("map has " + values.length + " values for " + grid.rows() + "x" + grid.cols());
        }
        if (shown != null && shown.length != values.length) throw new IllegalArgumentException("mask does not fit the map");
        if (outlined != null && outlined.length != values.length) throw new IllegalArgumentException("outlines do not fit the map");
        if (!(opacity >= 0 && opacity <= 1)) throw new IllegalArgumentException("opacity must be in 0..1, got " + opacity);
    }

    /** The map's own range, linear. */
    public static HeatLayer of(double[] values, PatchGrid grid, ColorMap colors, double opacity, String name) {
        return new HeatLayer(values, grid, HeatScale.fit(HeatScale.Kind.LINEAR, values), null, null, colors, opacity, name);
    }

    /** The value at the legend's left end. */
    public double min() {
        return scale.valueAt(0);
    }

    /** The value at the legend's right end. */
    public double max() {
        return scale.valueAt(1);
    }

    /** 0..1 on the scale, as the window's overlay colours it. */
    public double normalised(int index) {
        return scale.position(values[index]);
    }

    public boolean isShown(int index) {
        return shown == null || shown[index];
    }

    public boolean isOutlined(int index) {
        return outlined != null && outlined[index];
    }
}
