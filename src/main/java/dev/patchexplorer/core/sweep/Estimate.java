package dev.patchexplorer.core.sweep;

/**
 * A mean over {@code n} images with its 95 % interval [low, high]; low and high are NaN when the
 * interval is undefined (a mean of one value has no spread to measure), mean is NaN when n is 0.
 */
public record Estimate(int n, double mean, double low, double high) {
    /** True when the interval exists. */
    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }
}
