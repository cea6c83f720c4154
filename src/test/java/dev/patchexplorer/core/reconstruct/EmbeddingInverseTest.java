package dev.patchexplorer.core.reconstruct;

import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The way back from a token against pseudo-inverses worked out here by the normal equations
 * (Gauss-Jordan, no SVD): (WᵀW)⁻¹Wᵀ for a tall W of full column rank, Wᵀ(WWᵀ)⁻¹ for a wide one.
 */
class EmbeddingInverseTest {

    @Test
    void aTallKernelGivesEveryPatchBackExactly() {
        int dim = 12;
        int values = 3; // P = 1, C = 3: fewer values than dimensions
        float[] kernel = random(dim * values, 1);
        float[] bias = random(dim, 2);
        EmbeddingInverse inv = new EmbeddingInverse(kernel, bias, dim);
        double[][] w = matrix(kernel, dim, values);
        double[][] expected = times(inverse(times(transpose(w), w)), transpose(w));
        double[] x = {0.3, -1.2, 0.7};
        double[] e = inv.embed(x);
        assertArrayEquals(apply(expected, minus(e, bias)), inv.reconstruct(e), 1e-9);
        assertArrayEquals(x, inv.reconstruct(e), 1e-9);
        assertEquals(3, inv.rank());
        assertEquals(3, inv.valuesPerPatch());
        assertEquals(12, inv.dim());
    }

    @Test
    void aWideKernelProjectsOntoWhatItsRowsSee() {
        int dim = 5;
        int values = 12; // P = 2, C = 3: more values than dimensions
        float[] kernel = random(dim * values, 3);
        float[] bias = random(dim, 4);
        EmbeddingInverse inv = new EmbeddingInverse(kernel, bias, dim);
        double[][] w = matrix(kernel, dim, values);
        double[][] expected = times(transpose(w), inverse(times(w, transpose(w))));
        double[] x = new double[values];
        Random r = new Random(5);
        for (int i = 0; i < values; i++) x[i] = r.nextGaussian();
        double[] e = inv.embed(x);
        double[] back = inv.reconstruct(e);
        assertArrayEquals(apply(expected, minus(e, bias)), back, 1e-9);
        assertEquals(5, inv.rank());
        // a projection: what comes back embeds to the same token, and a second trip changes nothing
        assertArrayEquals(e, inv.embed(back), 1e-9);
        assertArrayEquals(back, inv.reconstruct(inv.embed(back)), 1e-9);
        double lost = 0;
        for (int i = 0; i < values; i++) lost += Math.abs(back[i] - x[i]);
        assertTrue(lost > 0.1, "12 values through 5 dimensions cannot all come back, lost " + lost);
    }

    @Test
    void repeatedRowsLowerTheRank() {
        int values = 12;
        float[] two = random(2 * values, 6);
        float[] kernel = new float[4 * values]; // rows 2 and 3 repeat rows 0 and 1
        System.arraycopy(two, 0, kernel, 0, 2 * values);
        System.arraycopy(two, 0, kernel, 2 * values, 2 * values);
        assertEquals(2, new EmbeddingInverse(kernel, null, 4).rank());
        float[] tall = new float[6 * 3]; // third column the sum of the first two, small integers so the sum is exact
        Random r = new Random(7);
        for (int i = 0; i < tall.length; i++) tall[i] = r.nextInt(9) - 4;
        for (int row = 0; row < 6; row++) tall[row * 3 + 2] = tall[row * 3] + tall[row * 3 + 1];
        assertEquals(2, new EmbeddingInverse(tall, null, 6).rank());
    }

    @Test
    void withoutAModelEveryPatchTakesItsMeanColour() {
        EmbeddingInverse inv = EmbeddingInverse.meanColour(2, 3);
        assertEquals(3, inv.rank());
        assertEquals(12, inv.valuesPerPatch());
        double[] x = {1, 2, 3, 6, 0, 0, 0, 4, 10, 10, 10, 10}; // channel means 3, 1, 10
        assertArrayEquals(new double[] {3, 3, 3, 3, 1, 1, 1, 1, 10, 10, 10, 10}, inv.reconstruct(inv.embed(x)), 1e-12);
    }

    @Test
    void aMeanColourPictureAndItsPsnr() {
        // a 4x2 image, two 2x2 patches: left all (10, 20, 30) and (30, 20, 10), right constant
        int a = 0xff0a141e;
        int b = 0xff1e140a;
        int c = 0xff646464;
        RgbImage img = new RgbImage(4, 2, new int[] {a, b, c, c, b, a, c, c});
        float[] zero = {0, 0, 0};
        float[] one = {1, 1, 1};
        PatchReconstruction r = PatchReconstruction.ofGrid(img, PatchGrid.of(4, 2, GridSpec.of(2)),
                EmbeddingInverse.meanColour(2, 3), zero, one);
        int mean = 0xff141414; // (20, 20, 20)
        assertArrayEquals(new int[] {mean, mean, c, c, mean, mean, c, c}, r.picture().argb());
        // errors: red and blue off by 10 on four pixels: 8 x 100 over 24 values
        assertEquals(10 * Math.log10(255.0 * 255.0 / (800.0 / 24)), r.psnr(), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, PatchReconstruction.psnr(img, img));
    }

    @Test
    void theViTsNormalisationIsUndone() {
        RgbImage img = new RgbImage(2, 2, new int[] {0xff102030, 0xff405060, 0xff708090, 0xffa0b0c0});
        float[] mean = {0.485f, 0.456f, 0.406f};
        float[] std = {0.229f, 0.224f, 0.225f};
        EmbeddingInverse identity = new EmbeddingInverse(eye(12), random(12, 9), 12);
        PatchReconstruction r = PatchReconstruction.of(img, Preprocess.normalize(img, mean, std), 2, identity, mean, std);
        assertArrayEquals(img.argb(), r.picture().argb());
        assertEquals(12, r.rank());
    }

    @Test
    void aPatchSizeTheKernelDoesNotTakeIsRefused() {
        RgbImage img = new RgbImage(4, 4, new int[16]);
        EmbeddingInverse inv = EmbeddingInverse.meanColour(2, 3);
        float[] m = {0, 0, 0};
        float[] s = {1, 1, 1};
        assertThrows(IllegalArgumentException.class,
                () -> PatchReconstruction.of(img, Preprocess.normalize(img, m, s), 4, inv, m, s));
        assertThrows(IllegalArgumentException.class, () -> new EmbeddingInverse(new float[10], null, 3));
    }

    private static float[] eye(int n) {
        float[] k = new float[n * n];
        for (int i = 0; i < n; i++) k[i * n + i] = 1;
        return k;
    }

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return v;
    }

    private static double[][] matrix(float[] flat, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) m[i][j] = flat[i * cols + j];
        return m;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) t[j][i] = a[i][j];
        return t;
    }

    private static double[][] times(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++)
            for (int k = 0; k < b.length; k++)
                for (int j = 0; j < b[0].length; j++) c[i][j] += a[i][k] * b[k][j];
        return c;
    }

    private static double[] apply(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < v.length; j++) out[i] += a[i][j] * v[j];
        return out;
    }

    private static double[] minus(double[] e, float[] b) {
        double[] out = new double[e.length];
        for (int i = 0; i < e.length; i++) out[i] = e[i] - b[i];
        return out;
    }

    /** Gauss-Jordan with partial pivoting. */
    private static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            double p = m[col][col];
            for (int j = 0; j < 2 * n; j++) m[col][j] /= p;
            for (int r = 0; r < n; r++) {
                if (r == col) continue;
                double f = m[r][col];
                for (int j = 0; j < 2 * n; j++) m[r][j] -= f * m[col][j];
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(m[i], n, inv[i], 0, n);
        return inv;
    }
}
