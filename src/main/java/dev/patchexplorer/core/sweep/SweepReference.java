package dev.patchexplorer.core.sweep;

/**
 * What every run on an image is compared with: the reference run's logits and its 60 %-mass rollout
 * mask on a gridH x gridW grid of cells {@code cellPixels} working pixels wide.
 */
public record SweepReference(int patch, float[] logits, boolean[] mask60, int gridH, int gridW, int cellPixels) {
    public SweepReference {
        if (mask60.length != gridH * gridW) throw new IllegalArgumentException("mask does not match the grid");
    }
}
