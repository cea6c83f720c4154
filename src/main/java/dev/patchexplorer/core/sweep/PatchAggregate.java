package dev.patchexplorer.core.sweep;

import java.util.Map;

/**
 * One patch size's results averaged over the images of a sweep, each quantity with its 95 %
 * interval. Agreements and accuracies are fractions (0..1); accuracies count labelled images only.
 *
 * @param images    the images run at this patch size
 * @param estimates every {@link SweepQuantity}
 */
public record PatchAggregate(int patch, int images, int tokens, double gmacs, Map<SweepQuantity, Estimate> estimates) {
    public PatchAggregate {
        estimates = Map.copyOf(estimates);
        for (SweepQuantity q : SweepQuantity.values()) {
            if (!estimates.containsKey(q)) throw new IllegalArgumentException("no estimate of " + q.jsonName());
        }
    }

    public Estimate estimate(SweepQuantity q) {
        return estimates.get(q);
    }

    public double mean(SweepQuantity q) {
        return estimates.get(q).mean();
    }

    public double agreeTop1() {
        return mean(SweepQuantity.AGREE_TOP1);
    }

    public double kl() {
        return mean(SweepQuantity.KL);
    }

    /** Images with a true class at this patch size. */
    public int labelledImages() {
        return estimates.get(SweepQuantity.ACCURACY_TOP1).n();
    }

    /** True when every image of this patch size had a true class (and there was one). */
    public boolean allLabelled() {
        return images > 0 && labelledImages() == images;
    }
}
