package dev.patchexplorer.core.sweep;

/**
 * One patch size's results averaged over the images of a sweep. Agreements are fractions (0..1).
 */
public record PatchAggregate(int patch, int images, int tokens, double gmacs,
                             double agreeTop1, double agreeTop5, double kl, double confidence, double margin,
                             double entropy, double attentionEntropy, double meanAttentionDistancePx,
                             double rolloutArea60Px2, double heatmapIou60, double meanMs) {}
