package dev.patchexplorer.ui.viewer;

import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.inference.AttentionJob;
import dev.patchexplorer.ui.inference.Heatmap;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * The attention heatmap: one image pixel per patch, coloured once when the map or colour map
 * changes (never while painting) and drawn without smoothing so each cell covers exactly its
 * patch, working pixels [c * P, c * P + P) mapped to the original image and the screen the same
 * way as {@link GridOverlay}. A stale map (a newer one is being computed) is drawn faded.
 */
public final class HeatmapOverlay implements Overlay {
    static final double STALE_FADE = 0.35;

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

    /** gridW x gridH pixels, one per patch. */
    public static WritableImage render(Heatmap h, ColorMap colors) {
        int[] argb = new int[h.gridW() * h.gridH()];
        for (int i = 0; i < argb.length; i++) argb[i] = colors.argb(h.normalised(i));
        WritableImage img = new WritableImage(h.gridW(), h.gridH());
        img.getPixelWriter().setPixels(0, 0, h.gridW(), h.gridH(), PixelFormat.getIntArgbInstance(), argb, 0, h.gridW());
        return img;
    }

    @Override
    public void paint(GraphicsContext g, ViewTransform view) {
        WorkingResolution w = model.getWorking();
        Heatmap h = cachedFor;
        if (cached == null || h == null || w == null || !job.showHeatmapProperty().get()) return;
        double sx = w.scaleX() * view.scale();
        double sy = w.scaleY() * view.scale();
        double alpha = job.opacityProperty().get() * (job.staleProperty().get() ? STALE_FADE : 1);
        g.setGlobalAlpha(Math.max(0, Math.min(1, alpha)));
        g.setImageSmoothing(false);
        g.drawImage(cached, view.translateX(), view.translateY(),
                (double) h.gridW() * h.patch() * sx, (double) h.gridH() * h.patch() * sy);
        g.setImageSmoothing(true);
        g.setGlobalAlpha(1);
    }

    /** The image painted now (one pixel per patch), or null. */
    public WritableImage image() {
        return cached;
    }
}
