package dev.patchexplorer.core.masking;

import java.util.Arrays;
import java.util.stream.IntStream;

/** Which patches of a rows x cols grid are masked, row by row. */
public record PatchMask(int rows, int cols, boolean[] masked) {
    public PatchMask {
        if (rows <= 0 || cols <= 0) throw new IllegalArgumentException("empty grid " + rows + "x" + cols);
        if (masked.length != rows * cols) throw new IllegalArgumentException(masked.length + " flags for a " + rows + "x" + cols + " grid");
        masked = masked.clone();
    }

    public boolean isMasked(int row, int col) {
        return masked[row * cols + col];
    }

    public int patches() {
        return masked.length;
    }

    public int maskedCount() {
        return (int) IntStream.range(0, masked.length).filter(i -> masked[i]).count();
    }

    public int visibleCount() {
        return patches() - maskedCount();
    }

    /** Row-major indices of the patches the encoder sees, ascending. */
    public int[] visibleIndices() {
        return IntStream.range(0, masked.length).filter(i -> !masked[i]).toArray();
    }

    @Override
    public boolean[] masked() {
        return masked.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PatchMask m && m.rows == rows && m.cols == cols && Arrays.equals(m.masked, masked);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(masked) * 31 + rows;
    }
}
