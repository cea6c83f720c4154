package dev.patchexplorer.ui.views.compare;

import dev.patchexplorer.ui.viewer.Overlay;
import dev.patchexplorer.ui.viewer.ViewTransform;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.canvas.GraphicsContext;

import java.util.List;

/**
 * The swipe view's half of one pane: that pane's overlays, painted only left (or right) of the
 * divider, which sits at a fraction of the viewer's width. The viewer saves and restores the
 * graphics state around each overlay, so the clip ends with this one.
 */
final class DividerSide implements Overlay {
    private final List<Overlay> layers;
    private final ObservableDoubleValue fraction;
    private final boolean left;

    DividerSide(List<Overlay> layers, ObservableDoubleValue fraction, boolean left) {
        this.layers = List.copyOf(layers);
        this.fraction = fraction;
        this.left = left;
    }

    @Override
    public void paint(GraphicsContext g, ViewTransform view) {
        // a whole pixel: a clip edge inside a pixel made Prism fade the whole clipped area
        double x = Math.round(Math.max(0, Math.min(1, fraction.get())) * view.viewWidth());
        g.beginPath();
        if (left) g.rect(0, 0, x, view.viewHeight());
        else g.rect(x, 0, view.viewWidth() - x, view.viewHeight());
        g.clip();
        for (Overlay o : layers) {
            g.save();
            o.paint(g, view);
            g.restore();
        }
    }
}
