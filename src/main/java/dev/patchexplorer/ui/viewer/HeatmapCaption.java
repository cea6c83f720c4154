package dev.patchexplorer.ui.viewer;

import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.AttentionJob;
import dev.patchexplorer.ui.inference.GradientMap;
import dev.patchexplorer.ui.inference.Heatmap;
import dev.patchexplorer.ui.inference.ReceptiveFieldJob;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Names the heatmap on screen in the viewer's top-left corner, so attention, effective receptive
 * field and saliency are never mistaken for each other (only one is drawn at a time).
 */
public final class HeatmapCaption implements Overlay {
    private static final Font FONT = Font.font("System", 12);
    private final AttentionJob attention;
    private final ReceptiveFieldJob gradients;

    public HeatmapCaption(AttentionJob attention, ReceptiveFieldJob gradients) {
        this.attention = attention;
        this.gradients = gradients;
    }

    /** The caption now shown, or null. */
    public String text() {
        GradientMap m = gradients.getMap();
        if (m != null && gradients.showMapProperty().get()) {
            return Messages.format("heatmap.caption", m.title()) + (gradients.staleProperty().get() ? "  " + Messages.get("attention.stale") : "");
        }
        Heatmap h = attention.getHeatmap();
        if (h != null && attention.showHeatmapProperty().get()) {
            return Messages.format("heatmap.caption", describe(h)) + (attention.staleProperty().get() ? "  " + Messages.get("attention.stale") : "");
        }
        return null;
    }

    /**
     * The map (its title names kind, layer and heads), the mode, the real model input (resize mode at patch 32 feeds
     * the model a 112 px image), the artifact patches and a colour scale other than linear.
     */
    static String describe(Heatmap h) {
        StringBuilder s = new StringBuilder(h.title());
        String sep = Messages.get("heatmap.caption.separator");
        s.append(sep).append(Messages.get("attention.mode." + h.plan().mode().name().toLowerCase(java.util.Locale.ROOT)));
        s.append(sep).append(Messages.format("heatmap.caption.input", h.plan().inputW(), h.plan().inputH()));
        if (h.artifactCount() > 0) {
            s.append(sep).append(Messages.format(h.discounted() ? "heatmap.caption.discounted" : "heatmap.caption.marked", h.artifactCount()));
        }
        if (h.scale().kind() != dev.patchexplorer.core.color.HeatScale.Kind.LINEAR) {
            s.append(sep).append(Messages.get("attention.scale." + h.scale().kind().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return s.toString();
    }

    @Override
    public void paint(GraphicsContext g, ViewTransform view) {
        String text = text();
        if (text == null) return;
        Text measure = new Text(text);
        measure.setFont(FONT);
        double w = Math.min(view.viewWidth() - 16, measure.getLayoutBounds().getWidth() + 14);
        double h = measure.getLayoutBounds().getHeight() + 8;
        g.setFill(Color.rgb(0, 0, 0, 0.62));
        g.fillRoundRect(8, 8, w, h, 8, 8);
        g.setFill(Color.WHITE);
        g.setFont(FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text, 15, 12, w - 14);
    }
}
