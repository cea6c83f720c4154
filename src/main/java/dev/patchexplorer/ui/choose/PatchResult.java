package dev.patchexplorer.ui.choose;

import dev.patchexplorer.core.sweep.SweepRow;

/**
 * One patch size of a sweep on the shown image: its row, and the class token's rollout over the
 * grid the pass ran on (row-major, {@code row.gridH()} x {@code row.gridW()}) for the thumbnail.
 */
public record PatchResult(SweepRow row, double[] rollout) {
    public PatchResult {
        if (rollout.length != row.gridH() * row.gridW()) throw new IllegalArgumentException("rollout does not fit the grid");
    }

    public int patch() {
        return row.patch();
    }

    /**
     * Rollout mass of cell {@code i} over the uniform share (1 / cells): a scale that compares across
     * patch sizes, since a finer grid spreads the same mass over more cells. 1 means average.
     */
    public double relativeMass(int i) {
        return rollout[i] * rollout.length;
    }
}
