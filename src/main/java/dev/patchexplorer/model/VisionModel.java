package dev.patchexplorer.model;

/**
 * A loaded checkpoint, ready to run. Holds its weights once in native memory until {@link #close()}.
 * Calls may come from any thread (never the FX thread: they take tens to hundreds of milliseconds);
 * gradient calls are serialised process-wide because DJL's PyTorch gradient collector is global.
 */
public sealed interface VisionModel extends AutoCloseable permits ViTModel, CnnModel {
    ModelConfig config();

    /** 0 for a head-less (feature) checkpoint. */
    int numClasses();

    @Override
    void close();
}
