package dev.patchexplorer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;

/**
 * Named tensors of a checkpoint, checked against the shapes an architecture expects and loaded
 * once into the model's long-lived manager. Expected shapes use -1 for "any size".
 * <p>Every loaded tensor is scanned for NaN and infinity (one pass over values that are copied
 * anyway). Such values do not refuse the load: a non-finite number in a tensor the network
 * multiplies away, or in a batch-norm buffer of an unused channel, can leave every output finite.
 * They are remembered so that a non-finite output can name its cause.
 */
final class Weights implements AutoCloseable {
    private final SafetensorsFile file;
    private final NDManager manager;
    private volatile String firstNaN;
    private volatile String firstInfinite;

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

    java.util.Set<String> names() {
        return file.names();
    }

    /** The shape of a tensor that must exist. */
    long[] shape(String name) throws ModelLoadException {
        return require(name).shape();
    }

    /** Largest size of one axis that defines an architecture (a width, a patch, a kernel). */
    static final long MAX_AXIS = 1 << 20;

    /**
     * Size of axis {@code axis} of a tensor that must exist and have at least {@code rank} axes:
     * a width, patch or kernel size read from the weights, refused when 0 or absurdly large.
     */
    int axis(String name, int rank, int axis) throws ModelLoadException {
        TensorInfo t = require(name);
        if (t.shape().length != rank) {
            throw new ModelLoadException("tensor " + name + " has " + t.shape().length + " axes " + t.shapeText() + " where "
                    + rank + " are expected; the checkpoint is damaged or of another architecture");
        }
        long n = t.shape()[axis];
        if (n < 1 || n > MAX_AXIS) {
            throw new ModelLoadException("tensor " + name + " has the impossible shape " + t.shapeText()
                    + "; the checkpoint is damaged, so download or export it again");
        }
        return (int) n;
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
        if (!SafetensorsFile.READABLE_DTYPES.contains(t.dtype())) {
            throw new ModelLoadException("tensor " + name + " has dtype " + t.dtype() + ", but this app reads only "
                    + "F32, F16, BF16 and F64 weights; export the model with one of those");
        }
        if (t.elements() == 0) {
            throw new ModelLoadException("tensor " + name + " is empty (shape " + t.shapeText()
                    + "); the checkpoint is damaged, so download or export it again");
        }
        float[] values = file.floats(name);
        scan(name, values);
        return values;
    }

    private void scan(String name, float[] values) {
        if (firstNaN != null && firstInfinite != null) return;
        for (float v : values) {
            if (Float.isNaN(v) && firstNaN == null) firstNaN = name;
            if (Float.isInfinite(v) && firstInfinite == null) firstInfinite = name;
        }
    }

    /** The first loaded tensor holding NaN, or null. */
    String firstNaNTensor() {
        return firstNaN;
    }

    /** The first loaded tensor holding +-infinity, or null. */
    String firstInfiniteTensor() {
        return firstInfinite;
    }

    private TensorInfo require(String name) throws ModelLoadException {
        TensorInfo t = file.info(name);
        if (t == null) {
            throw new ModelLoadException("missing tensor " + name + " in " + file.path().getFileName()
                    + ": the checkpoint is incomplete or of another architecture than its config.json names");
        }
        return t;
    }

    private static void checkShape(TensorInfo t, long[] expected) throws ModelLoadException {
        boolean ok = t.shape().length == expected.length;
        for (int i = 0; ok && i < expected.length; i++) ok = expected[i] < 0 || expected[i] == t.shape()[i];
        if (!ok) {
            throw new ModelLoadException("tensor " + t.name() + " has the wrong shape: expected "
                    + Arrays.toString(expected).replace("-1", "*") + ", got " + t.shapeText()
                    + "; the checkpoint does not match its config.json or is of another architecture");
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
