package dev.patchexplorer.spark;

import dev.patchexplorer.model.ModelLoadException;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.VisionModel;
import org.apache.spark.SparkFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The models of this JVM, loaded once each on first use and shared by every task (and the driver, in
 * local mode): ViT forward passes may run concurrently, so the task threads of an executor share one
 * copy of the weights instead of loading one per partition or per task. Kept for the life of the JVM.
 */
public final class ExecutorModels {
    private static final Map<String, ViTModel> MODELS = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private ExecutorModels() {}

    /**
     * The ViT named by {@code --model}: the path itself when this machine can read it (local mode, shared
     * storage); else the folder of that name shipped by Spark ({@code SparkContext.addFile} or
     * {@code --archives model.zip#NAME}); else the {@code config.json} + {@code model.safetensors} shipped
     * with {@code --files} into this executor's SparkFiles folder.
     */
    public static ViTModel get(String model) throws ModelLoadException {
        Path location = locate(model);
        String key = location.toAbsolutePath().normalize().toString();
        ViTModel loaded = MODELS.get(key);
        if (loaded != null) return loaded;
        synchronized (MODELS) {
            loaded = MODELS.get(key);
            if (loaded != null) return loaded;
            VisionModel m = ModelLoader.load(location);
            if (!(m instanceof ViTModel vit)) {
                m.close();
                throw new ModelLoadException("the Spark sweep runs ViT models only; " + model + " is a CNN");
            }
            LOADS.incrementAndGet();
            MODELS.put(key, vit);
            return vit;
        }
    }

    /** How many models this JVM has loaded; the tests check it is one per model. */
    public static int loads() {
        return LOADS.get();
    }

    /** The name rows are keyed by: the model folder's name (or the weights file's, without extension). */
    public static String nameOf(String model) {
        String s = model.replaceAll("[/\\\\]+$", "");
        String name = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
        return name.endsWith(".safetensors") ? name.substring(0, name.length() - ".safetensors".length()) : name;
    }

    static Path locate(String model) throws ModelLoadException {
        Path given = Path.of(model);
        if (Files.exists(given)) return given;
        String root;
        try {
            root = SparkFiles.getRootDirectory();
        } catch (RuntimeException e) {
            root = null; // no Spark here
        }
        if (root != null) {
            Path shipped = Path.of(root, given.getFileName().toString());
            if (Files.exists(shipped)) return shipped;
            Path flat = Path.of(root);
            if (Files.isRegularFile(flat.resolve("config.json")) && Files.isRegularFile(flat.resolve("model.safetensors"))) return flat;
        }
        throw new ModelLoadException("no model at " + model + " on this machine, nor shipped to it with --files or --archives");
    }
}
