package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.core.image.RgbImage;

/**
 * Which patches ended in one token: every merged group washed in its own colour (hues spread by the
 * golden angle, so neighbouring groups differ), patches still on their own left as they are.
 */
final class MergedGroupsPicture {
    private static final double ALPHA = 0.55;

    private MergedGroupsPicture() {}

    /**
     * @param cells  the patches as the grid cut them, gridW x gridH cells of equal size
     * @param holder holder[p]: the token that holds patch p (row-major)
     * @param sizes  sizes[t]: how many patches token t holds
     */
    static RgbImage draw(RgbImage cells, int[] holder, int[] sizes, int gridH, int gridW) {
        int w = cells.width(), h = cells.height();
        int cw = w / gridW, ch = h / gridH;
        int[] out = cells.argb().clone();
        for (int p = 0; p < holder.length; p++) {
            if (sizes[holder[p]] < 2) continue;
            int colour = colour(holder[p]);
            int x0 = (p % gridW) * cw, y0 = (p / gridW) * ch;
            for (int y = y0; y < Math.min(h, y0 + ch); y++) {
                for (int x = x0; x < Math.min(w, x0 + cw); x++) out[y * w + x] = mix(out[y * w + x], colour);
            }
        }
        return new RgbImage(w, h, out);
    }

    static int colour(int token) {
        double hue = (token * 137.508) % 360;
        javafx.scene.paint.Color c = javafx.scene.paint.Color.hsb(hue, 0.85, 0.95);
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    private static int mix(int a, int b) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - ALPHA) + ((b >> 16) & 0xff) * ALPHA);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - ALPHA) + ((b >> 8) & 0xff) * ALPHA);
        int bl = (int) Math.round((a & 0xff) * (1 - ALPHA) + (b & 0xff) * ALPHA);
        return 0xff000000 | r << 16 | g << 8 | bl;
    }
}
