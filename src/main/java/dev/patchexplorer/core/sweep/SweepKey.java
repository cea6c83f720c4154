package dev.patchexplorer.core.sweep;

/** One cell of a sweep: an image at a patch size. */
public record SweepKey(String image, int patch) {}
