package dev.patchexplorer.ui.choose;

import dev.patchexplorer.core.sweep.Estimate;
import dev.patchexplorer.core.sweep.PatchAggregate;

import java.util.List;

/**
 * One patch size as the chart draws it: its cost, the metric's value and, for a mean over images,
 * its 95 % interval (NaN ends: no whisker).
 */
record ChartPoint(int patch, double gmacs, double value, double low, double high, int images) {

    boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** The rows of the shown image: one value each, no interval. */
    static List<ChartPoint> ofResults(List<PatchResult> results, SweepMetric metric) {
        return results.stream()
                .map(r -> new ChartPoint(r.patch(), r.row().gmacs(), metric.of(r.row()), Double.NaN, Double.NaN, 1))
                .toList();
    }

    /** The means over images; patch sizes without the metric (no labelled image for accuracy) are left out. */
    static List<ChartPoint> ofAggregates(List<PatchAggregate> aggregates, SweepMetric metric) {
        return aggregates.stream().map(a -> {
            Estimate e = metric.of(a);
            return new ChartPoint(a.patch(), a.gmacs(), e.mean(), e.low(), e.high(), e.n());
        }).filter(p -> !Double.isNaN(p.value())).toList();
    }
}
