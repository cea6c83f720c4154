package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.image.RgbImage;

/**
 * A cosine-similarity map over the patches the model saw: each cell tinted on a fixed -1..1 scale (so
 * two maps compare by colour, unlike a min-max stretch), the chosen patch outlined in white over black.
 */
final class SimilarityPicture {
    static final ColorMap COLOURS = ColorMap.RED_BLUE_DIVERGING;
    static final double ALPHA = 0.65;

    private SimilarityPicture() {}

    /** The colour of similarity {@code s} in -1..1 on the legend's scale. */
    static int colour(double s) {
        return COLOURS.argb((s + 1) / 2); // high is red: similar patches glow
    }

    /**
     * @param cells the patches as the grid cut them ({@code gridW x gridH} cells of equal size)
     * @param map   row-major similarities, gridH x gridW
     */
    static RgbImage draw(RgbImage cells, double[] map, int gridH, int gridW, int row, int col) {
        int w = cells.width(), h = cells.height();
        int cw = w / gridW, ch = h / gridH;
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            int gy = Math.min(gridH - 1, y / ch);
            for (int x = 0; x < w; x++) {
                int gx = Math.min(gridW - 1, x / cw);
                out[y * w + x] = mix(cells.get(x, y), colour(map[gy * gridW + gx]), ALPHA);
            }
        }
        outline(out, w, h, col * cw, row * ch, cw, ch);
        return new RgbImage(w, h, out);
    }

    /** A two-pixel frame (white inside black) that reads on any colour; thinner cells get what fits. */
    private static void outline(int[] px, int w, int h, int x0, int y0, int cw, int ch) {
        int t = Math.max(1, Math.min(2, Math.min(cw, ch) / 4));
        for (int y = y0; y < Math.min(h, y0 + ch); y++) {
            for (int x = x0; x < Math.min(w, x0 + cw); x++) {
                int edge = Math.min(Math.min(x - x0, x0 + cw - 1 - x), Math.min(y - y0, y0 + ch - 1 - y));
                if (edge < t) px[y * w + x] = edge == 0 ? 0xff000000 : 0xffffffff;
            }
        }
    }

    private static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return 0xff000000 | r << 16 | g << 8 | bl;
    }
}
