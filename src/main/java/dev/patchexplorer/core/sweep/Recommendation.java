package dev.patchexplorer.core.sweep;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The patch size a user can defend: the cheapest (fewest GMACs) whose mean top-1 agreement with the
 * reference is at least {@code minAgreement} and whose mean KL is at most {@code maxKl}; and the knee,
 * where agreement falls most between neighbouring patch sizes as the runs get cheaper.
 *
 * @param choice empty when no patch size meets both thresholds
 * @param knee   empty with fewer than two patch sizes or when agreement never falls
 */
public record Recommendation(double minAgreement, double maxKl, Optional<PatchAggregate> choice, Optional<Knee> knee) {

    /** Agreement falls from {@code before} to {@code after}, the next cheaper patch size. */
    public record Knee(PatchAggregate before, PatchAggregate after) {
        public double drop() {
            return before.agreeTop1() - after.agreeTop1();
        }
    }

    /**
     * @param minAgreement fraction 0..1 (0.9 for "at least 90 %")
     * @param maxKl        nats
     */
    public static Recommendation of(List<PatchAggregate> patches, double minAgreement, double maxKl) {
        if (!(minAgreement >= 0 && minAgreement <= 1)) throw new IllegalArgumentException("agreement must be in [0, 1]: " + minAgreement);
        if (!(maxKl >= 0)) throw new IllegalArgumentException("KL must be at least 0: " + maxKl);
        // cheapest first; at equal cost the larger patch (the coarser grid)
        Comparator<PatchAggregate> cheap = Comparator.comparingDouble(PatchAggregate::gmacs)
                .thenComparing(Comparator.comparingInt(PatchAggregate::patch).reversed());
        Optional<PatchAggregate> choice = patches.stream()
                .filter(a -> a.agreeTop1() >= minAgreement && a.kl() <= maxKl)
                .min(cheap);
        List<PatchAggregate> byCost = patches.stream().sorted(cheap.reversed()).toList(); // dearest first
        Knee knee = null;
        for (int i = 0; i + 1 < byCost.size(); i++) {
            Knee k = new Knee(byCost.get(i), byCost.get(i + 1));
            if (k.drop() > 0 && (knee == null || k.drop() > knee.drop())) knee = k;
        }
        return new Recommendation(minAgreement, maxKl, choice, Optional.ofNullable(knee));
    }
}
