package dev.patchexplorer.ui.views.compare;

import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.sweep.PredictionMetrics;
import dev.patchexplorer.core.tradeoff.TradeOffs;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The readouts of panes A and B side by side, and how far their predictions agree. Costs come from
 * each pane's {@link TradeOffs} (the readouts' own figures); a prediction figure is absent (null,
 * NaN or -1) until both panes have one.
 *
 * @param top1Same    whether both top-1 classes are the same (by label when the heads' class counts
 *                    differ); null until both panes have predictions
 * @param top5Overlap how many classes both top-5 lists hold, -1 until both have predictions
 * @param kl          KL(A || B) of the two softmax distributions in nats, NaN until both have logits
 *                    and when their class counts differ
 * @param classesDiffer both panes have logits, over different numbers of classes (two models' heads)
 * @param modelA      the name of the model pane A runs, null when none (likewise {@code modelB})
 */
public record Comparison(TradeOffs a, TradeOffs b, List<Prediction> topA, List<Prediction> topB,
                         Boolean top1Same, int top5Overlap, double kl, boolean classesDiffer,
                         String modelA, String modelB) {

    /** Both panes on unnamed models. */
    public static Comparison of(TradeOffs a, TradeOffs b, List<Prediction> topA, List<Prediction> topB,
                                float[] logitsA, float[] logitsB) {
        return of(a, b, topA, topB, logitsA, logitsB, null, null);
    }

    public static Comparison of(TradeOffs a, TradeOffs b, List<Prediction> topA, List<Prediction> topB,
                                float[] logitsA, float[] logitsB, String modelA, String modelB) {
        boolean bothLogits = logitsA != null && logitsB != null;
        boolean classesDiffer = bothLogits && logitsA.length != logitsB.length;
        // two heads over different class lists: a class index means different things, its label does not
        Function<Prediction, Object> key = classesDiffer ? Prediction::label : Prediction::index;
        boolean both = !topA.isEmpty() && !topB.isEmpty();
        Boolean same = both ? key.apply(topA.get(0)).equals(key.apply(topB.get(0))) : null;
        int overlap = -1;
        if (both) {
            Set<Object> inA = topA.stream().map(key).collect(Collectors.toSet());
            overlap = (int) topB.stream().filter(p -> inA.contains(key.apply(p))).count();
        }
        double kl = bothLogits && !classesDiffer ? PredictionMetrics.kl(logitsA, logitsB) : Double.NaN;
        return new Comparison(a, b, List.copyOf(topA), List.copyOf(topB), same, overlap, kl, classesDiffer, modelA, modelB);
    }
}
