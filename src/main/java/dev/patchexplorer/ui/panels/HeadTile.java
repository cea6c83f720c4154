package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.ui.viewer.HeatmapOverlay;
import dev.patchexplorer.ui.viewer.HeatmapOverlay.ScreenRect;
import dev.patchexplorer.ui.viewer.ViewTransform;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * One head's map in the layers x heads grid: the photo, and over it one flat square per grid cell
 * (drawn without smoothing, on the cell's footprint, as in the main viewer), its longer side
 * {@code size} pixels.
 */
final class HeadTile extends Canvas {
    private final WritableImage map;

    /**
     * @param values  0..1 per grid cell, row-major over {@code grid}
     * @param photo   the original image, or null to draw the map alone
     * @param working how the grid's working pixels map onto the photo
     */
    HeadTile(String id, double[] values, PatchGrid grid, ColorMap colors, Image photo, WorkingResolution working,
             double opacity, double size) {
        int gw = grid.cols();
        int gh = grid.rows();
        int[] argb = new int[gw * gh];
        for (int i = 0; i < argb.length; i++) argb[i] = colors.argb(values[i]);
        map = new WritableImage(gw, gh);
        map.getPixelWriter().setPixels(0, 0, gw, gh, PixelFormat.getIntArgbInstance(), argb, 0, gw);

        double ow = working.originalWidth();
        double oh = working.originalHeight();
        double scale = size / Math.max(ow, oh);
        setWidth(Math.round(ow * scale));
        setHeight(Math.round(oh * scale));
        setId(id);
        getStyleClass().add("head-tile");
        GraphicsContext g = getGraphicsContext2D();
        if (photo != null) {
            g.drawImage(photo, 0, 0, getWidth(), getHeight());
            g.setGlobalAlpha(opacity);
        }
        g.setImageSmoothing(false);
        ViewTransform view = new ViewTransform(scale, 0, 0, getWidth(), getHeight());
        for (int i = 0; i < gw * gh; i++) {
            ScreenRect r = HeatmapOverlay.screenCell(grid, i, working, view);
            g.drawImage(map, i % gw, i / gw, 1, 1, r.x(), r.y(), r.width(), r.height());
        }
    }

    /** The map itself: one pixel per grid cell. */
    WritableImage map() {
        return map;
    }
}
