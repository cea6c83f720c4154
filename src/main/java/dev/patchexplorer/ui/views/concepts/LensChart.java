package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.core.features.LogitLensTrack;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The logit lens over depth: the probability of the model's final answer after each block (line) and
 * each block's own top-1 probability (dots: filled where that top-1 already is the final answer,
 * hollow where the block still prefers another class). Mid-tone colours for both themes.
 */
final class LensChart extends Canvas {
    static final Color ANSWER = Color.web("#d9480f");
    static final Color TOP1 = Color.hsb(210, 0.6, 0.75);
    private static final Color AXIS = Color.gray(0.5);
    private static final double LEFT = 40, RIGHT = 10, TOP = 38, BOTTOM = 32;

    private final String xTitle;
    private final String answerName;
    private final String top1Name;
    private LogitLensTrack track;

    LensChart(double width, double height, String xTitle, String answerName, String top1Name) {
        super(width, height);
        this.xTitle = xTitle;
        this.answerName = answerName;
        this.top1Name = top1Name;
        draw();
    }

    /** Null clears the chart. */
    void show(LogitLensTrack track) {
        this.track = track;
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
        g.setFont(Font.font(11));
        g.setFill(AXIS);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(xTitle, LEFT + plotW / 2, h - 4);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4;
            g.strokeLine(LEFT - 3, y, LEFT, y);
            g.fillText((25 * i) + " %", LEFT - 5, y + 4);
        }
        // the legend above the plot
        g.setTextAlign(TextAlignment.LEFT);
        g.setStroke(ANSWER);
        g.setLineWidth(2);
        g.strokeLine(LEFT, 9, LEFT + 16, 9);
        g.setFill(AXIS);
        g.fillText(answerName, LEFT + 20, 13);
        g.setFill(TOP1);
        g.fillOval(LEFT + 4, 21, 8, 8);
        g.setFill(AXIS);
        g.fillText(top1Name, LEFT + 20, 29);
        if (track == null) return;
        int depth = track.depth();
        double step = plotW / depth;
        g.setTextAlign(TextAlignment.CENTER);
        for (int b = 0; b < depth; b++) {
            if (depth <= 16 || b % 2 == 1) g.fillText(Integer.toString(b + 1), LEFT + step * (b + 0.5), TOP + plotH + 14);
        }
        double[] answer = track.answerProb();
        double[] top = track.top1Prob();
        int[] top1 = track.top1();
        g.setStroke(ANSWER);
        g.setLineWidth(2);
        for (int b = 1; b < depth; b++) {
            g.strokeLine(LEFT + step * (b - 0.5), y(answer[b - 1], plotH), LEFT + step * (b + 0.5), y(answer[b], plotH));
        }
        g.setLineWidth(1.5);
        for (int b = 0; b < depth; b++) {
            double x = LEFT + step * (b + 0.5), y = y(top[b], plotH);
            if (top1[b] == track.answer()) {
                g.setFill(TOP1);
                g.fillOval(x - 4, y - 4, 8, 8);
            } else {
                g.setStroke(TOP1);
                g.strokeOval(x - 4, y - 4, 8, 8);
            }
        }
    }

    private static double y(double p, double plotH) {
        return TOP + plotH - plotH * p;
    }
}
