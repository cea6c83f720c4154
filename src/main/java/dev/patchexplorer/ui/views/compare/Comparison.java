package dev.patchexplorer.ui.views.compare;

import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.sweep.PredictionMetrics;
import dev.patchexplorer.core.tradeoff.TradeOffs;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The readouts of panes A and B side by side, and how far their predictions agree. Costs come from
 * each pane's {@link TradeOffs} (the readouts' own figures); a prediction figure is absent (null,
 * NaN or -1) until both panes have one.
 *
 * @param top1Same    whether both top-1 classes are the same; null until both panes have predictions
 * @param top5Overlap how many classes both top-5 lists hold, -1 until both have predictions
 * @param kl          KL(A || B) of the two softmax distributions in nats, NaN until both have logits
 */
public record Comparison(TradeOffs a, TradeOffs b, List<Prediction> topA, List<Prediction> topB,
                         Boolean top1Same, int top5Overlap, double kl) {

    public static Comparison of(TradeOffs a, TradeOffs b, List<Prediction> topA, List<Prediction> topB,
                                float[] logitsA, float[] logitsB) {
        boolean both = !topA.isEmpty() && !topB.isEmpty();
        Boolean same = both ? topA.get(0).index() == topB.get(0).index() : null;
        int overlap = -1;
        if (both) {
            Set<Integer> inA = topA.stream().map(Prediction::index).collect(Collectors.toSet());
            overlap = (int) topB.stream().filter(p -> inA.contains(p.index())).count();
        }
        double kl = logitsA != null && logitsB != null && logitsA.length == logitsB.length
                ? PredictionMetrics.kl(logitsA, logitsB) : Double.NaN;
        return new Comparison(a, b, List.copyOf(topA), List.copyOf(topB), same, overlap, kl);
    }
}
