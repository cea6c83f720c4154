package dev.patchexplorer.model;

import java.nio.file.Files;
import java.nio.file.Path;

/** The two files of a timm checkpoint: a folder holding both, or the .safetensors with config.json beside it. */
public record CheckpointFiles(Path config, Path weights) {

    public static CheckpointFiles locate(Path location) throws ModelLoadException {
        if (location == null) throw new ModelLoadException("no model location given");
        if (!Files.exists(location)) throw new ModelLoadException("model location does not exist: " + location + "; choose a model folder that holds "
                + "config.json and model.safetensors");
        Path dir;
        Path weights;
        if (Files.isDirectory(location)) {
            dir = location;
            weights = location.resolve("model.safetensors");
            if (!Files.isRegularFile(weights)) {
                throw new ModelLoadException("folder " + location.getFileName() + " has no model.safetensors");
            }
        } else {
            if (!location.getFileName().toString().endsWith(".safetensors")) {
                throw new ModelLoadException(location.getFileName() + " is not a .safetensors file or a model folder");
            }
            weights = location;
            dir = location.toAbsolutePath().getParent();
        }
        Path config = dir.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            throw new ModelLoadException("no config.json in " + dir.getFileName()
                    + " (a timm model folder holds config.json beside model.safetensors)");
        }
        return new CheckpointFiles(config, weights);
    }
}
