package dev.patchexplorer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;

/**
 * Named tensors of a checkpoint, checked against the shapes an architecture expects and loaded
 * once into the model's long-lived manager. Expected shapes use -1 for "any size".
 */
final class Weights implements AutoCloseable {
    private final SafetensorsFile file;
    private final NDManager manager;

    Weights(SafetensorsFile file, NDManager manager) {
        this.file = file;
        this.manager = manager;
    }

    NDManager manager() {
        return manager;
    }

    boolean has(String name) {
        return file.has(name);
    }

    /** The shape of a tensor that must exist. */
    long[] shape(String name) throws ModelLoadException {
        return require(name).shape();
    }

    /** The tensor as a native array in the model manager, after checking its shape. */
    NDArray array(String name, long... expected) throws ModelLoadException {
        float[] values = floats(name, expected);
        return manager.create(values, new Shape(require(name).shape()));
    }

    /** The tensor, or null when the checkpoint does not have it. */
    NDArray optionalArray(String name, long... expected) throws ModelLoadException {
        return has(name) ? array(name, expected) : null;
    }

    /** The tensor's values in Java memory (for pieces resampled per request), after checking its shape. */
    float[] floats(String name, long... expected) throws ModelLoadException {
        TensorInfo t = require(name);
        checkShape(t, expected);
        return file.floats(name);
    }

    private TensorInfo require(String name) throws ModelLoadException {
        TensorInfo t = file.info(name);
        if (t == null) throw new ModelLoadException("missing tensor " + name + " in " + file.path().getFileName());
        return t;
    }

    private static void checkShape(TensorInfo t, long[] expected) throws ModelLoadException {
        boolean ok = t.shape().length == expected.length;
        for (int i = 0; ok && i < expected.length; i++) ok = expected[i] < 0 || expected[i] == t.shape()[i];
        if (!ok) {
            throw new ModelLoadException("tensor " + t.name() + " has the wrong shape: expected "
                    + Arrays.toString(expected).replace("-1", "*") + ", got " + t.shapeText());
        }
    }

    /**
     * Learned numbers in the checkpoint: every tensor except batch-norm statistics
     * (running_mean, running_var, num_batches_tracked), which are buffers, not parameters.
     */
    long parameterCount() {
        long n = 0;
        for (String name : file.names()) {
            if (name.endsWith(".running_mean") || name.endsWith(".running_var") || name.endsWith(".num_batches_tracked")) continue;
            n += file.info(name).elements();
        }
        return n;
    }

    @Override
    public void close() {
        manager.close();
    }
}
