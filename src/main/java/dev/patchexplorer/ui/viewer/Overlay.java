package dev.patchexplorer.ui.viewer;

import javafx.scene.canvas.GraphicsContext;

/**
 * One layer drawn over the image, in the order the viewer holds them. Paint must be cheap: results
 * are computed elsewhere and only drawn here.
 */
public interface Overlay {
    void paint(GraphicsContext g, ViewTransform view);
}
