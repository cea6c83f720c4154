package dev.patchexplorer.ui.viewer;

/**
 * Maps original-image pixels to screen pixels: screen = translate + image * scale. Every overlay
 * paints through the same transform, so nothing drifts apart when zooming.
 */
public record ViewTransform(double scale, double translateX, double translateY, double viewWidth, double viewHeight) {
    public double toScreenX(double imageX) {
        return translateX + imageX * scale;
    }

    public double toScreenY(double imageY) {
        return translateY + imageY * scale;
    }

    public double toImageX(double screenX) {
        return (screenX - translateX) / scale;
    }

    public double toImageY(double screenY) {
        return (screenY - translateY) / scale;
    }
}
