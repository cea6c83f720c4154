package dev.patchexplorer.core.sweep;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Averages rows per patch size as they come, keeping only running moments (count, mean, spread) per
 * quantity, so memory does not grow with the number of images. Not thread-safe: feed it from one thread.
 */
public final class SweepAggregator {
    private static final class PerPatch {
        final Map<SweepQuantity, RunningMean> means = new EnumMap<>(SweepQuantity.class);
        int images;
        int tokens;
        double gmacs;

        PerPatch() {
            for (SweepQuantity q : SweepQuantity.values()) means.put(q, new RunningMean());
        }
    }

    private final Map<Integer, PerPatch> patches = new TreeMap<>();

    public void add(SweepRow r) {
        PerPatch p = patches.computeIfAbsent(r.patch(), k -> new PerPatch());
        p.images++;
        p.tokens = r.tokens();
        p.gmacs = r.gmacs(); // the same for every image at one patch size
        for (SweepQuantity q : SweepQuantity.values()) {
            double v = q.of(r);
            if (!Double.isNaN(v)) p.means.get(q).add(v);
        }
    }

    /** One aggregate per patch size seen, ascending by patch. */
    public List<PatchAggregate> result() {
        List<PatchAggregate> out = new ArrayList<>();
        for (Map.Entry<Integer, PerPatch> e : patches.entrySet()) {
            PerPatch p = e.getValue();
            Map<SweepQuantity, Estimate> estimates = new EnumMap<>(SweepQuantity.class);
            for (SweepQuantity q : SweepQuantity.values()) estimates.put(q, p.means.get(q).estimate(q.proportion()));
            out.add(new PatchAggregate(e.getKey(), p.images, p.tokens, p.gmacs, estimates));
        }
        return out;
    }
}
