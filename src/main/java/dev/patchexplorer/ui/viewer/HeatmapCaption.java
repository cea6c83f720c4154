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
            return Messages.format("heatmap.caption", h.title()) + (attention.staleProperty().get() ? "  " + Messages.get("attention.stale") : "");
        }
        return null;
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
