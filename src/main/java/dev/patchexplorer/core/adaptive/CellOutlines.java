package dev.patchexplorer.core.adaptive;

import dev.patchexplorer.core.image.RgbImage;

import java.util.List;

/** A mixed-size grid drawn over its image: one-pixel lines on every cell's edges (the picture the CLI writes). */
public final class CellOutlines {
    private CellOutlines() {}

    public static RgbImage draw(RgbImage image, List<QuadCell> cells, int argb) {
        int[] px = image.argb().clone();
        int w = image.width(), h = image.height();
        for (QuadCell c : cells) {
            int x1 = Math.min(w, c.x() + c.size()) - 1, y1 = Math.min(h, c.y() + c.size()) - 1;
            for (int x = c.x(); x <= x1; x++) {
                px[c.y() * w + x] = argb;
                px[y1 * w + x] = argb;
            }
            for (int y = c.y(); y <= y1; y++) {
                px[y * w + c.x()] = argb;
                px[y * w + x1] = argb;
            }
        }
        return new RgbImage(w, h, px);
    }
}
