package dev.patchexplorer.core.attention;

import java.util.Arrays;

/**
 * The high-norm "artifact" patches of a ViT (Darcet et al., "Vision Transformers Need Registers", ICLR 2024):
 * a few patches, often in background or at the corners, that the network repurposes to hold global
 * information. They show as outliers in output norm and, because every query attends to them, as
 * attention sinks. This finds them from the attention alone, the arrays every pass returns: a patch is an
 * artifact when the attention it receives in the reference layer (the last), averaged over every query and
 * head, exceeds {@link #FACTOR} times the median patch's. On ViT-Ti the four corner patches receive 57 to
 * 900 times the median at 224 px and the largest other patch at most 20 times, so 30 sits between them.
 *
 * @param flags  gridH x gridW, row-major: true for an artifact patch
 * @param ratio  each patch's received attention over the median patch's (NaN everywhere when the median is 0)
 */
public record ArtifactTokens(boolean[] flags, double[] ratio) {
    /** Received attention over the median patch's above which a patch is an artifact. */
    public static final double FACTOR = 30;

    /** None flagged: for a pass whose reference layer was not copied out, or a model without patches to compare. */
    public static ArtifactTokens none(int patches) {
        double[] ratio = new double[patches];
        Arrays.fill(ratio, Double.NaN);
        return new ArtifactTokens(new boolean[patches], ratio);
    }

    /** Detects them in {@code layer} (one layer's attention, [head][query][key]). */
    public static ArtifactTokens detect(float[] layer, AttentionLayout layout) {
        double[] received = received(layer, layout);
        double median = median(received);
        boolean[] flags = new boolean[received.length];
        double[] ratio = new double[received.length];
        if (!(median > 0)) {
            return none(received.length); // nothing to measure against: flag nothing rather than everything
        }
        for (int k = 0; k < received.length; k++) {
            ratio[k] = received[k] / median;
            flags[k] = ratio[k] > FACTOR;
        }
        return new ArtifactTokens(flags, ratio);
    }

    /** How many patches are flagged. */
    public int count() {
        int c = 0;
        for (boolean f : flags) if (f) c++;
        return c;
    }

    /** The mean attention each patch receives, over every query token (prefix tokens included) and head. */
    static double[] received(float[] layer, AttentionLayout layout) {
        layout.checkLayer(layer);
        int n = layout.tokens();
        int p = layout.prefixTokens();
        double[] r = new double[layout.patches()];
        for (int row = 0; row < layout.heads() * n; row++) {
            int base = row * n + p;
            for (int k = 0; k < r.length; k++) r[k] += layer[base + k];
        }
        for (int k = 0; k < r.length; k++) r[k] /= (double) layout.heads() * n;
        return r;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
