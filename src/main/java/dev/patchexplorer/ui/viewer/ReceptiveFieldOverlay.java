package dev.patchexplorer.ui.viewer;

import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.rf.LayerField;
import dev.patchexplorer.core.rf.PixelBox;
import dev.patchexplorer.core.rf.UnitField;
import dev.patchexplorer.ui.inference.ReceptiveFieldViewModel;
import dev.patchexplorer.ui.inference.ReceptiveFieldViewModel.PickedToken;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.shape.FillRule;

/**
 * The theoretical receptive field of the picked unit: its box in working pixels mapped onto the
 * original image (the grid's scale), solid where it lies on the image, dashed and hatched where it
 * hangs over the zero padding the network adds; the centres of the layer's units (its stride grid)
 * as faint dots, the unit's own cell (S x S around its centre) and a cross at its centre. For a
 * ViT, while its effective-RF map is asked for: the picked token's patch and a cross at its centre.
 */
public final class ReceptiveFieldOverlay implements Overlay {
    static final Color BOX = Color.web("#39ff14");
    private static final Color HALO = Color.rgb(0, 0, 0, 0.6);
    private static final Color DOTS = BOX.deriveColor(0, 1, 1, 0.55);
    /** Closer than this on screen, unit centres would blur into a grey fill: leave them out. */
    static final double MIN_DOT_SPACING = 6;
    private static final int MAX_DOTS = 20_000;

    private final ReceptiveFieldViewModel fields;
    private final ObservableBooleanValue tokenWanted;
    private final ImagePattern hatch = hatch();
    private Drawn lastDrawn;
    private DrawnToken lastToken;

    /** What the last paint drew: the unit's full and clipped box (working px) and the clipped box on screen. */
    public record Drawn(UnitField unit, PixelBox box, PixelBox insideImage, Rectangle2D screenInside) {}

    /** What the last paint drew for a ViT: the token and its patch on screen. */
    public record DrawnToken(PickedToken token, Rectangle2D screen) {}

    /** @param tokenWanted whether the ViT token is drawn: while its effective-RF map is the one asked for */
    public ReceptiveFieldOverlay(ReceptiveFieldViewModel fields, ObservableBooleanValue tokenWanted) {
        this.fields = fields;
        this.tokenWanted = tokenWanted;
    }

    @Override
    public void paint(GraphicsContext g, ViewTransform view) {
        lastDrawn = null;
        lastToken = null;
        paintToken(g, view);
        WorkingResolution w = fields.explorer().getWorking();
        UnitField unit = fields.getUnit();
        LayerField layer = fields.getSelectedLayer();
        if (w == null || unit == null || layer == null) return;
        double sx = w.scaleX() * view.scale();
        double sy = w.scaleY() * view.scale();
        double ox = view.translateX();
        double oy = view.translateY();
        drawStrideGrid(g, view, layer, unit, ox, oy, sx, sy);

        PixelBox box = unit.box();
        PixelBox in = unit.insideImage();
        double bx = ox + box.x0() * sx, by = oy + box.y0() * sy, bw = box.width() * sx, bh = box.height() * sy;
        double ix = ox + in.x0() * sx, iy = oy + in.y0() * sy, iw = in.width() * sx, ih = in.height() * sy;
        if (unit.paddingPixels() > 0) {
            // The padding part: inside the full box, outside the image.
            g.setFillRule(FillRule.EVEN_ODD);
            g.setFill(hatch);
            g.beginPath();
            g.rect(bx, by, bw, bh);
            g.rect(ix, iy, iw, ih);
            g.fill();
            g.setFillRule(FillRule.NON_ZERO);
            g.setLineDashes(6, 4);
            stroke(g, bx, by, bw, bh, 1.5);
            g.setLineDashes((double[]) null);
        }
        stroke(g, ix, iy, iw, ih, 2.5);

        double cx = ox + (unit.centreX() + 0.5) * sx, cy = oy + (unit.centreY() + 0.5) * sy;
        double cell = layer.stride();
        g.setStroke(BOX.deriveColor(0, 1, 1, 0.7));
        g.setLineWidth(1);
        g.strokeRect(cx - cell / 2 * sx, cy - cell / 2 * sy, cell * sx, cell * sy);
        cross(g, cx, cy);
        lastDrawn = new Drawn(unit, box, in, new Rectangle2D(ix, iy, iw, ih));
    }

    /** The ViT token's patch (its whole field at the patch embedding) with a cross at its centre. */
    private void paintToken(GraphicsContext g, ViewTransform view) {
        WorkingResolution w = fields.explorer().getWorking();
        PickedToken token = fields.getToken();
        if (w == null || token == null || !tokenWanted.get()) return;
        double sx = w.scaleX() * view.scale();
        double sy = w.scaleY() * view.scale();
        PixelBox b = token.patchBox();
        double x = view.translateX() + b.x0() * sx, y = view.translateY() + b.y0() * sy;
        stroke(g, x, y, b.width() * sx, b.height() * sy, 2.5);
        cross(g, x + b.width() * sx / 2, y + b.height() * sy / 2);
        lastToken = new DrawnToken(token, new Rectangle2D(x, y, b.width() * sx, b.height() * sy));
    }

    private static void cross(GraphicsContext g, double cx, double cy) {
        double arm = 6;
        g.setStroke(HALO);
        g.setLineWidth(3);
        g.strokeLine(cx - arm, cy, cx + arm, cy);
        g.strokeLine(cx, cy - arm, cx, cy + arm);
        g.setStroke(BOX);
        g.setLineWidth(1.5);
        g.strokeLine(cx - arm, cy, cx + arm, cy);
        g.strokeLine(cx, cy - arm, cx, cy + arm);
    }

    private static void stroke(GraphicsContext g, double x, double y, double w, double h, double width) {
        g.setStroke(HALO);
        g.setLineWidth(width + 2);
        g.strokeRect(x, y, w, h);
        g.setStroke(BOX);
        g.setLineWidth(width);
        g.strokeRect(x, y, w, h);
    }

    /** Dots at the centres of the layer's units that are on screen, when they are far enough apart to read. */
    private static void drawStrideGrid(GraphicsContext g, ViewTransform view, LayerField layer, UnitField unit,
                                       double ox, double oy, double sx, double sy) {
        int s = layer.stride();
        if (s * Math.min(sx, sy) < MIN_DOT_SPACING) return;
        int u0 = visibleUnit(0, ox, sx, layer, true, layer.outputWidth());
        int u1 = visibleUnit(view.viewWidth(), ox, sx, layer, false, layer.outputWidth());
        int v0 = visibleUnit(0, oy, sy, layer, true, layer.outputHeight());
        int v1 = visibleUnit(view.viewHeight(), oy, sy, layer, false, layer.outputHeight());
        if ((long) (u1 - u0 + 1) * (v1 - v0 + 1) > MAX_DOTS) return;
        double r = 2.2;
        g.setLineWidth(1);
        for (int v = v0; v <= v1; v++) {
            double y = oy + (layer.centre(v) + 0.5) * sy;
            for (int u = u0; u <= u1; u++) {
                if (u == unit.ux() && v == unit.uy()) continue;
                double x = ox + (layer.centre(u) + 0.5) * sx;
                g.setFill(DOTS);
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                g.setStroke(HALO);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            }
        }
    }

    /** First (or last) unit whose centre is at or past (before) screen coordinate {@code screen}, clamped. */
    private static int visibleUnit(double screen, double origin, double scale, LayerField layer, boolean first, int count) {
        double working = (screen - origin) / scale - 0.5; // centre coordinates
        double u = (working + layer.padding() - (layer.size() - 1) / 2.0) / layer.stride();
        int i = (int) (first ? Math.ceil(u) : Math.floor(u));
        return Math.max(0, Math.min(count - 1, i));
    }

    /** Thin diagonal lines on a transparent tile, repeated: the padding part of the box. */
    private static ImagePattern hatch() {
        Canvas c = new Canvas(8, 8);
        GraphicsContext g = c.getGraphicsContext2D();
        g.setStroke(BOX.deriveColor(0, 1, 1, 0.45));
        g.setLineWidth(1);
        g.strokeLine(-1, 9, 9, -1);
        g.strokeLine(-1, 1, 1, -1);
        g.strokeLine(7, 9, 9, 7);
        javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        WritableImage tile = c.snapshot(p, null);
        return new ImagePattern(tile, 0, 0, 8, 8, false);
    }

    /** What the last paint drew, or null when it drew nothing. */
    public Drawn lastDrawn() {
        return lastDrawn;
    }

    /** The ViT token the last paint drew, or null. */
    public DrawnToken lastToken() {
        return lastToken;
    }
}
