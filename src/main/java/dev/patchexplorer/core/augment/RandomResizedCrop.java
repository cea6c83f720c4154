package dev.patchexplorer.core.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The crop box of torchvision's {@code RandomResizedCrop}, written from its documented algorithm: up to
 * {@value #ATTEMPTS} tries of an area drawn uniformly from {@code scale} times the image's and an aspect
 * ratio drawn log-uniformly from {@code ratio}, kept once the box fits; otherwise a centre crop at the
 * nearest allowed ratio. Python's round (half to even) is {@link Math#rint}. Seeded, so the same seed
 * gives the same crops.
 *
 * @param scaleMin the defaults are (0.08, 1)
 * @param ratioMin the defaults are (3/4, 4/3)
 */
public record RandomResizedCrop(double scaleMin, double scaleMax, double ratioMin, double ratioMax) {
    public static final int ATTEMPTS = 10;
    public static final RandomResizedCrop DEFAULTS = new RandomResizedCrop(0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0);

    public RandomResizedCrop {
        if (!(scaleMin > 0 && scaleMin <= scaleMax)) {
            throw new IllegalArgumentException("scale must satisfy 0 < min <= max, got (" + scaleMin + ", " + scaleMax + ")");
        }
        if (!(ratioMin > 0 && ratioMin <= ratioMax)) {
            throw new IllegalArgumentException("ratio must satisfy 0 < min <= max, got (" + ratioMin + ", " + ratioMax + ")");
        }
    }

    /** A crop of the image: its box, and whether the tries all failed and the centre crop was taken. */
    public record Crop(int x, int y, int width, int height, boolean fallback) {
        /** Whole {@code patch} x {@code patch} cells inside the box, from its top-left corner. */
        public int wholePatches(int patch) {
            return (width / patch) * (height / patch);
        }
    }

    public Crop sample(int imageWidth, int imageHeight, Random rng) {
        if (imageWidth <= 0 || imageHeight <= 0) throw new IllegalArgumentException("empty image");
        double area = (double) imageWidth * imageHeight;
        double logMin = Math.log(ratioMin);
        double logMax = Math.log(ratioMax);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double target = area * uniform(rng, scaleMin, scaleMax);
            double aspect = Math.exp(uniform(rng, logMin, logMax));
            int w = (int) Math.rint(Math.sqrt(target * aspect));
            int h = (int) Math.rint(Math.sqrt(target / aspect));
            if (w > 0 && h > 0 && w <= imageWidth && h <= imageHeight) {
                int y = rng.nextInt(imageHeight - h + 1);
                int x = rng.nextInt(imageWidth - w + 1);
                return new Crop(x, y, w, h, false);
            }
        }
        double inRatio = (double) imageWidth / imageHeight;
        int w;
        int h;
        if (inRatio < ratioMin) {
            w = imageWidth;
            h = (int) Math.rint(w / ratioMin);
        } else if (inRatio > ratioMax) {
            h = imageHeight;
            w = (int) Math.rint(h * ratioMax);
        } else {
            w = imageWidth;
            h = imageHeight;
        }
        return new Crop((imageWidth - w) / 2, (imageHeight - h) / 2, w, h, true);
    }

    /** {@code count} crops from one generator seeded with {@code seed}. */
    public List<Crop> samples(int imageWidth, int imageHeight, int count, long seed) {
        Random rng = new Random(seed);
        List<Crop> crops = new ArrayList<>(count);
        for (int i = 0; i < count; i++) crops.add(sample(imageWidth, imageHeight, rng));
        return crops;
    }

    private static double uniform(Random rng, double min, double max) {
        return min + (max - min) * rng.nextDouble();
    }
}
