package dev.patchexplorer.ui.choose;

import dev.patchexplorer.core.sweep.Estimate;
import dev.patchexplorer.core.sweep.PatchAggregate;
import dev.patchexplorer.core.sweep.SweepQuantity;
import dev.patchexplorer.core.sweep.SweepRow;

/**
 * A quantity of a sweep the chart can plot against GMACs, for one row or averaged over images, with
 * which way is better when one is (agreement up, KL down); attention's shape (entropy, distance,
 * area) has no better side, so no Pareto front is drawn for it. Percentages are fractions times 100.
 */
public enum SweepMetric {
    AGREE_TOP1("choose.metric.agreeTop1", true, true, SweepQuantity.AGREE_TOP1),
    AGREE_TOP5("choose.metric.agreeTop5", true, true, SweepQuantity.AGREE_TOP5),
    ACCURACY_TOP1("choose.metric.accuracyTop1", true, true, SweepQuantity.ACCURACY_TOP1),
    ACCURACY_TOP5("choose.metric.accuracyTop5", true, true, SweepQuantity.ACCURACY_TOP5),
    KL("choose.metric.kl", false, false, SweepQuantity.KL),
    CONFIDENCE("choose.metric.confidence", true, true, SweepQuantity.CONFIDENCE),
    MARGIN("choose.metric.margin", true, false, SweepQuantity.MARGIN),
    ENTROPY("choose.metric.entropy", null, false, SweepQuantity.ENTROPY),
    HEATMAP_IOU("choose.metric.iou", true, false, SweepQuantity.HEATMAP_IOU),
    ATTENTION_ENTROPY("choose.metric.attentionEntropy", null, false, SweepQuantity.ATTENTION_ENTROPY),
    ATTENTION_DISTANCE("choose.metric.attentionDistance", null, false, SweepQuantity.MEAN_ATTENTION_DISTANCE),
    ROLLOUT_AREA("choose.metric.area", null, false, SweepQuantity.ROLLOUT_AREA),
    TIME("choose.metric.ms", false, false, SweepQuantity.MS);

    private final String key;
    private final Boolean higherIsBetter;
    private final boolean percent;
    private final SweepQuantity quantity;

    SweepMetric(String key, Boolean higherIsBetter, boolean percent, SweepQuantity quantity) {
        this.key = key;
        this.higherIsBetter = higherIsBetter;
        this.percent = percent;
        this.quantity = quantity;
    }

    /** The bundle key of its name (also the axis title). */
    public String key() {
        return key;
    }

    /** True when one side is better, so a Pareto front means something. */
    public boolean ranked() {
        return higherIsBetter != null;
    }

    /** For the Pareto front of a {@link #ranked()} metric: true when more is better. */
    public boolean higherIsBetter() {
        return Boolean.TRUE.equals(higherIsBetter);
    }

    /** True for a percentage, on the same 0..100 scale as published ImageNet top-1 figures. */
    public boolean percent() {
        return percent;
    }

    /** True for a score against the images' true classes, which only labelled images have. */
    public boolean needsTrueClasses() {
        return quantity == SweepQuantity.ACCURACY_TOP1 || quantity == SweepQuantity.ACCURACY_TOP5;
    }

    /** The row's value; NaN when the row does not have it. */
    public double of(SweepRow r) {
        return scale() * quantity.of(r);
    }

    /** The mean over images with its 95 % interval, on this metric's scale. */
    public Estimate of(PatchAggregate a) {
        Estimate e = a.estimate(quantity);
        return new Estimate(e.n(), scale() * e.mean(), scale() * e.low(), scale() * e.high());
    }

    private double scale() {
        return percent ? 100 : 1;
    }
}
