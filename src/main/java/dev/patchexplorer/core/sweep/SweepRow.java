package dev.patchexplorer.core.sweep;

/**
 * What one run of a model on one image at one patch size measured, compared with the reference run
 * on the same image. Distances and areas are in pixels of the working image ({@link SweepPlan#cellPixels()}).
 *
 * @param image                    the image's name as the sweep lists it
 * @param size                     the side of the square the grid was laid over ({@link SweepPlan#side()})
 * @param gmacs                    multiply-accumulates of the pass actually run, from {@code TradeOffs}
 * @param top1Prob                 the confidence: the largest class probability
 * @param agreeTop1                1 when the top-1 class is the reference's, else 0
 * @param agreeTop5                1 when the reference's top-1 class is in this run's top 5, else 0
 * @param kl                       KL(reference || this) of the class probabilities, nats
 * @param entropy                  predictive entropy of this run's class probabilities, nats
 * @param margin                   p1 - p2
 * @param attentionEntropy         {@link AttentionMetrics#normalisedEntropy} averaged over layers
 * @param attentionEntropyByLayer  the same per layer
 * @param meanAttentionDistancePx  {@link AttentionMetrics#meanDistancePixels} averaged over layers
 * @param meanAttentionDistanceByLayerPx the same per layer
 * @param rolloutArea60Px2         area of the patches holding 60 % of the class token's rollout
 * @param heatmapIou60             IoU in pixels of that mask with the reference's
 * @param ms                       wall time of the forward pass, milliseconds
 * @param correctTop1              1 when the top-1 class is the image's true class, 0 when not, {@link #UNKNOWN} without one
 * @param correctTop5              1 when the true class is in the top 5, 0 when not, {@link #UNKNOWN} without one
 */
public record SweepRow(String image, int patch, SweepMode mode, int size, int referencePatch, int gridH, int gridW,
                       int tokens, double gmacs, int top1Index, String top1Label, double top1Prob, int[] top5Indices,
                       int agreeTop1, int agreeTop5, double kl, double entropy, double margin,
                       double attentionEntropy, double[] attentionEntropyByLayer,
                       double meanAttentionDistancePx, double[] meanAttentionDistanceByLayerPx,
                       double rolloutArea60Px2, double heatmapIou60, double ms, int correctTop1, int correctTop5) {
    /** Correctness of a row whose image has no true class. */
    public static final int UNKNOWN = -1;

    /** A row of an image without a true class. */
    public SweepRow(String image, int patch, SweepMode mode, int size, int referencePatch, int gridH, int gridW,
                    int tokens, double gmacs, int top1Index, String top1Label, double top1Prob, int[] top5Indices,
                    int agreeTop1, int agreeTop5, double kl, double entropy, double margin,
                    double attentionEntropy, double[] attentionEntropyByLayer,
                    double meanAttentionDistancePx, double[] meanAttentionDistanceByLayerPx,
                    double rolloutArea60Px2, double heatmapIou60, double ms) {
        this(image, patch, mode, size, referencePatch, gridH, gridW, tokens, gmacs, top1Index, top1Label, top1Prob, top5Indices,
                agreeTop1, agreeTop5, kl, entropy, margin, attentionEntropy, attentionEntropyByLayer, meanAttentionDistancePx,
                meanAttentionDistanceByLayerPx, rolloutArea60Px2, heatmapIou60, ms, UNKNOWN, UNKNOWN);
    }

    /** True when the image's true class is known, so {@link #correctTop1()} and {@link #correctTop5()} are 0 or 1. */
    public boolean labelled() {
        return correctTop1 != UNKNOWN;
    }

    /**
     * This row judged against the image's true class (a class index), or made unlabelled by
     * {@link #UNKNOWN}: the predictions it holds decide, so a row read back can be judged again.
     */
    public SweepRow judged(int trueClass) {
        int top1 = UNKNOWN;
        int top5 = UNKNOWN;
        if (trueClass != UNKNOWN) {
            if (trueClass < 0) throw new IllegalArgumentException("class index " + trueClass);
            top1 = top1Index == trueClass ? 1 : 0;
            top5 = 0;
            for (int i : top5Indices) if (i == trueClass) top5 = 1;
        }
        return new SweepRow(image, patch, mode, size, referencePatch, gridH, gridW, tokens, gmacs, top1Index, top1Label, top1Prob,
                top5Indices, agreeTop1, agreeTop5, kl, entropy, margin, attentionEntropy, attentionEntropyByLayer,
                meanAttentionDistancePx, meanAttentionDistanceByLayerPx, rolloutArea60Px2, heatmapIou60, ms, top1, top5);
    }

    /** The key a sweep writes each row under once. */
    public SweepKey key() {
        return new SweepKey(image, patch);
    }
}
