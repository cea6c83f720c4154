package dev.patchexplorer.core.resample;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PiResizeTest {

    @Test
    void pseudoInverseSatisfiesThePenroseIdentity() {
        for (int[] mn : new int[][] {{8, 16}, {32, 16}, {16, 16}, {5, 3}}) {
            double[][] a = PseudoInverse.transpose(BicubicWeights.matrix(mn[1], mn[0]));
            double[][] p = PseudoInverse.of(a);
            double[][] apa = multiply(multiply(a, p), a);
            for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], apa[i], 1e-12);
        }
    }

    @Test
    void rankDeficientMatrixGetsTheMinimumNormInverse() {
        double[][] a = {{1, 2}, {2, 4}};
        double[][] p = PseudoInverse.of(a);
        assertEquals(0.04, p[0][0], 1e-12); // pinv = A^T / 25
        assertEquals(0.08, p[0][1], 1e-12);
        assertEquals(0.16, p[1][1], 1e-12);
    }

    @Test
    void upsampledKernelGivesTheSameTokenForTheUpsampledPatch() {
        // FlexiViT's defining property: <x, w> = <resize(x), PI-resize(w)> when upsampling.
        Random r = new Random(1);
        float[] kernel = new float[16 * 16];
        double[] patch = new double[16 * 16];
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = (float) r.nextGaussian();
            patch[i] = r.nextGaussian();
        }
        float[] resized = PiResize.resize(kernel, 1, 16, 24);
        double[][] w = BicubicWeights.matrix(16, 24);
        double direct = 0;
        for (int i = 0; i < patch.length; i++) direct += patch[i] * kernel[i];
        double viaResize = 0;
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 24; x++) {
                double v = 0;
                for (int i = 0; i < 16; i++) for (int j = 0; j < 16; j++) v += w[y][i] * w[x][j] * patch[i * 16 + j];
                viaResize += v * resized[y * 24 + x];
            }
        }
        assertEquals(direct, viaResize, 1e-4 * Math.abs(direct) + 1e-4);
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++)
            for (int k = 0; k < b.length; k++)
                for (int j = 0; j < b[0].length; j++) c[i][j] += a[i][k] * b[k][j];
        return c;
    }
}
