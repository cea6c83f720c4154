package dev.patchexplorer.core.color;

import java.util.Arrays;

/**
 * How a map's values become colour positions 0..1, fitted to one map. {@link Kind#LINEAR}: min to max.
 * {@link Kind#LOG}: log(v) from the smallest positive value to the max, so a map spanning 1 to 1000 puts
 * 10 at 1/3 and 100 at 2/3; zero and negative values take the bottom colour. {@link Kind#PERCENTILE}:
 * linear between the 2nd and 98th percentiles (linear interpolation between order statistics), values
 * outside clipped, so a few extreme cells do not flatten the rest. Cells not included (hidden by a mass
 * threshold, discounted artifact patches) do not move the range. A flat map sits in the middle.
 *
 * @param low  the value at position 0
 * @param high the value at position 1
 */
public record HeatScale(Kind kind, double low, double high) {
    public enum Kind { LINEAR, LOG, PERCENTILE }

    /** The percentiles the percentile scale clips at. */
    public static final double LOW_PERCENTILE = 2, HIGH_PERCENTILE = 98;

    public HeatScale {
        if (kind == null) throw new IllegalArgumentException("scale kind is required");
        if (Double.isNaN(low) || Double.isNaN(high)) throw new IllegalArgumentException("scale ends must be numbers");
    }

    /** Fitted to every value of {@code values}. */
    public static HeatScale fit(Kind kind, double[] values) {
        return fit(kind, values, null);
    }

    /** Fitted to the values whose {@code include} flag is true (all when {@code include} is null); NaN values are skipped. */
    public static HeatScale fit(Kind kind, double[] values, boolean[] include) {
        if (include != null && include.length != values.length) throw new IllegalArgumentException("include does not fit the values");
        double[] v = Arrays.stream(indices(values.length)).filter(i -> include == null || include[i])
                .mapToDouble(i -> values[i]).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) return new HeatScale(kind, 0, 0);
        return switch (kind) {
            case LINEAR -> new HeatScale(kind, v[0], v[v.length - 1]);
            case LOG -> {
                double smallestPositive = Arrays.stream(v).filter(x -> x > 0).findFirst().orElse(0);
                yield new HeatScale(kind, smallestPositive, Math.max(0, v[v.length - 1]));
            }
            case PERCENTILE -> new HeatScale(kind, percentile(v, LOW_PERCENTILE), percentile(v, HIGH_PERCENTILE));
        };
    }

    /** The colour position 0..1 of value {@code v}, clipped to the ends. */
    public double position(double v) {
        if (Double.isNaN(v)) return 0;
        if (kind == Kind.LOG) {
            if (!(low > 0) || !(high > low)) return 0.5; // a flat map, or a log map without two positive values: the middle colour
            if (v <= low) return 0;
            return clip((Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low)));
        }
        if (!(high > low)) return 0.5; // a flat map, or a log map without two positive values: the middle colour
        return clip((v - low) / (high - low));
    }

    /** The value at colour position {@code t}: what a legend tick at {@code t} reads. */
    public double valueAt(double t) {
        if (kind == Kind.LOG && low > 0 && high > low) return Math.exp(Math.log(low) + t * (Math.log(high) - Math.log(low)));
        return low + t * (high - low);
    }

    /** Where a legend puts its ticks: both ends and the middle, so a log scale shows its geometric middle. */
    public static final double[] TICKS = {0, 0.5, 1};

    /**
     * The legend's label at tick position {@code t}, from {@code number} (the caller's number format): the value
     * there, with "≤" / "≥" at the ends of a percentile scale, whose ends clip the values beyond them.
     */
    public String tickLabel(double t, java.util.function.DoubleFunction<String> number) {
        String v = number.apply(valueAt(t));
        if (kind != Kind.PERCENTILE) return v;
        return t == 0 ? "≤" + v : t == 1 ? "≥" + v : v;
    }

    /**
     * The {@code p}-th percentile of ascending {@code sorted}: rank (p/100)(n-1), linearly interpolated between the
     * two nearest values (numpy's default).
     */
    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) throw new IllegalArgumentException("no values");
        double rank = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    private static double clip(double t) {
        return Math.max(0, Math.min(1, t));
    }

    private static int[] indices(int n) {
        int[] i = new int[n];
        for (int k = 0; k < n; k++) i[k] = k;
        return i;
    }
}
