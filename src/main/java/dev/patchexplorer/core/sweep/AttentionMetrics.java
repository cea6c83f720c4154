package dev.patchexplorer.core.sweep;

import dev.patchexplorer.core.attention.AttentionLayout;

/**
 * Summaries of one layer's attention that compare across patch sizes (and so across token counts).
 * Layers are flat {@code [head][query][key]} as {@link AttentionLayout} describes.
 */
public final class AttentionMetrics {
    private AttentionMetrics() {}

    /**
     * Per head, the mean over all queries of -sum_j a_ij log a_ij, divided by log N (N keys), then
     * averaged over heads: 1 for uniform attention, 0 when every query looks at one key.
     */
    public static double normalisedEntropy(float[] layer, AttentionLayout layout) {
        layout.checkLayer(layer);
        int n = layout.tokens();
        if (n < 2) return 0;
        double sum = 0;
        for (int h = 0; h < layout.heads(); h++) {
            for (int i = 0; i < n; i++) {
                int base = (h * n + i) * n;
                double row = 0;
                for (int j = 0; j < n; j++) {
                    float a = layer[base + j];
                    if (a > 0) row -= (double) a * FloatLog.log(a);
                }
                sum += row;
            }
        }
        return sum / ((double) layout.heads() * n) / Math.log(n);
    }

    /**
     * Mean attention distance (Raghu et al. 2021): for each patch query i, sum over patch keys j of
     * a_ij x cell x ||g_i - g_j|| with g the (row, column) grid position; averaged over queries and heads.
     * Prefix tokens are left out as queries and keys, and the weights are not renormalised (as in the
     * probing-vits notebook), on the real gridH x gridW grid.
     *
     * @param cellPixels the side of one grid cell in pixels, so that the result is in pixels
     */
    public static double meanDistancePixels(float[] layer, AttentionLayout layout, double cellPixels) {
        double[] perHead = meanDistancePixelsPerHead(layer, layout, cellPixels);
        double sum = 0;
        for (double d : perHead) sum += d;
        return sum / perHead.length;
    }

    /** As {@link #meanDistancePixels}, one value per head (averaged over queries only). */
    public static double[] meanDistancePixelsPerHead(float[] layer, AttentionLayout layout, double cellPixels) {
        layout.checkLayer(layer);
        int n = layout.tokens();
        int p = layout.prefixTokens();
        int gh = layout.gridH();
        int gw = layout.gridW();
        double[] dist = new double[gh * gw]; // by (|dr|, |dc|), so each distance is worked out once
        for (int dr = 0; dr < gh; dr++) for (int dc = 0; dc < gw; dc++) dist[dr * gw + dc] = cellPixels * Math.hypot(dr, dc);
        double[] perHead = new double[layout.heads()];
        for (int h = 0; h < layout.heads(); h++) {
            double sum = 0;
            for (int qi = 0; qi < gh * gw; qi++) {
                int qr = qi / gw;
                int qc = qi % gw;
                int base = (h * n + p + qi) * n + p;
                double row = 0;
                for (int kr = 0, k = base; kr < gh; kr++) { // keys in row-major order, without a division per key
                    int dr = Math.abs(kr - qr) * gw;
                    for (int kc = 0; kc < gw; kc++, k++) row += layer[k] * dist[dr + Math.abs(kc - qc)];
                }
                sum += row;
            }
            perHead[h] = sum / ((double) gh * gw);
        }
        return perHead;
    }

    /** The area in pixels^2 of the cells a mask keeps. */
    public static double areaPixels(boolean[] mask, double cellPixels) {
        int kept = 0;
        for (boolean b : mask) if (b) kept++;
        return kept * cellPixels * cellPixels;
    }

    /**
     * Intersection over union, in pixels, of two grid masks drawn over the same image: mask A's cell
     * (r, c) covers [c cellA, (c+1) cellA) x [r cellA, (r+1) cellA), likewise B. Exact: the plane is cut
     * at every cell edge of either grid and each piece is weighed by its area. Two empty masks agree: 1.
     */
    public static double maskIou(boolean[] a, int ghA, int gwA, int cellA, boolean[] b, int ghB, int gwB, int cellB) {
        if (a.length != ghA * gwA || b.length != ghB * gwB) throw new IllegalArgumentException("mask size does not match its grid");
        int[] xs = cuts(gwA, cellA, gwB, cellB);
        int[] ys = cuts(ghA, cellA, ghB, cellB);
        double inter = 0;
        double union = 0;
        for (int yi = 0; yi + 1 < ys.length; yi++) {
            int y = ys[yi];
            long h = ys[yi + 1] - y;
            int ra = y / cellA < ghA ? y / cellA : -1;
            int rb = y / cellB < ghB ? y / cellB : -1;
            for (int xi = 0; xi + 1 < xs.length; xi++) {
                int x = xs[xi];
                long area = h * (xs[xi + 1] - x);
                boolean inA = ra >= 0 && x / cellA < gwA && a[ra * gwA + x / cellA];
                boolean inB = rb >= 0 && x / cellB < gwB && b[rb * gwB + x / cellB];
                if (inA && inB) inter += area;
                if (inA || inB) union += area;
            }
        }
        return union == 0 ? 1 : inter / union;
    }

    /** Every cell edge of both grids along one axis, ascending, each once. */
    private static int[] cuts(int countA, int cellA, int countB, int cellB) {
        java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
        for (int i = 0; i <= countA; i++) s.add(i * cellA);
        for (int i = 0; i <= countB; i++) s.add(i * cellB);
        return s.stream().mapToInt(Integer::intValue).toArray();
    }
}
