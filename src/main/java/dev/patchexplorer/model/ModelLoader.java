package dev.patchexplorer.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens a timm checkpoint (folder with config.json + model.safetensors, or the .safetensors file
 * with config.json beside it), checks it, and builds the matching architecture. Everything that
 * can be wrong with the files is reported as a {@link ModelLoadException} naming the problem.
 */
public final class ModelLoader {
    private ModelLoader() {}

    enum Family { VIT, MOBILENETV2, RESNET }

    public static VisionModel load(Path location) throws ModelLoadException {
        CheckpointFiles files = CheckpointFiles.locate(location);
        ModelConfig config = ModelConfig.read(files.config());
        Family family = familyOf(config.architecture());
        SafetensorsFile st = SafetensorsFile.open(files.weights());
        NDManager root = newRootManager();
        Weights weights = new Weights(st, root);
        try {
            return switch (family) {
                case VIT -> new ViTModel(config, weights, ViTWeights.load(config, weights));
                case MOBILENETV2 -> new CnnModel(config, weights, MobileNetV2Builder.build(config, weights));
                case RESNET -> new CnnModel(config, weights, ResNetBuilder.build(config, weights));
            };
        } catch (ModelLoadException | RuntimeException e) {
            weights.close();
            throw e;
        }
    }

    static Family familyOf(String architecture) throws ModelLoadException {
        String a = architecture.toLowerCase(Locale.ROOT);
        if (a.startsWith("vit_") || a.startsWith("deit") || a.startsWith("flexivit")) return Family.VIT;
        if (a.startsWith("mobilenetv2")) return Family.MOBILENETV2;
        if (a.matches("resnet\\d+.*")) return Family.RESNET;
        throw new ModelLoadException("unknown architecture '" + SafetensorsEntries.shown(architecture)
                + "' in config.json: this app runs vit_*, deit*, flexivit*, mobilenetv2_* and resnet18/34/50/101/152 checkpoints");
    }

    private static NDManager newRootManager() throws ModelLoadException {
        try {
            return Engine.getEngine("PyTorch").newBaseManager();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // the cause (kept for the log) names native libraries and classes; the sentence says what to do
            throw new ModelLoadException("the PyTorch engine could not start, so no model can run; "
                    + "reinstall the app, or check that this system is one it supports", e);
        }
    }
}
