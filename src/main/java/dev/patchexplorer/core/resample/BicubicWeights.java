package dev.patchexplorer.core.resample;

/**
 * The linear map of PyTorch's {@code F.interpolate(mode="bicubic", align_corners=False)} without
 * antialiasing (cubic coefficient A = -0.75, source indices clamped at the borders), as a matrix.
 * Used for position-embedding resampling and for the FlexiViT PI-resize, whose golden references
 * were produced with exactly this operator.
 */
public final class BicubicWeights {
    /** PyTorch's cubic convolution coefficient (Keys uses -0.5; PyTorch and OpenCV use -0.75). */
    public static final double A = -0.75;

    private BicubicWeights() {}

    /** Weights as an {@code outSize x inSize} matrix: {@code out[o] = sum_i m[o][i] * in[i]}. */
    public static double[][] matrix(int inSize, int outSize) {
        if (inSize <= 0 || outSize <= 0) throw new IllegalArgumentException("sizes must be positive: " + inSize + " -> " + outSize);
        double[][] m = new double[outSize][inSize];
        if (inSize == outSize) {
            for (int i = 0; i < inSize; i++) m[i][i] = 1; // PyTorch copies in this case
            return m;
        }
        double scale = (double) inSize / outSize;
        for (int o = 0; o < outSize; o++) {
            double real = scale * (o + 0.5) - 0.5; // align_corners=False, no clamp for cubic
            int index = (int) Math.floor(real);
            double t = real - index;
            double[] c = coefficients(t);
            for (int k = 0; k < 4; k++) {
                int src = Math.min(Math.max(index - 1 + k, 0), inSize - 1);
                m[o][src] += c[k];
            }
        }
        return m;
    }

    /** The four taps for source offsets -1, 0, +1, +2 at fractional position t. */
    static double[] coefficients(double t) {
        return new double[] {cubicFar(t + 1), cubicNear(t), cubicNear(1 - t), cubicFar(2 - t)};
    }

    private static double cubicNear(double x) { // |x| <= 1
        return ((A + 2) * x - (A + 3)) * x * x + 1;
    }

    private static double cubicFar(double x) { // 1 < |x| < 2
        return ((A * x - 5 * A) * x + 8 * A) * x - 4 * A;
    }

    /**
     * Resizes {@code planes} stacked row-major planes of {@code inH x inW} to {@code outH x outW}
     * (separable: rows then columns, in double precision).
     */
    public static float[] resizePlanes(float[] data, int planes, int inH, int inW, int outH, int outW) {
        if (data.length != planes * inH * inW) {
            throw new IllegalArgumentException("expected " + planes + "x" + inH + "x" + inW + " values, got " + data.length);
        }
        double[][] wy = matrix(inH, outH);
        double[][] wx = matrix(inW, outW);
        float[] out = new float[planes * outH * outW];
        double[] rows = new double[outH * inW];
        for (int p = 0; p < planes; p++) {
            int inBase = p * inH * inW;
            java.util.Arrays.fill(rows, 0);
            for (int oy = 0; oy < outH; oy++) {
                for (int iy = 0; iy < inH; iy++) {
                    double w = wy[oy][iy];
                    if (w == 0) continue;
                    for (int x = 0; x < inW; x++) rows[oy * inW + x] += w * data[inBase + iy * inW + x];
                }
            }
            int outBase = p * outH * outW;
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    double s = 0;
                    double[] w = wx[ox];
                    for (int x = 0; x < inW; x++) s += w[x] * rows[oy * inW + x];
                    out[outBase + oy * outW + ox] = (float) s;
                }
            }
        }
        return out;
    }
}
