package dev.patchexplorer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** What the arrays a manager holds take, counted from their shapes and types (a view counts as its own array). */
final class HeldArrays {
    private HeldArrays() {}

    static long bytes(NDManager m) {
        long sum = 0;
        for (NDArray a : m.getManagedArrays()) sum += a.getShape().size() * a.getDataType().getNumOfBytes();
        return sum;
    }
}
