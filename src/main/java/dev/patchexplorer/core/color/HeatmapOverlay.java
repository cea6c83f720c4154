package dev.patchexplorer.core.color;

import dev.patchexplorer.core.image.RgbImage;

/** Paints a per-patch map over an image: min-max normalised, coloured, blended, one flat cell per patch. */
public final class HeatmapOverlay {
    private HeatmapOverlay() {}

    public static RgbImage blend(RgbImage base, double[] map, int gridH, int gridW, ColorMap colors, double alpha) {
        if (map.length != gridH * gridW) throw new IllegalArgumentException("map has " + map.length + " values, grid " + gridH + "x" + gridW);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : map) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max > min ? max - min : 1;
        int w = base.width();
        int h = base.height();
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            int gy = Math.min(gridH - 1, y * gridH / h);
            for (int x = 0; x < w; x++) {
                int gx = Math.min(gridW - 1, x * gridW / w);
                int c = colors.argb((map[gy * gridW + gx] - min) / range);
                out[y * w + x] = mix(base.get(x, y), c, alpha);
            }
        }
        return new RgbImage(w, h, out);
    }

    private static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return 0xff000000 | r << 16 | g << 8 | bl;
    }
}
