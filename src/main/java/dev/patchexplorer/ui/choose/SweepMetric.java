package dev.patchexplorer.ui.choose;

import dev.patchexplorer.core.sweep.SweepRow;

import java.util.function.ToDoubleFunction;

/**
 * A quantity of a sweep row the chart can plot against GMACs, with which way is better when one is
 * (agreement up, KL down); attention's shape (entropy, distance, area) has no better side, so no
 * Pareto front is drawn for it.
 */
public enum SweepMetric {
    AGREE_TOP1("choose.metric.agreeTop1", true, true, r -> 100.0 * r.agreeTop1()),
    AGREE_TOP5("choose.metric.agreeTop5", true, true, r -> 100.0 * r.agreeTop5()),
    KL("choose.metric.kl", false, false, SweepRow::kl),
    CONFIDENCE("choose.metric.confidence", true, true, r -> 100.0 * r.top1Prob()),
    MARGIN("choose.metric.margin", true, false, SweepRow::margin),
    ENTROPY("choose.metric.entropy", null, false, SweepRow::entropy),
    HEATMAP_IOU("choose.metric.iou", true, false, SweepRow::heatmapIou60),
    ATTENTION_ENTROPY("choose.metric.attentionEntropy", null, false, SweepRow::attentionEntropy),
    ATTENTION_DISTANCE("choose.metric.attentionDistance", null, false, SweepRow::meanAttentionDistancePx),
    ROLLOUT_AREA("choose.metric.area", null, false, SweepRow::rolloutArea60Px2),
    TIME("choose.metric.ms", false, false, SweepRow::ms);

    private final String key;
    private final Boolean higherIsBetter;
    private final boolean percent;
    private final ToDoubleFunction<SweepRow> value;

    SweepMetric(String key, Boolean higherIsBetter, boolean percent, ToDoubleFunction<SweepRow> value) {
        this.key = key;
        this.higherIsBetter = higherIsBetter;
        this.percent = percent;
        this.value = value;
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

    public double of(SweepRow r) {
        return value.applyAsDouble(r);
    }
}
