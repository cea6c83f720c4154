package dev.patchexplorer.ui.choose;

import dev.patchexplorer.core.sweep.Recommendation;
import dev.patchexplorer.ui.Messages;

import java.util.Locale;

/** The recommendation as one sentence in the user's language (the sweep command's, translated). */
public final class RecommendationText {
    private RecommendationText() {}

    /** @param reference the patch size the runs were compared with */
    public static String of(Recommendation r, int reference) {
        String x = num(r.minAgreement() * 100);
        String y = num(r.maxKl());
        String choice = r.choice()
                .map(c -> Messages.format("choose.rec.choice", "P" + c.patch(), "P" + reference, x, y,
                        String.format(Locale.ROOT, "%.3f", c.gmacs()), String.format(Locale.ROOT, "%.1f", 100 * c.agreeTop1()),
                        String.format(Locale.ROOT, "%.4f", c.kl())))
                .orElse(Messages.format("choose.rec.none", "P" + reference, x, y));
        return r.knee().map(k -> choice + " " + Messages.format("choose.rec.knee", "P" + k.before().patch(),
                String.format(Locale.ROOT, "%.1f", 100 * k.before().agreeTop1()), "P" + k.after().patch(),
                String.format(Locale.ROOT, "%.1f", 100 * k.after().agreeTop1()))).orElse(choice);
    }

    /** A threshold as typed: no trailing zeros. */
    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
