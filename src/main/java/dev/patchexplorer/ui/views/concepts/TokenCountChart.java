package dev.patchexplorer.ui.views.concepts;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Tokens entering each block and leaving the last, as bars under the unmerged count (a dashed line),
 * so the shrinking sequence of token merging reads at a glance. Mid-tone colours for both themes.
 */
final class TokenCountChart extends Canvas {
    private static final Color AXIS = Color.gray(0.5);
    private static final Color BAR = Color.hsb(28, 0.75, 0.9);
    private static final double LEFT = 44, RIGHT = 8, TOP = 10, BOTTOM = 32;

    private final String xTitle;
    private int[] tokens;

    TokenCountChart(double width, double height, String xTitle) {
        super(width, height);
        this.xTitle = xTitle;
        draw();
    }

    /** tokens[b]: entering block b + 1; the last entry leaves the last block. Null clears. */
    void show(int[] tokens) {
        this.tokens = tokens == null ? null : tokens.clone();
        draw();
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth(), h = getHeight();
        double plotW = w - LEFT - RIGHT, plotH = h - TOP - BOTTOM;
        g.clearRect(0, 0, w, h);
        g.setStroke(AXIS);
        g.setLineWidth(1);
        g.strokeLine(LEFT, TOP, LEFT, TOP + plotH);
        g.strokeLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
        g.setFill(AXIS);
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(xTitle, LEFT + plotW / 2, h - 4);
        if (tokens == null || tokens.length == 0) return;
        double top = DistanceChart.niceCeiling(tokens[0]);
        g.setTextAlign(TextAlignment.RIGHT);
        int ticks = top % 4 == 0 ? 4 : 2; // whole-token labels: 50 gets 0, 25, 50, not 12.5 steps
        for (int i = 0; i <= ticks; i++) {
            double y = TOP + plotH - plotH * i / ticks;
            g.strokeLine(LEFT - 3, y, LEFT, y);
            g.fillText(String.format(java.util.Locale.ROOT, "%.0f", top * i / ticks), LEFT - 5, y + 4);
        }
        int bars = tokens.length;
        double step = plotW / bars;
        g.setTextAlign(TextAlignment.CENTER);
        for (int b = 0; b < bars; b++) {
            double x = LEFT + step * b;
            double bh = plotH * tokens[b] / top;
            g.setFill(BAR);
            g.fillRect(x + step * 0.15, TOP + plotH - bh, step * 0.7, bh);
            g.setFill(AXIS);
            // the entries are the inputs of blocks 1..depth, then the output of the last
            String label = b == bars - 1 ? "out" : Integer.toString(b + 1);
            if (bars <= 17 || b % 2 == 0 || b == bars - 1) g.fillText(label, x + step / 2, TOP + plotH + 14);
        }
        g.setStroke(AXIS);
        g.setLineDashes(4, 3);
        double y0 = TOP + plotH - plotH * tokens[0] / top;
        g.strokeLine(LEFT, y0, LEFT + plotW, y0);
        g.setLineDashes();
    }
}
