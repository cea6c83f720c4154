package dev.patchexplorer.core.grid;

/** How an image is brought to the working resolution. */
public enum AspectMode {
    /** Scale uniformly so the shorter side equals the working size (as timm resizes before cropping). */
    KEEP,
    /** Stretch to a square of the working size (what a fixed-input model is fed). */
    SQUASH
}
