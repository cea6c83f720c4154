package dev.patchexplorer.core.reconstruct;

import dev.patchexplorer.core.resample.PseudoInverse;

/**
 * A linear patch embedding e = W x + b (W is D x P²C, x a patch's values in [channel][row][column]
 * order, as a conv kernel [D][C][P][P] holds them) and its way back: x̂ = pinv(W) (e − b), the
 * orthogonal projection of x onto what the D rows of W can see. When W has rank P²C nothing is lost.
 */
public final class EmbeddingInverse {
    private final int dim;
    private final int values;
    private final double[][] w;
    private final double[] bias;
    /** pinv(W) (P²C x D), or for a wide W pinv(W Wᵀ) (D x D). */
    private final double[][] pinv;
    private final boolean wide;
    private final int rank;

    /**
     * @param kernel [dim][values] flattened row by row (a conv kernel [D][C][P][P] as it is stored)
     * @param bias   [dim], or null for none
     */
    public EmbeddingInverse(float[] kernel, float[] bias, int dim) {
        if (dim <= 0 || kernel.length == 0 || kernel.length % dim != 0) {
            throw new IllegalArgumentException("a kernel of " + kernel.length + " values is not " + dim + " rows");
        }
        if (bias != null && bias.length != dim) {
            throw new IllegalArgumentException("bias has " + bias.length + " values for " + dim + " rows");
        }
        this.dim = dim;
        this.values = kernel.length / dim;
        this.w = new double[dim][values];
        for (int r = 0; r < dim; r++) for (int c = 0; c < values; c++) w[r][c] = kernel[r * values + c];
        this.bias = new double[dim];
        if (bias != null) for (int r = 0; r < dim; r++) this.bias[r] = bias[r];
        // pinv(W) = Wᵀ pinv(W Wᵀ): for a wide W (P²C > D) the SVD then works on a D x D matrix instead
        // of a P²C x D one, which at large patches (49,152 values at P 128) is a second against a minute
        this.wide = values > dim;
        PseudoInverse.WithRank inverse = wide ? gramInverse(w) : PseudoInverse.withRank(w);
        this.pinv = inverse.pinv();
        this.rank = inverse.rank();
    }

    /** pinv(W Wᵀ), D x D, for a wide W (see {@link #reconstruct}); rank that of W Wᵀ, which equals W's. */
    private static PseudoInverse.WithRank gramInverse(double[][] w) {
        int d = w.length;
        int n = w[0].length;
        double[][] gram = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double s = 0;
                double[] a = w[i];
                double[] b = w[j];
                for (int k = 0; k < n; k++) s += a[k] * b[k];
                gram[i][j] = s;
                gram[j][i] = s;
            }
        }
        return PseudoInverse.withRank(gram);
    }

    /**
     * The embedding of a model without one: each channel's mean over the patch (3 rows), so the way
     * back paints every patch in its mean colour.
     */
    public static EmbeddingInverse meanColour(int patch, int channels) {
        int plane = patch * patch;
        float[] kernel = new float[channels * channels * plane];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < plane; i++) kernel[c * channels * plane + c * plane + i] = 1f / plane;
        }
        return new EmbeddingInverse(kernel, null, channels);
    }

    /** e = W x + b. */
    public double[] embed(double[] x) {
        checkLength(x, values, "patch");
        double[] e = new double[dim];
        for (int r = 0; r < dim; r++) {
            double s = bias[r];
            double[] row = w[r];
            for (int c = 0; c < values; c++) s += row[c] * x[c];
            e[r] = s;
        }
        return e;
    }

    /** x̂ = pinv(W) (e − b). */
    public double[] reconstruct(double[] e) {
        checkLength(e, dim, "embedding");
        double[] centred = new double[dim];
        for (int r = 0; r < dim; r++) centred[r] = e[r] - bias[r];
        if (wide) centred = times(pinv, centred); // pinv(W Wᵀ) (e − b), then Wᵀ of that below
        double[] x = new double[values];
        if (wide) {
            for (int r = 0; r < dim; r++) {
                double y = centred[r];
                double[] row = w[r];
                for (int c = 0; c < values; c++) x[c] += row[c] * y;
            }
        } else {
            x = times(pinv, centred);
        }
        return x;
    }

    private static double[] times(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double s = 0;
            double[] row = m[i];
            for (int j = 0; j < v.length; j++) s += row[j] * v[j];
            out[i] = s;
        }
        return out;
    }

    private static void checkLength(double[] v, int expected, String what) {
        if (v.length != expected) throw new IllegalArgumentException(what + " has " + v.length + " values, expected " + expected);
    }

    /** D, the embedding's width. */
    public int dim() { return dim; }

    /** P²C, the values of one patch. */
    public int valuesPerPatch() { return values; }

    /** The rank of W (and of the projection pinv(W) W): at most min(D, P²C). */
    public int rank() { return rank; }
}
