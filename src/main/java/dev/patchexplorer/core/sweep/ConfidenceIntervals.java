package dev.patchexplorer.core.sweep;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * 95 % intervals for the per-patch aggregates of a sweep. Means of measured values (KL, entropy,
 * time...) use Student's t: mean +- t(0.975, n-1) s / sqrt(n). Proportions of 0/1 outcomes
 * (agreement, accuracy) use the Wilson score interval, which stays inside [0, 1] and does not
 * collapse to a point at 0 % or 100 % as the t interval of 0/1 values would.
 */
public final class ConfidenceIntervals {
    /** The standard normal's 97.5 % point, the z of a two-sided 95 % Wilson interval. */
    public static final double Z975 = 1.959963984540054;
    private static final Map<Integer, Double> T975 = new ConcurrentHashMap<>();

    private ConfidenceIntervals() {}

    /** Student-t interval of a mean from n values with sample standard deviation s (n - 1 in its denominator). */
    public static Estimate studentT(int n, double mean, double s) {
        if (n < 2) return new Estimate(n, n == 0 ? Double.NaN : mean, Double.NaN, Double.NaN);
        double half = t975(n - 1) * s / Math.sqrt(n);
        return new Estimate(n, mean, mean - half, mean + half);
    }

    /** Wilson score interval of {@code successes} out of {@code n} at z = {@link #Z975}. */
    public static Estimate wilson(int successes, int n) {
        if (successes < 0 || successes > n) throw new IllegalArgumentException(successes + " successes out of " + n);
        if (n == 0) return new Estimate(0, Double.NaN, Double.NaN, Double.NaN);
        double p = (double) successes / n;
        double z2 = Z975 * Z975;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z975 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new Estimate(n, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** t(0.975, df): the point with 2.5 % of Student's t distribution above it. */
    public static double t975(int df) {
        if (df < 1) throw new IllegalArgumentException("degrees of freedom must be at least 1, got " + df);
        return T975.computeIfAbsent(df, d -> quantileOfCentralMass(0.95, d));
    }

    /** The t with P(|T| < t) = mass, by bisection (the mass grows with t). */
    private static double quantileOfCentralMass(double mass, int df) {
        double lo = 0;
        double hi = 1;
        while (centralMass(hi, df) < mass) hi *= 2;
        for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (centralMass(mid, df) < mass) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /**
     * P(|T| < t) for Student's t with an integer number of degrees of freedom, from the finite series
     * in cos(theta), theta = atan(t / sqrt(df)) (Abramowitz and Stegun 26.7.3 and 26.7.4).
     */
    static double centralMass(double t, int df) {
        double theta = Math.atan(t / Math.sqrt(df));
        double c2 = Math.cos(theta) * Math.cos(theta);
        double sin = Math.sin(theta);
        if (df % 2 == 0) {
            // sin(theta) [1 + 1/2 cos^2 + (1 3)/(2 4) cos^4 + ... up to cos^(df-2)]
            double term = 1;
            double sum = 1;
            for (int k = 2; k <= df - 2; k += 2) {
                term *= c2 * (k - 1) / k;
                sum += term;
            }
            return sin * sum;
        }
        // 2/pi [theta + sin(theta) (cos + 2/3 cos^3 + (2 4)/(3 5) cos^5 + ... up to cos^(df-2))]
        if (df == 1) return 2 * theta / Math.PI;
        double cos = Math.cos(theta);
        double term = cos;
        double sum = cos;
        for (int k = 3; k <= df - 2; k += 2) {
            term *= c2 * (k - 1) / k;
            sum += term;
        }
        return 2 / Math.PI * (theta + sin * sum);
    }
}
