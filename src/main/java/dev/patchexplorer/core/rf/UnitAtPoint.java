package dev.patchexplorer.core.rf;

import java.util.Optional;

/**
 * Which unit of a layer a click means: per axis, the unit whose receptive-field centre is nearest
 * to the clicked point, clamped to the layer's output. Clicks arrive in continuous input
 * coordinates (pixel i covers [i, i + 1)); {@link LayerField#centre} puts pixel i's centre at i,
 * so a point p sits at p - 0.5 in that convention. Ties (a point exactly between two centres) go
 * to the higher unit.
 */
public final class UnitAtPoint {
    private UnitAtPoint() {}

    /** The unit of {@code layer} nearest to input point (x, y); empty when the layer has no units at this input size. */
    public static Optional<UnitField> unitAt(LayerField layer, double x, double y) {
        if (layer.outputHeight() < 1 || layer.outputWidth() < 1 || Double.isNaN(x) || Double.isNaN(y)) return Optional.empty();
        return Optional.of(layer.unit(nearest(layer, y, layer.outputHeight()), nearest(layer, x, layer.outputWidth())));
    }

    /** Unit index along one axis: solve u S - P + (r - 1) / 2 = p - 0.5 for u, round, clamp. */
    static int nearest(LayerField layer, double point, int count) {
        double u = (point - 0.5 + layer.padding() - (layer.size() - 1) / 2.0) / layer.stride();
        return (int) Math.max(0, Math.min(count - 1, Math.floor(u + 0.5)));
    }
}
