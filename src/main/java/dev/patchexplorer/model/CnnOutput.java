package dev.patchexplorer.model;

/** One CNN forward pass. */
public record CnnOutput(float[] logits) {}
