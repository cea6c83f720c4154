package dev.patchexplorer.model.sweep;

import dev.patchexplorer.core.sweep.Estimate;
import dev.patchexplorer.core.sweep.PatchAggregate;
import dev.patchexplorer.core.sweep.Recommendation;
import dev.patchexplorer.core.sweep.SweepMode;
import dev.patchexplorer.core.sweep.SweepQuantity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON summary of a sweep: per patch size the means with their 95 % intervals (and accuracy where
 * images have a true class), then the recommendation. One builder for the {@code sweep} command and the
 * Spark job, so the two summaries cannot drift apart; each caller appends its own fields after it.
 */
public final class SweepSummary {
    /** What the rows were run with, and where they are ({@code outputKey}: "csv", "parquet"). */
    public record Run(String model, String architecture, SweepMode mode, int size, int referencePatch, String outputKey, String output) {}

    private SweepSummary() {}

    /** @param labelled the images of this run that have a true class */
    public static Map<String, Object> of(Run run, List<PatchAggregate> aggregates, int labelled, double minAgreement, double maxKl) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", run.model());
        m.put("architecture", run.architecture());
        m.put("mode", run.mode().word());
        m.put("size", run.size());
        m.put("reference_patch", run.referencePatch());
        m.put(run.outputKey(), run.output());
        m.put("labelled_images", labelled);
        m.put("intervals", "ci95: 95 % intervals over images; Wilson score for agreement and accuracy, "
                + "Student t (mean +- t(0.975, n-1) s / sqrt n) for the other means; absent for one image");
        List<Map<String, Object>> per = new ArrayList<>();
        for (PatchAggregate a : aggregates) per.add(aggregate(a));
        m.put("patches", per);
        m.put("recommendation", recommendation(Recommendation.of(aggregates, minAgreement, maxKl), run.referencePatch()));
        return m;
    }

    private static Map<String, Object> aggregate(PatchAggregate a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("patch", a.patch());
        m.put("images", a.images());
        m.put("tokens", a.tokens());
        m.put("gmacs", a.gmacs());
        Map<String, Object> ci = new LinkedHashMap<>();
        for (SweepQuantity q : SweepQuantity.values()) {
            Estimate e = a.estimate(q);
            boolean accuracy = q == SweepQuantity.ACCURACY_TOP1 || q == SweepQuantity.ACCURACY_TOP5;
            if (accuracy && e.n() == 0) continue; // no image of this patch size had a true class
            if (q == SweepQuantity.ACCURACY_TOP1) m.put("labelled_images", e.n());
            m.put(q.jsonName(), e.mean());
            if (e.hasInterval()) ci.put(q.jsonName(), List.of(e.low(), e.high()));
        }
        m.put("ci95", ci);
        return m;
    }

    private static Map<String, Object> recommendation(Recommendation r, int referencePatch) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("min_agreement_percent", r.minAgreement() * 100);
        rec.put("max_kl", r.maxKl());
        r.choice().ifPresent(c -> rec.put("patch", c.patch()));
        rec.put("text", recommendationText(r, referencePatch));
        r.knee().ifPresent(k -> {
            Map<String, Object> knee = new LinkedHashMap<>();
            knee.put("from_patch", k.before().patch());
            knee.put("to_patch", k.after().patch());
            knee.put("agree_top1_from", k.before().agreeTop1());
            knee.put("agree_top1_to", k.after().agreeTop1());
            rec.put("knee", knee);
        });
        return rec;
    }

    public static String recommendationText(Recommendation r, int reference) {
        String rule = String.format(Locale.ROOT, "top-1 agreement with P%d at least %s %% and KL at most %s",
                reference, SweepCsv.num(r.minAgreement() * 100), SweepCsv.num(r.maxKl()));
        String choice = r.choice().map(c -> String.format(Locale.ROOT,
                        "P%d is the cheapest patch size with %s: %.3f GMACs, %.1f %% agreement, KL %.4f over %d images.",
                        c.patch(), rule, c.gmacs(), 100 * c.agreeTop1(), c.kl(), c.images()))
                .orElse("No patch size has " + rule + ".");
        return choice + r.knee().map(k -> String.format(Locale.ROOT, " Agreement falls most from P%d (%.1f %%) to P%d (%.1f %%).",
                k.before().patch(), 100 * k.before().agreeTop1(), k.after().patch(), 100 * k.after().agreeTop1())).orElse("");
    }
}
