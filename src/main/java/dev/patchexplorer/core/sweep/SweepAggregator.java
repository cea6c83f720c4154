package dev.patchexplorer.core.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Averages rows per patch size as they come, keeping only running sums, so memory does not grow with
 * the number of images. Not thread-safe: feed it from one thread.
 */
public final class SweepAggregator {
    private static final int SUMS = 12;
    private final Map<Integer, double[]> sums = new TreeMap<>();
    private final Map<Integer, Integer> counts = new TreeMap<>();
    private final Map<Integer, Integer> tokens = new TreeMap<>();

    public void add(SweepRow r) {
        double[] s = sums.computeIfAbsent(r.patch(), p -> new double[SUMS]);
        double[] v = {r.gmacs(), r.agreeTop1(), r.agreeTop5(), r.kl(), r.top1Prob(), r.margin(), r.entropy(),
                r.attentionEntropy(), r.meanAttentionDistancePx(), r.rolloutArea60Px2(), r.heatmapIou60(), r.ms()};
        for (int i = 0; i < SUMS; i++) s[i] += v[i];
        counts.merge(r.patch(), 1, Integer::sum);
        tokens.put(r.patch(), r.tokens());
    }

    /** One aggregate per patch size seen, ascending by patch. */
    public List<PatchAggregate> result() {
        List<PatchAggregate> out = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : sums.entrySet()) {
            int n = counts.get(e.getKey());
            double[] s = e.getValue();
            double[] m = new double[SUMS];
            for (int i = 0; i < SUMS; i++) m[i] = s[i] / n;
            out.add(new PatchAggregate(e.getKey(), n, tokens.get(e.getKey()), m[0], m[1], m[2], m[3], m[4], m[5], m[6],
                    m[7], m[8], m[9], m[10], m[11]));
        }
        return out;
    }
}
