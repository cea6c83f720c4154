package dev.patchexplorer.ui.viewer;

import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.inference.GradientMap;
import dev.patchexplorer.ui.inference.ReceptiveFieldJob;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * An input-gradient map (effective receptive field or saliency), coloured once per map and colour
 * map like {@link HeatmapOverlay}, and drawn over the working pixels it covers, mapped to the
 * original image with the grid's scale. Gradients are heavy-tailed (a few pixels hold most of the
 * mass), so opacity grows with the value as well as colour (alpha = sqrt of the normalised value):
 * the image stays visible where the gradient is small, and pixels whose gradient is exactly zero
 * stay clear, so the region a unit cannot see shows the image, not the bottom colour of the map.
 */
public final class GradientMapOverlay implements Overlay {
    private final ExplorerViewModel model;
    private final ReceptiveFieldJob job;
    private WritableImage cached;
    private GradientMap cachedFor;
    private ColorMap cachedColors;

    public GradientMapOverlay(ExplorerViewModel model, ReceptiveFieldJob job) {
        this.model = model;
        this.job = job;
        job.mapProperty().addListener(x -> rebuild());
        job.colorMapProperty().addListener(x -> rebuild());
    }

    private void rebuild() {
        GradientMap m = job.getMap();
        ColorMap colors = job.colorMapProperty().get();
        if (m == cachedFor && colors == cachedColors) return;
        cachedFor = m;
        cachedColors = colors;
        cached = m == null ? null : render(m, colors);
    }

    /** One image pixel per map value; zero values fully transparent, small ones faint. */
    public static WritableImage render(GradientMap m, ColorMap colors) {
        int[] argb = new int[m.width() * m.height()];
        for (int i = 0; i < argb.length; i++) {
            if (m.values()[i] == 0) continue;
            double t = m.normalised(i);
            int alpha = Math.max(1, (int) Math.round(255 * Math.sqrt(t)));
            argb[i] = alpha << 24 | (colors.argb(t) & 0xffffff);
        }
        WritableImage img = new WritableImage(m.width(), m.height());
        img.getPixelWriter().setPixels(0, 0, m.width(), m.height(), PixelFormat.getIntArgbInstance(), argb, 0, m.width());
        return img;
    }

    /** Whether a map is drawn now. */
    public boolean showing() {
        return cached != null && cachedFor != null && model.getWorking() != null && job.showMapProperty().get();
    }

    @Override
    public void paint(GraphicsContext g, ViewTransform view) {
        WorkingResolution w = model.getWorking();
        GradientMap m = cachedFor;
        if (!showing()) return;
        double sx = w.scaleX() * view.scale();
        double sy = w.scaleY() * view.scale();
        double alpha = job.opacityProperty().get() * (job.staleProperty().get() ? HeatmapOverlay.STALE_FADE : 1);
        g.setGlobalAlpha(Math.max(0, Math.min(1, alpha)));
        // Smoothing off: one map value per input pixel, drawn as the square it is.
        g.setImageSmoothing(false);
        g.drawImage(cached, view.translateX(), view.translateY(), m.extentW() * sx, m.extentH() * sy);
        g.setImageSmoothing(true);
        g.setGlobalAlpha(1);
    }

    /** The coloured map being drawn, or null. */
    public WritableImage image() {
        return cached;
    }
}
