package dev.patchexplorer.ui.viewer;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import java.util.ArrayList;
import java.util.List;

/**
 * Half-size copies of a large image (box filter, 2x2 average), so that a zoomed-out view scales
 * a small image each frame instead of 12 megapixels. Built off the UI thread.
 */
final class ImagePyramid {
    /** Levels stop once the longer side is below this; the screen never needs fewer pixels. */
    private static final int SMALLEST_SIDE = 1024;

    private final List<Image> levels;

    private ImagePyramid(List<Image> levels) {
        this.levels = levels;
    }

    static ImagePyramid of(Image full) {
        List<Image> levels = new ArrayList<>();
        levels.add(full);
        Image current = full;
        while (Math.max(current.getWidth(), current.getHeight()) / 2 >= SMALLEST_SIDE) {
            current = halve(current);
            levels.add(current);
        }
        return new ImagePyramid(List.copyOf(levels));
    }

    /** The smallest level that still has at least one pixel per screen pixel at this scale. */
    Image forScale(double scale) {
        Image best = levels.get(0);
        for (Image level : levels) {
            if (level.getWidth() >= levels.get(0).getWidth() * scale) best = level;
        }
        return best;
    }

    int size() {
        return levels.size();
    }

    private static Image halve(Image src) {
        int w = (int) src.getWidth();
        int h = (int) src.getHeight();
        int hw = w / 2;
        int hh = h / 2;
        PixelReader reader = src.getPixelReader();
        int[] rows = new int[w * 2];
        int[] out = new int[hw];
        WritableImage dst = new WritableImage(hw, hh);
        for (int y = 0; y < hh; y++) {
            reader.getPixels(0, 2 * y, w, 2, PixelFormat.getIntArgbInstance(), rows, 0, w);
            for (int x = 0; x < hw; x++) {
                out[x] = average(rows[2 * x], rows[2 * x + 1], rows[w + 2 * x], rows[w + 2 * x + 1]);
            }
            dst.getPixelWriter().setPixels(0, y, hw, 1, PixelFormat.getIntArgbInstance(), out, 0, hw);
        }
        return dst;
    }

    private static int average(int a, int b, int c, int d) {
        int out = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            int sum = ((a >>> shift) & 0xFF) + ((b >>> shift) & 0xFF) + ((c >>> shift) & 0xFF) + ((d >>> shift) & 0xFF);
            out |= ((sum + 2) / 4) << shift;
        }
        return out;
    }
}
