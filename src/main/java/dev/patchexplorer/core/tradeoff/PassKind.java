package dev.patchexplorer.core.tradeoff;

/** What a pass through a model produces, which decides what it holds in memory ({@link PassMemory}). */
public enum PassKind {
    /** Class scores only. */
    LOGITS,
    /** Class scores and every layer's attention, copied out into Java arrays (the heatmaps). */
    ATTENTION_MAPS,
    /** A backward pass to the input (saliency, effective receptive field). */
    GRADIENT
}
