package dev.patchexplorer.ui.views.concepts;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Mean attention distance by layer: one small dot per head, the heads' mean as a line. Drawn on a
 * canvas in mid-tone colours that read on the light and the dark theme alike.
 */
final class DistanceChart extends Canvas {
    private static final Color AXIS = Color.gray(0.5);
    private static final Color MEAN = Color.web("#d9480f");
    private static final double LEFT = 44;
    private static final double RIGHT = 10;
    private static final double TOP = 10;
    private static final double BOTTOM = 34;

    private final String xTitle;
    private final String yTitle;
    private double[][] perHead; // [layer][head]

    DistanceChart(double width, double height, String xTitle, String yTitle) {
        super(width, height);
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        draw();
    }

    /** {@code perHead[layer][head]} in pixels; null clears the chart. */
    void show(double[][] perHead) {
        this.perHead = perHead;
        draw();
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        g.setStroke(AXIS);
        g.setLineWidth(1);
        g.strokeLine(LEFT, TOP, LEFT, TOP + plotH);
        g.strokeLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
        g.setFill(AXIS);
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(xTitle, LEFT + plotW / 2, h - 4);
        if (perHead == null || perHead.length == 0) return;
        int layers = perHead.length;
        double max = 0;
        for (double[] l : perHead) for (double d : l) max = Math.max(max, d);
        double top = niceCeiling(max);
        // y ticks at quarters of a round top, labelled in px
        g.setTextAlign(TextAlignment.RIGHT);
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            double y = TOP + plotH - plotH * i / 4;
            g.strokeLine(LEFT - 3, y, LEFT, y);
            g.fillText(String.format(java.util.Locale.ROOT, "%.0f", v), LEFT - 5, y + 4);
        }
        g.save();
        g.translate(11, TOP + plotH / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(yTitle, 0, 0);
        g.restore();
        g.setTextAlign(TextAlignment.CENTER);
        double step = plotW / layers;
        for (int l = 0; l < layers; l++) {
            double x = LEFT + step * (l + 0.5);
            if (layers <= 16 || l % 2 == 0) g.fillText(Integer.toString(l + 1), x, TOP + plotH + 14);
        }
        int heads = perHead[0].length;
        double[] means = new double[layers];
        for (int l = 0; l < layers; l++) {
            double x = LEFT + step * (l + 0.5);
            for (int hd = 0; hd < heads; hd++) {
                double d = perHead[l][hd];
                means[l] += d / heads;
                double spread = heads == 1 ? 0 : (hd - (heads - 1) / 2.0) * Math.min(3, step * 0.6 / heads);
                g.setFill(Color.hsb(210, 0.55, 0.75, 0.8));
                g.fillOval(x + spread - 2.5, y(d, top, plotH) - 2.5, 5, 5);
            }
        }
        g.setStroke(MEAN);
        g.setLineWidth(2);
        for (int l = 1; l < layers; l++) {
            g.strokeLine(LEFT + step * (l - 0.5), y(means[l - 1], top, plotH), LEFT + step * (l + 0.5), y(means[l], top, plotH));
        }
    }

    private static double y(double value, double top, double plotH) {
        return TOP + plotH - plotH * value / top;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v} (and at least 1). */
    static double niceCeiling(double v) {
        if (!(v > 1)) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) if (m * p >= v) return m * p;
        return 10 * p;
    }
}
