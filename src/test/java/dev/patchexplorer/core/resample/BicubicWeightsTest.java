package dev.patchexplorer.core.resample;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BicubicWeightsTest {

    @Test
    void rowsSumToOneAndSameSizeIsIdentity() {
        for (int[] io : new int[][] {{14, 28}, {14, 7}, {16, 8}, {16, 32}, {14, 13}, {3, 1}}) {
            double[][] m = BicubicWeights.matrix(io[0], io[1]);
            for (double[] row : m) {
                double s = 0;
                for (double v : row) s += v;
                assertEquals(1.0, s, 1e-12);
            }
        }
        double[][] id = BicubicWeights.matrix(5, 5);
        for (int i = 0; i < 5; i++) assertEquals(1.0, id[i][i]);
    }

    @Test
    void upsamplingByTwoUsesPyTorchTaps() {
        // F.interpolate(torch.eye(4)[None, None], size=(1, 8)) ... for 4 -> 8: output 0 sits at source -0.25,
        // t = 0.75: taps for -2..1 = cubic(1.75), cubic(0.75), cubic(0.25), cubic(1.25) with A = -0.75,
        // indices clamped to 0 -> weights on source 0 and 1.
        double[][] m = BicubicWeights.matrix(4, 8);
        assertEquals(-0.03515625 + 0.26171875 + 0.87890625, m[0][0], 1e-12);
        assertEquals(-0.10546875, m[0][1], 1e-12);
        assertEquals(1.0, m[0][0] + m[0][1], 1e-12);
    }

    @Test
    void constantPlaneStaysConstant() {
        float[] plane = new float[2 * 14 * 14];
        java.util.Arrays.fill(plane, 0.25f);
        float[] out = BicubicWeights.resizePlanes(plane, 2, 14, 14, 28, 20);
        float[] expected = new float[2 * 28 * 20];
        java.util.Arrays.fill(expected, 0.25f);
        assertArrayEquals(expected, out, 1e-6f);
    }
}
