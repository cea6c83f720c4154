package dev.patchexplorer.ui.viewer;

import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.grid.CellFootprint;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.render.ViewRenderer;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.inference.AttentionJob;
import dev.patchexplorer.ui.inference.Heatmap;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.util.ArrayList;
import java.util.List;

/**
 * The attention heatmap: one image pixel per patch, coloured once when the map or colour map
 * changes (never while painting) and drawn without smoothing so each value covers exactly its grid
 * cell ({@link CellFootprint}: offset, stride and padding included), mapped from working pixels to
 * the original image and the screen the same way as {@link GridOverlay}. Cells a mass threshold
 * drops, and discounted artifact patches, are transparent. With "Mark artifact tokens" on, the artifact
 * patches are outlined in the export's colour. A stale map (a newer one is being computed) is drawn faded.
 */
public final class HeatmapOverlay implements Overlay {
    static final double STALE_FADE = 0.35;

    /** A rectangle in screen pixels. */
    public record ScreenRect(double x, double y, double width, double height) {}

    private final ExplorerViewModel model;
    private final AttentionJob job;
    private WritableImage cached;
    private Heatmap cachedFor;
    private ColorMap cachedColors;

    public HeatmapOverlay(ExplorerViewModel model, AttentionJob job) {
        this.model = model;
        this.job = job;
        job.heatmapProperty().addListener(x -> rebuild());
        job.colorMapProperty().addListener(x -> rebuild());
    }

    private void rebuild() {
        Heatmap h = job.getHeatmap();
        ColorMap colors = job.colorMapProperty().get();
        if (h == cachedFor && colors == cachedColors) return;
        cachedFor = h;
        cachedColors = colors;
        cached = h == null ? null : render(h, colors);
    }

    /** gridW x gridH pixels, one per patch; cells hidden by the mass threshold are transparent. */
    public static WritableImage render(Heatmap h, ColorMap colors) {
        int[] argb = new int[h.gridW() * h.gridH()];
        for (int i = 0; i < argb.length; i++) argb[i] = h.shown(i) ? colors.argb(h.normalised(i)) : 0;
        WritableImage img = new WritableImage(h.gridW(), h.gridH());
        img.getPixelWriter().setPixels(0, 0, h.gridW(), h.gridH(), PixelFormat.getIntArgbInstance(), argb, 0, h.gridW());
        return img;
    }

    @Override
    public void paint(GraphicsContext g, ViewTransform view) {
        WorkingResolution w = model.getWorking();
        Heatmap h = cachedFor;
        if (cached == null || h == null || w == null || !job.showHeatmapProperty().get()) return;
        double alpha = job.opacityProperty().get() * (job.staleProperty().get() ? STALE_FADE : 1);
        g.setGlobalAlpha(Math.max(0, Math.min(1, alpha)));
        g.setImageSmoothing(false);
        PatchGrid grid = h.grid();
        if (CellFootprint.contiguous(grid)) {
            // the cells tile one block: a single scaled image is exact and cheap
            ScreenRect first = screenCell(grid, 0, w, view);
            g.drawImage(cached, first.x(), first.y(), grid.cols() * first.width(), grid.rows() * first.height());
        } else {
            for (int i = 0; i < grid.patchCount(); i++) {
                if (!h.shown(i)) continue;
                ScreenRect r = screenCell(grid, i, w, view);
                g.drawImage(cached, grid.column(i), grid.row(i), 1, 1, r.x(), r.y(), r.width(), r.height());
            }
        }
        g.setImageSmoothing(true);
        g.setGlobalAlpha(1);
        if (job.markArtifactsProperty().get() && h.artifacts() != null) outline(g, h, w, view);
    }

    /** A frame inside each artifact patch's cell, as the export draws it (2 working pixels wide, at least 2 on screen). */
    private static void outline(GraphicsContext g, Heatmap h, WorkingResolution w, ViewTransform view) {
        int rgb = ViewRenderer.OUTLINE_RGB;
        g.setStroke(javafx.scene.paint.Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff));
        double width = Math.max(2, ViewRenderer.OUTLINE_WIDTH * (double) w.originalWidth() / h.grid().width() * view.scale());
        g.setLineWidth(width);
        for (int i = 0; i < h.grid().patchCount(); i++) {
            if (!h.artifact(i)) continue;
            ScreenRect r = screenCell(h.grid(), i, w, view);
            g.strokeRect(r.x() + width / 2, r.y() + width / 2, Math.max(0, r.width() - width), Math.max(0, r.height() - width));
        }
    }

    /** Screen rectangles of the artifact patches now outlined, row-major; empty when none are. */
    public List<ScreenRect> outlinedCells(ViewTransform view) {
        WorkingResolution w = model.getWorking();
        Heatmap h = cachedFor;
        List<ScreenRect> out = new ArrayList<>();
        if (h == null || w == null || !job.markArtifactsProperty().get()) return out;
        for (int i = 0; i < h.grid().patchCount(); i++) if (h.artifact(i)) out.add(screenCell(h.grid(), i, w, view));
        return out;
    }

    /** Where cell {@code index} of the heatmap's grid lands on screen. */
    public static ScreenRect screenCell(PatchGrid grid, int index, WorkingResolution w, ViewTransform view) {
        CellFootprint f = CellFootprint.of(grid, index);
        // scale by the grid's own working size, so a stale map from an earlier working size still spans the image
        double sx = (double) w.originalWidth() / grid.width() * view.scale();
        double sy = (double) w.originalHeight() / grid.height() * view.scale();
        return new ScreenRect(view.translateX() + f.x() * sx, view.translateY() + f.y() * sy, f.width() * sx, f.height() * sy);
    }

    /** The screen rectangle of every cell of the map now shown, row-major; empty when none is shown. */
    public List<ScreenRect> screenCells(ViewTransform view) {
        WorkingResolution w = model.getWorking();
        Heatmap h = cachedFor;
        List<ScreenRect> out = new ArrayList<>();
        if (h == null || w == null) return out;
        for (int i = 0; i < h.grid().patchCount(); i++) out.add(screenCell(h.grid(), i, w, view));
        return out;
    }

    /** The image painted now (one pixel per patch), or null. */
    public WritableImage image() {
        return cached;
    }
}
