package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.ui.inference.HeadMaps;
import dev.patchexplorer.ui.viewer.HeatmapOverlay;
import dev.patchexplorer.ui.viewer.HeatmapOverlay.ScreenRect;
import dev.patchexplorer.ui.viewer.ViewTransform;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;

/**
 * One head's map in the small multiples: the photo, and over it one flat square per grid cell
 * (drawn without smoothing, on the cell's footprint, as in the main viewer), titled "head h".
 */
final class HeadTile extends VBox {
    private final WritableImage map;

    /**
     * @param photo   the original image, or null to draw the map alone
     * @param working how the grid's working pixels map onto the photo
     */
    HeadTile(String title, HeadMaps maps, int head, ColorMap colors, Image photo, WorkingResolution working,
             double opacity, double size) {
        super(4);
        getStyleClass().add("head-tile");
        int gw = maps.grid().cols();
        int gh = maps.grid().rows();
        int[] argb = new int[gw * gh];
        for (int i = 0; i < argb.length; i++) argb[i] = colors.argb(maps.normalised(head, i));
        map = new WritableImage(gw, gh);
        map.getPixelWriter().setPixels(0, 0, gw, gh, PixelFormat.getIntArgbInstance(), argb, 0, gw);

        double ow = working.originalWidth();
        double oh = working.originalHeight();
        double scale = size / Math.max(ow, oh);
        Canvas canvas = new Canvas(Math.round(ow * scale), Math.round(oh * scale));
        canvas.setId("head-map-" + (head + 1));
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (photo != null) {
            g.drawImage(photo, 0, 0, canvas.getWidth(), canvas.getHeight());
            g.setGlobalAlpha(opacity);
        }
        g.setImageSmoothing(false);
        ViewTransform view = new ViewTransform(scale, 0, 0, canvas.getWidth(), canvas.getHeight());
        for (int i = 0; i < gw * gh; i++) {
            ScreenRect r = HeatmapOverlay.screenCell(maps.grid(), i, working, view);
            g.drawImage(map, i % gw, i / gw, 1, 1, r.x(), r.y(), r.width(), r.height());
        }
        Label name = new Label(title);
        name.setId("head-title-" + (head + 1));
        getChildren().addAll(name, canvas);
    }

    /** The map itself: one pixel per grid cell. */
    WritableImage map() {
        return map;
    }
}
