package dev.patchexplorer.core.adaptive;

import dev.patchexplorer.core.image.RgbImage;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Pictures built pixel by pixel, so what a scorer must find is known before it runs. */
final class TestImages {
    private TestImages() {}

    static int grey(int level) {
        return 0xff000000 | level << 16 | level << 8 | level;
    }

    static RgbImage flat(int size, int level) {
        int[] px = new int[size * size];
        Arrays.fill(px, grey(level));
        return new RgbImage(size, size, px);
    }

    /** A flat picture with a one-pixel black/white checkerboard in the square [x, x + side) x [y, y + side). */
    static RgbImage flatWithDetail(int size, int x0, int y0, int side) {
        RgbImage img = flat(size, 128);
        int[] px = img.argb();
        for (int y = y0; y < y0 + side; y++) {
            for (int x = x0; x < x0 + side; x++) px[y * size + x] = grey(((x + y) % 2 == 0) ? 0 : 255);
        }
        return img;
    }

    static RgbImage noise(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] px = new int[size * size];
        for (int i = 0; i < px.length; i++) px[i] = 0xff000000 | r.nextInt(1 << 24);
        // a smooth half, so the splits are not spread evenly
        for (int y = 0; y < size; y++) for (int x = 0; x < size / 2; x++) px[y * size + x] = grey(x * 255 / size);
        return new RgbImage(size, size, px);
    }
}
