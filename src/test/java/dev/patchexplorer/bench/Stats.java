package dev.patchexplorer.bench;

import java.util.Arrays;
import java.util.Locale;

/** Median, 95th percentile and maximum of a list of timings in nanoseconds, printed in milliseconds. */
final class Stats {
    private Stats() {}

    static double percentile(long[] nanos, double q) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = (int) Math.min(s.length - 1, Math.ceil(q * s.length) - 1);
        return s[Math.max(0, i)] / 1e6;
    }

    static String line(String name, long[] nanos) {
        return String.format(Locale.ROOT, "%-44s n=%4d  median %7.3f ms  p95 %7.3f ms  max %7.3f ms",
                name, nanos.length, percentile(nanos, 0.5), percentile(nanos, 0.95), percentile(nanos, 1.0));
    }
}
