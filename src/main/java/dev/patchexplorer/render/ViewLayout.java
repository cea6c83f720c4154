package dev.patchexplorer.render;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The exported picture's geometry at 1x: the working image on top, then a dark band with the legend (a
 * colour bar, min and max under its ends, the map's name between them) when there is a heatmap, then the
 * caption, wrapped at its " · " separators to the image's width. Line breaks are measured once at 1x, so the
 * picture at scale K is exactly K times as wide and high and the text falls the same way.
 */
public record ViewLayout(int imageWidth, int imageHeight, boolean legend, List<String> captionLines, Font font) {
    /** Margin around the band's content. */
    public static final int PAD = 6;
    public static final int BAR_HEIGHT = 10;
    /** Bar, gap, label row and gap. */
    public static final int LEGEND_HEIGHT = BAR_HEIGHT + 2 + 14 + 4;
    public static final int LINE_HEIGHT = 14;
    public static final float FONT_SIZE = 11f;
    static final String SEPARATOR = " · ";
    private static final FontRenderContext METRICS = new FontRenderContext(null, true, true);

    public static ViewLayout of(ViewScene scene) {
        String text = scene.caption() + (scene.heat() == null ? "" : String.valueOf(scene.heat().name()) + "0123456789.-e\u2264\u2265");
        Font font = ViewFonts.forText(text, FONT_SIZE);
        int w = scene.working().width();
        return new ViewLayout(w, scene.working().height(), scene.heat() != null,
                wrap(scene.caption(), font, w - 2 * PAD), font);
    }

    /** The band below the image, at 1x. */
    public static int bandHeight(boolean legend, int captionLines) {
        return PAD + (legend ? LEGEND_HEIGHT : 0) + captionLines * LINE_HEIGHT + PAD;
    }

    public int width(int scale) {
        return imageWidth * scale;
    }

    public int height(int scale) {
        return (imageHeight + bandHeight(legend, captionLines.size())) * scale;
    }

    static double textWidth(Font font, String s) {
        return font.getStringBounds(s, METRICS).getWidth();
    }

    /** Greedy: whole " · " parts while they fit; a part too long for a line alone is broken between characters. */
    static List<String> wrap(String caption, Font font, double width) {
        List<String> lines = new ArrayList<>();
        if (caption.isEmpty()) return lines;
        String line = "";
        for (String part : caption.split(" · ")) {
            String joined = line.isEmpty() ? part : line + SEPARATOR + part;
            if (textWidth(font, joined) <= width) {
                line = joined;
                continue;
            }
            if (!line.isEmpty()) lines.add(line);
            line = "";
            for (String piece : breakLong(part, font, width)) {
                if (!line.isEmpty()) lines.add(line);
                line = piece;
            }
        }
        if (!line.isEmpty()) lines.add(line);
        return lines;
    }

    private static List<String> breakLong(String part, Font font, double width) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < part.length()) {
            int end = start + 1;
            while (end < part.length() && textWidth(font, part.substring(start, end + 1)) <= width) end++;
            // prefer a space inside the piece, so words stay whole
            int space = part.lastIndexOf(' ', end - 1);
            if (end < part.length() && space > start) end = space + 1;
            pieces.add(part.substring(start, end).strip());
            start = end;
        }
        return pieces;
    }
}
