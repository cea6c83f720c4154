package dev.patchexplorer.render;

import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.grid.CellFootprint;
import dev.patchexplorer.core.grid.GridLines;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.image.RgbImage;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link ViewScene} as one picture at scale 1, 2 or 4 (every working pixel becomes K x K, lines
 * and text grow K times): the working image, the heatmap blended per cell footprint at its opacity, the grid
 * lines blended once at the grid's opacity, and under it the legend and caption band ({@link ViewLayout}).
 * Pure Java2D on a BufferedImage, no toolkit window, so the window's export and the {@code render} command
 * run this same code. The image part is computed per pixel (not through Java2D compositing), so its colours
 * are exact: {@code round(base * (1 - a) + colour * a)} per channel.
 */
public final class ViewRenderer {
    public static final List<Integer> SCALES = List.of(1, 2, 4);
    static final Color BAND = new Color(0x1f1f1f);
    static final Color TEXT = new Color(0xf2f2f2);
    static final Color MUTED = new Color(0xc8c8c8);
    /** The artifact patches' outline: the window's colour and width (working pixels at 1x). */
    public static final int OUTLINE_RGB = 0xff2d78;
    public static final int OUTLINE_WIDTH = 2;

    private ViewRenderer() {}

    public static BufferedImage render(ViewScene scene, int scale) {
        if (!SCALES.contains(scale)) throw new IllegalArgumentException("scale must be 1, 2 or 4, got " + scale);
        ViewLayout layout = ViewLayout.of(scene);
        int w = layout.width(scale);
        int h = layout.height(scale);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] picture = picture(scene, scale);
        out.setRGB(0, 0, w, scene.working().height() * scale, picture, 0, w);
        Graphics2D g = out.createGraphics();
        try {
            boxes(g, scene, scale);
            band(g, scene, layout, scale);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The image part, row-major ARGB, {@code width*K x height*K}. */
    static int[] picture(ViewScene scene, int k) {
        RgbImage img = scene.working();
        int ww = img.width(), wh = img.height();
        int[] base = img.argb().clone();
        HeatLayer heat = scene.heat();
        if (heat != null) paintHeat(base, ww, wh, heat);
        int pw = ww * k, ph = wh * k;
        int[] px = new int[pw * ph];
        for (int y = 0; y < ph; y++) {
            int row = (y / k) * ww;
            for (int x = 0; x < pw; x++) px[y * pw + x] = 0xff000000 | base[row + x / k];
        }
        GridLook look = scene.gridLook();
        if (look.visible() && !scene.grid().isEmpty()) paintGrid(px, pw, ph, scene.grid(), look, k);
        if (heat != null) paintOutlines(px, pw, ph, heat, k);
        return px;
    }

    /** The outlined (artifact) cells: an opaque frame {@link #OUTLINE_WIDTH} px wide at 1x inside each cell's footprint, over the grid. */
    private static void paintOutlines(int[] px, int pw, int ph, HeatLayer heat, int k) {
        int lw = OUTLINE_WIDTH * k;
        int colour = 0xff000000 | OUTLINE_RGB;
        for (int i = 0; i < heat.grid().patchCount(); i++) {
            if (!heat.isOutlined(i)) continue;
            CellFootprint f = CellFootprint.of(heat.grid(), i);
            int x0 = f.x() * k, y0 = f.y() * k;
            int x1 = Math.min(pw, (f.x() + f.width()) * k), y1 = Math.min(ph, (f.y() + f.height()) * k);
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    boolean edge = x < x0 + lw || x >= x1 - lw || y < y0 + lw || y >= y1 - lw;
                    if (edge) px[y * pw + x] = colour;
                }
            }
        }
    }

    private static void paintHeat(int[] base, int ww, int wh, HeatLayer heat) {
        PatchGrid grid = heat.grid();
        ColorMap colors = heat.colors();
        for (int i = 0; i < grid.patchCount(); i++) {
            if (!heat.isShown(i)) continue;
            int c = colors.argb(heat.normalised(i));
            CellFootprint f = CellFootprint.of(grid, i);
            int x1 = Math.min(ww, f.x() + f.width()), y1 = Math.min(wh, f.y() + f.height());
            for (int y = f.y(); y < y1; y++) {
                for (int x = f.x(); x < x1; x++) base[y * ww + x] = mix(base[y * ww + x], c, heat.opacity());
            }
        }
    }

    /** Marks every line pixel once, then blends: crossings are no darker than lines. */
    private static void paintGrid(int[] px, int pw, int ph, PatchGrid grid, GridLook look, int k) {
        int lw = lineWidth(look, k);
        boolean[] line = new boolean[px.length];
        int x0 = grid.spec().offsetX() * k, y0 = grid.spec().offsetY() * k;
        int xEnd = Math.min(pw, (grid.spec().offsetX() + GridLines.spanX(grid)) * k);
        int yEnd = Math.min(ph, (grid.spec().offsetY() + GridLines.spanY(grid)) * k);
        for (int gx : GridLines.xs(grid)) {
            int from = lineStart(gx * k, lw, pw);
            if (from < 0) continue;
            for (int y = Math.max(0, y0 - lw / 2); y < Math.min(ph, yEnd + (lw - lw / 2)); y++) {
                for (int x = from; x < from + lw; x++) line[y * pw + x] = true;
            }
        }
        for (int gy : GridLines.ys(grid)) {
            int from = lineStart(gy * k, lw, ph);
            if (from < 0) continue;
            for (int y = from; y < from + lw; y++) {
                for (int x = Math.max(0, x0 - lw / 2); x < Math.min(pw, xEnd + (lw - lw / 2)); x++) line[y * pw + x] = true;
            }
        }
        int colour = 0xff000000 | look.rgb();
        for (int i = 0; i < px.length; i++) if (line[i]) px[i] = mix(px[i], colour, look.opacity());
    }

    /** Line width in picture pixels at scale K: the style's width times K, at least one pixel. */
    public static int lineWidth(GridLook look, int k) {
        return Math.max(1, (int) Math.round(look.lineWidth() * k));
    }

    /**
     * First pixel of a line {@code width} wide centred on {@code at} (it always covers pixel {@code at}),
     * moved inside the picture where it would stick out (the grid's far edge at the image's edge); -1 when the
     * line lies wholly outside (padding).
     */
    public static int lineStart(int at, int width, int size) {
        if (at > size) return -1;
        return Math.max(0, Math.min(size - width, at - width / 2));
    }

    /** The objects' boxes over the grid: a dark halo under the outline, the label on a dark tab above it. */
    private static void boxes(Graphics2D g, ViewScene scene, int k) {
        if (scene.boxes().isEmpty()) return;
        g.setClip(0, 0, scene.working().width() * k, scene.working().height() * k);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (SceneBox b : scene.boxes()) {
            int x = (int) Math.round(b.x() * k), y = (int) Math.round(b.y() * k);
            int w = (int) Math.round(b.width() * k), h = (int) Math.round(b.height() * k);
            g.setColor(new Color(0, 0, 0, 166));
            g.setStroke(new java.awt.BasicStroke(4f * k));
            g.drawRect(x, y, w, h);
            g.setColor(new Color(b.rgb()));
            g.setStroke(new java.awt.BasicStroke(2f * k));
            g.drawRect(x, y, w, h);
            if (b.label().isEmpty()) continue;
            g.setFont(ViewFonts.forText(b.label(), ViewLayout.FONT_SIZE).deriveFont(ViewLayout.FONT_SIZE * k));
            var fm = g.getFontMetrics();
            int tw = fm.stringWidth(b.label()) + 6 * k, th = fm.getHeight() + 2 * k;
            int ty = y - th - k < 0 ? y + k : y - th - k;
            g.setColor(new Color(0, 0, 0, 178));
            g.fillRect(x, ty, tw, th);
            g.setColor(new Color(b.rgb()));
            g.drawString(b.label(), x + 3 * k, ty + k + fm.getAscent());
        }
        g.setClip(null);
        g.setStroke(new java.awt.BasicStroke(1f));
    }

    private static void band(Graphics2D g, ViewScene scene, ViewLayout layout, int k) {
        int top = layout.imageHeight() * k;
        int w = layout.width(k);
        g.setColor(BAND);
        g.fillRect(0, top, w, layout.height(k) - top);
        int y = top + ViewLayout.PAD * k;
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setFont(layout.font().deriveFont(ViewLayout.FONT_SIZE * k));
        var fm = g.getFontMetrics();
        if (scene.heat() != null) {
            HeatLayer heat = scene.heat();
            int bx0 = ViewLayout.PAD * k, bx1 = w - ViewLayout.PAD * k;
            for (int x = bx0; x < bx1; x++) {
                double t = bx1 - bx0 <= 1 ? 0 : (double) (x - bx0) / (bx1 - bx0 - 1);
                g.setColor(new Color(heat.colors().argb(t)));
                g.fillRect(x, y, 1, ViewLayout.BAR_HEIGHT * k);
            }
            int baseline = y + (ViewLayout.BAR_HEIGHT + 2) * k + fm.getAscent();
            // ticks at the scale's ends and middle, labelled with the values there (a log scale's middle is the geometric mean)
            String min = heat.scale().tickLabel(0, ViewRenderer::number), max = heat.scale().tickLabel(1, ViewRenderer::number);
            String mid = heat.scale().tickLabel(0.5, ViewRenderer::number);
            int midX = (bx0 + bx1 - fm.stringWidth(mid)) / 2;
            g.setColor(TEXT);
            g.drawString(min, bx0, baseline);
            g.drawString(max, bx1 - fm.stringWidth(max), baseline);
            boolean midFits = midX > bx0 + fm.stringWidth(min) + 4 * k && midX + fm.stringWidth(mid) < bx1 - fm.stringWidth(max) - 4 * k;
            if (midFits) g.drawString(mid, midX, baseline);
            if (heat.name() != null && !heat.name().isEmpty()) {
                // the map's name between the left label and the middle one, where it fits
                g.setColor(MUTED);
                int from = bx0 + fm.stringWidth(min) + 8 * k, to = midFits ? midX - 8 * k : bx1 - fm.stringWidth(max) - 8 * k;
                if (fm.stringWidth(heat.name()) <= to - from) g.drawString(heat.name(), (from + to - fm.stringWidth(heat.name())) / 2, baseline);
            }
            y += ViewLayout.LEGEND_HEIGHT * k;
        }
        g.setColor(TEXT);
        for (String line : layout.captionLines()) {
            g.drawString(line, ViewLayout.PAD * k, y + fm.getAscent());
            y += ViewLayout.LINE_HEIGHT * k;
        }
    }

    /** Three significant figures, plain for moderate values; attention values are often 1e-3 or less. */
    static String number(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.3g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "")
                : String.format(Locale.ROOT, "%.2e", v);
    }

    /** The blend every exported pixel uses (the same rounding as the {@code analyze} overlays). */
    static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return 0xff000000 | r << 16 | g << 8 | bl;
    }
}
