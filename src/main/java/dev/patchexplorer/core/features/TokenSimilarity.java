package dev.patchexplorer.core.features;

/**
 * The feature-similarity heatmap: the cosine similarity of one patch token to every patch token of the
 * same sequence ({@code [tokens][dim]}, {@code prefix} class/register tokens first, then the grid row by row).
 */
public final class TokenSimilarity {
    private TokenSimilarity() {}

    /**
     * Row-major {@code gridH x gridW} map of cos(token(row, col), token(r, c)); 1 at (row, col) itself.
     * A token of zero length has no direction: its similarities are 0, never NaN.
     */
    public static double[] cosineMap(float[] tokens, int dim, int prefix, int gridH, int gridW, int row, int col) {
        int n = gridH * gridW;
        if (dim < 1 || prefix < 0 || tokens.length != (long) (prefix + n) * dim) {
            throw new IllegalArgumentException(tokens.length + " values are not " + prefix + " + " + gridH + "x" + gridW
                    + " tokens of width " + dim);
        }
        if (row < 0 || row >= gridH || col < 0 || col >= gridW) {
            throw new IllegalArgumentException("no patch (" + row + ", " + col + ") in a " + gridH + "x" + gridW + " grid");
        }
        int q = (prefix + row * gridW + col) * dim;
        double qNorm = norm(tokens, q, dim);
        double[] map = new double[n];
        for (int t = 0; t < n; t++) {
            int k = (prefix + t) * dim;
            double dot = 0;
            for (int i = 0; i < dim; i++) dot += (double) tokens[q + i] * tokens[k + i];
            double denominator = qNorm * norm(tokens, k, dim);
            map[t] = denominator > 0 ? dot / denominator : 0;
        }
        return map;
    }

    private static double norm(float[] v, int from, int dim) {
        double s = 0;
        for (int i = 0; i < dim; i++) s += (double) v[from + i] * v[from + i];
        return Math.sqrt(s);
    }
}
