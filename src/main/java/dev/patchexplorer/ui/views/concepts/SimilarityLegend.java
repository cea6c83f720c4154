package dev.patchexplorer.ui.views.concepts;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The colour scale of {@link SimilarityPicture}: a bar from -1 to 1 with its ticks and a title. */
final class SimilarityLegend extends Canvas {
    private static final Color TEXT = Color.gray(0.5);
    private static final double BAR_H = 10;

    SimilarityLegend(double width, String title) {
        super(width, 40);
        GraphicsContext g = getGraphicsContext2D();
        double x0 = 8, x1 = width - 8;
        for (int x = (int) x0; x < x1; x++) {
            double s = -1 + 2 * (x - x0) / (x1 - x0);
            int c = SimilarityPicture.colour(s);
            g.setFill(Color.rgb((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff));
            g.fillRect(x, 2, 1, BAR_H);
        }
        g.setStroke(TEXT);
        g.strokeRect(x0, 2, x1 - x0, BAR_H);
        g.setFill(TEXT);
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.CENTER);
        String[] ticks = {"−1", "0", "1"};
        for (int i = 0; i < 3; i++) {
            double x = x0 + (x1 - x0) * i / 2;
            g.strokeLine(x, 2 + BAR_H, x, 5 + BAR_H);
            g.fillText(ticks[i], x, 16 + BAR_H);
        }
        g.fillText(title, width / 2, 28 + BAR_H);
    }
}
