package dev.patchexplorer.core.classify;

/** One class of a classifier's answer. */
public record Prediction(int index, String label, double probability) {}
