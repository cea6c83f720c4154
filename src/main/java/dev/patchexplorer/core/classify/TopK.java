package dev.patchexplorer.core.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Softmax and the k most probable classes of a logit vector. */
public final class TopK {
    private TopK() {}

    public static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) max = Math.max(max, v);
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) p[i] /= sum;
        return p;
    }

    public static int argmax(float[] values) {
        if (values.length == 0) throw new IllegalArgumentException("no values");
        int best = 0;
        for (int i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    public static List<Prediction> of(float[] logits, int k) {
        double[] p = softmax(logits);
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).reversed());
        List<Prediction> top = new ArrayList<>();
        for (int i = 0; i < Math.min(k, order.length); i++) {
            top.add(new Prediction(order[i], ImageNetLabels.labelOf(order[i], logits.length), p[order[i]]));
        }
        return top;
    }
}
