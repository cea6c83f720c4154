package dev.patchexplorer.core.resample;

/**
 * FlexiViT's pseudo-inverse resize of a patch-embedding kernel (Beyer et al., CVPR 2023):
 * {@code w' = pinv(B^T) w}, B the bicubic resize of a native patch to the new size.
 * B is a Kronecker product of two 1-D resize matrices W, so pinv(B^T) = pinv(W^T) (x) pinv(W^T)
 * and each kernel plane K becomes {@code P K P^T} with P = pinv(W^T): the same numbers as the
 * full (p'^2 x p^2) pseudo-inverse, at a fraction of the cost. Always resize from the original
 * kernel; resizing a resized kernel loses detail.
 */
public final class PiResize {
    private PiResize() {}

    /** {@code pinv(W^T)} for W = bicubic resize from {@code from} to {@code to} samples; shape to x from. */
    public static double[][] projection(int from, int to) {
        return PseudoInverse.of(PseudoInverse.transpose(BicubicWeights.matrix(from, to)));
    }

    /**
     * @param kernel row-major {@code [planes][from][from]} (planes = out channels * in channels)
     * @return row-major {@code [planes][to][to]}, computed in float64 and rounded to float32
     */
    public static float[] resize(float[] kernel, int planes, int from, int to) {
        if (kernel.length != planes * from * from) {
            throw new IllegalArgumentException("kernel has " + kernel.length + " values, expected " + planes + "x" + from + "x" + from);
        }
        if (from == to) return kernel.clone();
        double[][] p = projection(from, to);
        float[] out = new float[planes * to * to];
        double[] left = new double[to * from]; // P * K
        for (int c = 0; c < planes; c++) {
            int base = c * from * from;
            for (int i = 0; i < to; i++) {
                for (int j = 0; j < from; j++) {
                    double s = 0;
                    for (int k = 0; k < from; k++) s += p[i][k] * kernel[base + k * from + j];
                    left[i * from + j] = s;
                }
            }
            int outBase = c * to * to;
            for (int i = 0; i < to; i++) {
                for (int j = 0; j < to; j++) {
                    double s = 0;
                    for (int k = 0; k < from; k++) s += left[i * from + k] * p[j][k];
                    out[outBase + i * to + j] = (float) s;
                }
            }
        }
        return out;
    }
}
