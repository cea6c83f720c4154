package dev.patchexplorer.cli;

import dev.patchexplorer.model.catalog.ModelCache;
import dev.patchexplorer.model.catalog.ModelFolder;
import dev.patchexplorer.model.catalog.ModelLocations;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns {@code --model X [--models DIR[:DIR...]]} into a model folder. X is a folder path; or a bare
 * folder name looked up in the --models folders, then {@value ModelLocations#ENVIRONMENT_VARIABLE},
 * then the download cache: the exact name first (e.g. {@code vit_tiny_patch16_224.augreg_in21k_ft_in1k}),
 * else the first whose name without the tag matches (e.g. {@code vit_tiny_patch16_224}).
 */
final class ModelArgument {
    static final String MODEL = "model";
    static final String MODELS = "models";

    private ModelArgument() {}

    static Path resolve(Options o) throws UsageException {
        return resolve(o.require(MODEL), o.get(MODELS, null), System.getenv(ModelLocations.ENVIRONMENT_VARIABLE),
                ModelCache.standard());
    }

    static Path resolve(String model, String modelsOption, String environmentValue, ModelCache cache) throws UsageException {
        List<Path> roots = modelsOption == null ? List.of() : ModelLocations.parsePathList(modelsOption, File.pathSeparator);
        if (modelsOption != null && roots.isEmpty()) throw new UsageException("--models needs a folder");
        for (Path r : roots) {
            if (!Files.isDirectory(r)) throw new UsageException("models folder not found: " + r);
        }
        Path direct = Path.of(model);
        if (Files.isDirectory(direct)) return direct;
        if (!isBareName(model)) {
            if (!Files.exists(direct)) throw new UsageException("model folder not found: " + model);
            return direct; // a .safetensors file: the loader checks what it holds
        }
        ModelLocations locations = new ModelLocations(roots, Optional.empty(), environmentValue, cache);
        List<ModelFolder> found = locations.findModelFolders();
        return found.stream().filter(f -> f.name().equals(model)).findFirst()
                .or(() -> found.stream().filter(f -> untagged(f.name()).equals(model)).findFirst())
                .map(ModelFolder::folder)
                .orElseThrow(() -> new UsageException("no model folder named " + model + " in "
                        + locations.searchRoots().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
    }

    private static boolean isBareName(String s) {
        return !s.isEmpty() && !s.contains("/") && !s.contains(File.separator) && !s.equals(".") && !s.equals("..");
    }

    private static String untagged(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
