package dev.patchexplorer.model.sweep;

import dev.patchexplorer.core.sweep.AttentionMetrics;
import dev.patchexplorer.core.sweep.PredictionMetrics;
import dev.patchexplorer.core.sweep.SweepPlan;
import dev.patchexplorer.core.sweep.SweepReference;
import dev.patchexplorer.core.sweep.SweepRow;

import java.util.function.IntFunction;

/**
 * One forward pass of a sweep, reduced to what the row needs (the attention maps themselves are not
 * kept): the logits, the class token's rollout over the grid (row-major, gridH x gridW) with its
 * 60 %-mass mask, and the attention summaries per layer.
 */
public record SweepPass(String image, SweepPlan plan, int referencePatch, int tokens, double gmacs, float[] logits,
                        boolean[] mask60, double[] rollout, double[] attentionEntropyByLayer, double[] meanAttentionDistanceByLayerPx,
                        double ms) {

    /** This pass as the reference of its image. */
    public SweepReference asReference() {
        return new SweepReference(plan.patch(), logits, mask60, plan.gridH(), plan.gridW(), plan.cellPixels());
    }

    /** The row: this pass compared with the image's reference; {@code labels} names a class index. */
    public SweepRow against(SweepReference ref, IntFunction<String> labels) {
        int[] top5 = PredictionMetrics.topIndices(logits, 5);
        double iou = AttentionMetrics.maskIou(mask60, plan.gridH(), plan.gridW(), plan.cellPixels(),
                ref.mask60(), ref.gridH(), ref.gridW(), ref.cellPixels());
        return new SweepRow(image, plan.patch(), plan.mode(), plan.side(), referencePatch, plan.gridH(), plan.gridW(),
                tokens, gmacs, top5[0], labels.apply(top5[0]), PredictionMetrics.confidence(logits), top5,
                PredictionMetrics.agreeTop1(ref.logits(), logits), PredictionMetrics.agreeTopK(ref.logits(), logits, 5),
                PredictionMetrics.kl(ref.logits(), logits), PredictionMetrics.entropy(logits), PredictionMetrics.margin(logits),
                mean(attentionEntropyByLayer), attentionEntropyByLayer.clone(),
                mean(meanAttentionDistanceByLayerPx), meanAttentionDistanceByLayerPx.clone(),
                AttentionMetrics.areaPixels(mask60, plan.cellPixels()), iou, ms);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return v.length == 0 ? 0 : s / v.length;
    }
}
