package dev.patchexplorer.core.sweep;

/**
 * Count, mean and sum of squared deviations of values fed one at a time (Welford's update, which
 * does not lose the spread to cancellation as sum-of-squares formulas do), so memory stays constant.
 */
final class RunningMean {
    private int n;
    private double mean;
    private double m2;
    private int ones;

    void add(double v) {
        n++;
        double d = v - mean;
        mean += d / n;
        m2 += d * (v - mean);
        if (v == 1) ones++;
    }

    /** The 95 % interval: Wilson's for a proportion (values 0 or 1), Student's t otherwise. */
    Estimate estimate(boolean proportion) {
        if (proportion) return ConfidenceIntervals.wilson(ones, n);
        return ConfidenceIntervals.studentT(n, n == 0 ? Double.NaN : mean, n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1)));
    }
}
