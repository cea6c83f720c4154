package dev.patchexplorer.core.position;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.image.RgbImage;

import java.util.Random;

/**
 * A jigsaw over a patch grid: {@code order[j]} is the patch (row-major index) that lands in place j.
 * The same order can move the tokens (each carrying its own position embedding) or the pixels (the
 * position embeddings stay where they are), which is the whole point of the comparison.
 */
public final class PatchPermutation {
    private PatchPermutation() {}

    /** A uniformly random order of {@code n} patches (Fisher-Yates), the same for the same seed. */
    public static int[] seeded(int n, long seed) {
        if (n < 1) throw new IllegalArgumentException("need at least one patch, got " + n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Random rng = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * The token sequence ({@code [tokens][dim]}) with its patch tokens in {@code order}; the
     * {@code prefix} tokens in front (class, registers) stay where they are.
     */
    public static float[] tokens(float[] tokens, int dim, int prefix, int[] order) {
        int n = order.length;
        if (tokens.length != (long) (prefix + n) * dim) {
            throw new IllegalArgumentException(tokens.length + " values are not " + (prefix + n) + " tokens of width " + dim);
        }
        check(order);
        float[] out = new float[tokens.length];
        System.arraycopy(tokens, 0, out, 0, prefix * dim);
        for (int j = 0; j < n; j++) System.arraycopy(tokens, (prefix + order[j]) * dim, out, (prefix + j) * dim, dim);
        return out;
    }

    /** The image with its {@code patch} x {@code patch} cells in {@code order} (cell j shows cell order[j]). */
    public static ChwImage pixels(ChwImage image, int patch, int[] order) {
        if (patch < 1 || image.height() % patch != 0 || image.width() % patch != 0) {
            throw new IllegalArgumentException(image.width() + "x" + image.height() + " is not a whole number of " + patch + " px patches");
        }
        int gw = image.width() / patch;
        int gh = image.height() / patch;
        if (order.length != gh * gw) throw new IllegalArgumentException(order.length + " places for " + gh * gw + " patches");
        check(order);
        float[] src = image.data();
        float[] out = new float[src.length];
        int w = image.width();
        for (int c = 0; c < image.channels(); c++) {
            int plane = c * image.height() * w;
            for (int j = 0; j < order.length; j++) {
                int toX = (j % gw) * patch, toY = (j / gw) * patch;
                int fromX = (order[j] % gw) * patch, fromY = (order[j] / gw) * patch;
                for (int y = 0; y < patch; y++) {
                    System.arraycopy(src, plane + (fromY + y) * w + fromX, out, plane + (toY + y) * w + toX, patch);
                }
            }
        }
        return new ChwImage(image.channels(), image.height(), w, out);
    }

    /** The same jigsaw on a picture: cell j shows cell order[j], for drawing what the model was given. */
    public static RgbImage pixels(RgbImage image, int patch, int[] order) {
        if (patch < 1 || image.height() % patch != 0 || image.width() % patch != 0) {
            throw new IllegalArgumentException(image.width() + "x" + image.height() + " is not a whole number of " + patch + " px patches");
        }
        int gw = image.width() / patch;
        if (order.length != gw * (image.height() / patch)) {
            throw new IllegalArgumentException(order.length + " places for " + gw * (image.height() / patch) + " patches");
        }
        check(order);
        int w = image.width();
        int[] src = image.argb();
        int[] out = new int[src.length];
        for (int j = 0; j < order.length; j++) {
            int toX = (j % gw) * patch, toY = (j / gw) * patch;
            int fromX = (order[j] % gw) * patch, fromY = (order[j] / gw) * patch;
            for (int y = 0; y < patch; y++) System.arraycopy(src, (fromY + y) * w + fromX, out, (toY + y) * w + toX, patch);
        }
        return new RgbImage(w, image.height(), out);
    }

    private static void check(int[] order) {
        boolean[] seen = new boolean[order.length];
        for (int i : order) {
            if (i < 0 || i >= order.length || seen[i]) throw new IllegalArgumentException("not a permutation: " + i + " out of place");
            seen[i] = true;
        }
    }
}
