package dev.patchexplorer.ui;

import javafx.scene.paint.Color;

/** How the patch grid is drawn. */
public record GridStyle(boolean visible, Color color, double lineWidth, double opacity, boolean labels) {
    public static final GridStyle DEFAULT = new GridStyle(true, Color.web("#ffd400"), 1.0, 0.85, true);

    public GridStyle withVisible(boolean v) {
        return new GridStyle(v, color, lineWidth, opacity, labels);
    }

    public GridStyle withColor(Color c) {
        return new GridStyle(visible, c, lineWidth, opacity, labels);
    }

    public GridStyle withLineWidth(double w) {
        return new GridStyle(visible, color, w, opacity, labels);
    }

    public GridStyle withOpacity(double o) {
        return new GridStyle(visible, color, lineWidth, o, labels);
    }

    public GridStyle withLabels(boolean l) {
        return new GridStyle(visible, color, lineWidth, opacity, l);
    }
}
