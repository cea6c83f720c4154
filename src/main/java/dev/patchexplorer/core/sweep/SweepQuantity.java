package dev.patchexplorer.core.sweep;

import java.util.function.ToDoubleFunction;

/**
 * A per-row quantity a sweep averages over images, with its name in the JSON summary and whether it
 * is a proportion of 0/1 outcomes (then its interval is Wilson's, see {@link ConfidenceIntervals}).
 * A row without the quantity (accuracy of an unlabelled image) gives NaN and is left out of its mean.
 */
public enum SweepQuantity {
    AGREE_TOP1("agree_top1", true, r -> r.agreeTop1()),
    AGREE_TOP5("agree_top5", true, r -> r.agreeTop5()),
    KL("kl", false, SweepRow::kl),
    CONFIDENCE("confidence", false, SweepRow::top1Prob),
    MARGIN("margin", false, SweepRow::margin),
    ENTROPY("entropy", false, SweepRow::entropy),
    ATTENTION_ENTROPY("attention_entropy", false, SweepRow::attentionEntropy),
    MEAN_ATTENTION_DISTANCE("mean_attention_distance_px", false, SweepRow::meanAttentionDistancePx),
    ROLLOUT_AREA("rollout_area60_px2", false, SweepRow::rolloutArea60Px2),
    HEATMAP_IOU("heatmap_iou60", false, SweepRow::heatmapIou60),
    MS("ms", false, SweepRow::ms),
    ACCURACY_TOP1("accuracy_top1", true, r -> r.labelled() ? r.correctTop1() : Double.NaN),
    ACCURACY_TOP5("accuracy_top5", true, r -> r.labelled() ? r.correctTop5() : Double.NaN);

    private final String jsonName;
    private final boolean proportion;
    private final ToDoubleFunction<SweepRow> value;

    SweepQuantity(String jsonName, boolean proportion, ToDoubleFunction<SweepRow> value) {
        this.jsonName = jsonName;
        this.proportion = proportion;
        this.value = value;
    }

    public String jsonName() {
        return jsonName;
    }

    /** True for a share of 0/1 outcomes. */
    public boolean proportion() {
        return proportion;
    }

    /** The row's value; NaN when the row does not have it. */
    public double of(SweepRow r) {
        return value.applyAsDouble(r);
    }
}
