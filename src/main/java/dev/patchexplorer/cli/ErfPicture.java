package dev.patchexplorer.cli;

import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.rf.EffectiveReceptiveField.ErfSummary;
import dev.patchexplorer.core.rf.PixelBox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * erf.png: the gradient mass as a heatmap over the image (square root of the mass over its maximum,
 * so that the tails stay visible, coloured with viridis, more opaque where higher), the theoretical
 * field as a white box, the 50 % and 90 %
 * radii as cyan rings (solid and dashed), and a caption in working-image pixels. Small images are enlarged so that
 * the caption stays readable.
 */
final class ErfPicture {
    static final ColorMap COLORS = ColorMap.VIRIDIS;
    private static final int MIN_SIDE = 448;
    private static final Color RING = new Color(0x00e5ff);

    private ErfPicture() {}

    static RgbImage render(RgbImage working, ErfResult r, String what) {
        int k = Math.max(1, (int) Math.ceil((double) MIN_SIDE / Math.max(working.width(), working.height())));
        RgbImage base = k == 1 ? working : Preprocess.resizeBicubic(working, working.width() * k, working.height() * k);
        RgbImage heat = blend(base, r);

        int fontSize = 13;
        int lineHeight = fontSize + 5;
        int band = 3 * lineHeight + 8;
        BufferedImage img = new BufferedImage(heat.width(), heat.height() + band, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, heat.width(), heat.height(), heat.argb(), 0, heat.width());
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            double f = k * r.scale(); // display pixels per input pixel
            g.setClip(0, 0, heat.width(), heat.height());
            PixelBox b = r.field();
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(2f));
            g.draw(new Rectangle2D.Double(b.x0() * f + 1, b.y0() * f + 1, b.width() * f - 2, b.height() * f - 2));
            ErfSummary s = r.summary();
            double cx = (r.centreX() + 0.5) * f, cy = (r.centreY() + 0.5) * f;
            g.setColor(RING);
            g.setStroke(new BasicStroke(2f));
            g.draw(circle(cx, cy, s.radius50() * f));
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 5f}, 0f));
            g.draw(circle(cx, cy, s.radius90() * f));
            g.fill(circle(cx, cy, 3));
            g.setClip(null);
            g.setColor(new Color(0x202020));
            g.fillRect(0, heat.height(), heat.width(), band);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
            List<String> lines = List.of(
                    String.format(Locale.ROOT, "%s: theoretical RF %.0f px (%s)", what, r.theoreticalSize() * r.scale(),
                            r.field().contains(PixelBox.image(r.height(), r.width())) ? "box = whole image" : "white box"),
                    String.format(Locale.ROOT, "50 %% of the gradient within %.1f px = %.2f x RF/2 (solid ring)",
                            s.radius50() * r.scale(), s.fraction50()),
                    String.format(Locale.ROOT, "90 %% within %.1f px = %.2f x RF/2 (dashed ring)", s.radius90() * r.scale(), s.fraction90()));
            for (int i = 0; i < lines.size(); i++) g.drawString(lines.get(i), 6, heat.height() + 2 + lineHeight * (i + 1) - 4);
        } finally {
            g.dispose();
        }
        return new RgbImage(img.getWidth(), img.getHeight(), img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth()));
    }

    /** Colour by the normalised square root of the mass; opacity grows with it, so gradient-free pixels show the image. */
    private static RgbImage blend(RgbImage base, ErfResult r) {
        float[] mass = r.mass();
        double max = 0;
        for (float m : mass) max = Math.max(max, m);
        double norm = max > 0 ? Math.sqrt(max) : 1;
        int w = base.width(), h = base.height();
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            int my = Math.min(r.height() - 1, y * r.height() / h);
            for (int x = 0; x < w; x++) {
                int mx = Math.min(r.width() - 1, x * r.width() / w);
                double t = Math.sqrt(mass[my * r.width() + mx]) / norm;
                out[y * w + x] = mix(base.get(x, y), COLORS.argb(t), 0.9 * Math.sqrt(t));
            }
        }
        return new RgbImage(w, h, out);
    }

    private static int mix(int a, int b, double t) {
        int red = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int green = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int blue = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return 0xff000000 | red << 16 | green << 8 | blue;
    }

    private static Ellipse2D circle(double cx, double cy, double radius) {
        return new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius);
    }
}
