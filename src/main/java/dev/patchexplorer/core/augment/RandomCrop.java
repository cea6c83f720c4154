package dev.patchexplorer.core.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The crop box of torchvision's {@code RandomCrop} for a square crop, written from its documented
 * behaviour: the image is first padded by {@code padding} pixels on every side (with a constant fill),
 * then a {@code size} x {@code size} box is placed uniformly at random, the row drawn before the column.
 * A box larger than the padded image is refused, as torchvision does. Coordinates are in the unpadded
 * image's pixels, so a box that reaches into the padding has a negative corner or passes the far edge.
 */
public record RandomCrop(int size, int padding) {

    public RandomCrop {
        if (size < 1) throw new IllegalArgumentException("crop size must be at least 1 px, got " + size);
        if (padding < 0) throw new IllegalArgumentException("padding must be 0 or more, got " + padding);
    }

    /** A crop box; {@code x} and {@code y} may be negative when the padding is used. */
    public record Box(int x, int y, int size) {
        /** Whole {@code patch} x {@code patch} cells inside the box, counted from its top-left corner. */
        public int wholePatches(int patch) {
            int n = size / patch;
            return n * n;
        }

        /** Of those whole cells, the ones with no padding in them: all their pixels inside the image. */
        public int imagePatches(int patch, int imageWidth, int imageHeight) {
            return inside(x, patch, imageWidth) * inside(y, patch, imageHeight);
        }

        private int inside(int start, int patch, int extent) {
            int count = 0;
            for (int i = 0; i < size / patch; i++) {
                int from = start + i * patch;
                if (from >= 0 && from + patch <= extent) count++;
            }
            return count;
        }
    }

    /** Whether the box fits in the padded image, the one condition torchvision checks. */
    public boolean fits(int imageWidth, int imageHeight) {
        return size <= imageWidth + 2 * padding && size <= imageHeight + 2 * padding;
    }

    public Box sample(int imageWidth, int imageHeight, Random rng) {
        if (imageWidth <= 0 || imageHeight <= 0) throw new IllegalArgumentException("empty image");
        if (!fits(imageWidth, imageHeight)) {
            throw new IllegalArgumentException("a " + size + " px crop does not fit a " + imageWidth + " x " + imageHeight
                    + " image padded by " + padding + " px");
        }
        int y = rng.nextInt(imageHeight + 2 * padding - size + 1);
        int x = rng.nextInt(imageWidth + 2 * padding - size + 1);
        return new Box(x - padding, y - padding, size);
    }

    /** {@code count} boxes from one generator seeded with {@code seed}. */
    public List<Box> samples(int imageWidth, int imageHeight, int count, long seed) {
        Random rng = new Random(seed);
        List<Box> boxes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) boxes.add(sample(imageWidth, imageHeight, rng));
        return boxes;
    }
}
