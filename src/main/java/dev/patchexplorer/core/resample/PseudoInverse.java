package dev.patchexplorer.core.resample;

/**
 * Moore-Penrose pseudo-inverse in float64 via a one-sided Jacobi SVD (Hestenes), with the same
 * cut-off rule as {@code torch.linalg.pinv}: singular values below {@code max(m, n) * eps * s_max}
 * count as zero. Meant for the small matrices of the PI-resize (at most a few hundred entries a side).
 */
public final class PseudoInverse {
    private static final double EPS = Math.ulp(1.0);

    private PseudoInverse() {}

    /** The pseudo-inverse and the rank it found (singular values above the cut-off). */
    public record WithRank(double[][] pinv, int rank) {}

    public static double[][] of(double[][] a) {
        return withRank(a).pinv();
    }

    public static WithRank withRank(double[][] a) {
        int m = a.length;
        int n = a[0].length;
        if (m < n) { // pinv(A) = pinv(A^T)^T, same rank
            WithRank t = withRank(transpose(a));
            return new WithRank(transpose(t.pinv()), t.rank());
        }
        double[][] u = copy(a);          // columns become U * S
        double[][] v = identity(n);
        for (int sweep = 0; sweep < 60; sweep++) {
            double off = 0;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = 0, beta = 0, gamma = 0;
                    for (int i = 0; i < m; i++) {
                        alpha += u[i][p] * u[i][p];
                        beta += u[i][q] * u[i][q];
                        gamma += u[i][p] * u[i][q];
                    }
                    if (gamma == 0) continue;
                    off = Math.max(off, Math.abs(gamma) / Math.sqrt(alpha * beta));
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta == 0 ? 1 : zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = c * t;
                    rotate(u, p, q, c, s);
                    rotate(v, p, q, c, s);
                }
            }
            if (off < 1e-15) break;
        }
        double[] sigma = new double[n];
        double maxSigma = 0;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) s += u[i][j] * u[i][j];
            sigma[j] = Math.sqrt(s);
            maxSigma = Math.max(maxSigma, sigma[j]);
        }
        double cutoff = Math.max(m, n) * EPS * maxSigma;
        // pinv = V * S^-1 * U^T, where column j of u holds sigma_j * U_j, so divide by sigma_j twice
        double[][] pinv = new double[n][m];
        int rank = 0;
        for (int j = 0; j < n; j++) {
            if (sigma[j] <= cutoff) continue;
            rank++;
            double inv2 = 1 / (sigma[j] * sigma[j]);
            for (int r = 0; r < n; r++) {
                double vr = v[r][j] * inv2;
                if (vr == 0) continue;
                for (int i = 0; i < m; i++) pinv[r][i] += vr * u[i][j];
            }
        }
        return new WithRank(pinv, rank);
    }

    private static void rotate(double[][] x, int p, int q, double c, double s) {
        for (double[] row : x) {
            double xp = row[p];
            double xq = row[q];
            row[p] = c * xp - s * xq;
            row[q] = s * xp + c * xq;
        }
    }

    public static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) t[j][i] = a[i][j];
        return t;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    private static double[][] identity(int n) {
        double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) id[i][i] = 1;
        return id;
    }
}
