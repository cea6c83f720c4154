package dev.patchexplorer.ui.views.compare;

import dev.patchexplorer.ui.viewer.ImageViewer;
import dev.patchexplorer.ui.viewer.ViewTransform;

import java.util.List;

/**
 * Keeps several viewers of the same image on the same view: a zoom or pan in one is shown by the
 * others at the same scale, with the same image point at their centre (equal-sized panes get equal
 * transforms). While the moved viewer is fitted to its window the others fit to theirs, so a resize
 * or a Fit keeps every pane fitted (and refitting) instead of copying one pane's fit to another size.
 * A viewer not laid out yet (no size) is left alone and fits itself when shown.
 */
public final class ViewSync {
    private final List<ImageViewer> viewers;
    private boolean following; // a viewer is being moved by the sync: its own change is not passed on again

    public ViewSync(ImageViewer... viewers) {
        this.viewers = List.of(viewers);
        for (ImageViewer v : this.viewers) {
            v.viewportProperty().addListener((o, was, now) -> follow(v, now));
        }
    }

    private void follow(ImageViewer source, ViewTransform t) {
        if (following || t == null || t.viewWidth() <= 0 || t.viewHeight() <= 0) return;
        following = true;
        try {
            double cx = t.toImageX(t.viewWidth() / 2);
            double cy = t.toImageY(t.viewHeight() / 2);
            for (ImageViewer other : viewers) {
                if (other == source || other.getWidth() <= 0 || other.getHeight() <= 0) continue;
                if (source.isFitted()) {
                    if (!other.isFitted()) other.fitToWindow();
                    continue;
                }
                other.showAt(t.scale(), cx, cy);
            }
        } finally {
            following = false;
        }
    }
}
