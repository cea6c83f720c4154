package dev.patchexplorer.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The PyTorch engine's intra-op thread count. It is set at engine start from
 * {@code ai.djl.pytorch.num_threads}, and may be changed later, as PyTorch's own
 * {@code torch.set_num_threads} may (the benchmark compares 1 and 2 threads in one run).
 */
public final class EngineThreads {
    private EngineThreads() {}

    public static void set(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        Engine.getEngine("PyTorch"); // loads the native library first
        JniUtils.setNumThreads(threads);
    }

    public static int get() {
        Engine.getEngine("PyTorch");
        return JniUtils.getNumThreads();
    }
}
