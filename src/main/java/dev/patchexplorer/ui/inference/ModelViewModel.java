package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.tradeoff.VitArchitecture;
import dev.patchexplorer.model.ModelLoadException;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.ViTSpec;
import dev.patchexplorer.model.VisionModel;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The loaded ViT, if any. Loading runs on the injected executor; a failed load leaves the previous
 * model working and explains itself in the explorer's problem banner. While a ViT is loaded the
 * readouts describe its architecture.
 */
public final class ModelViewModel {
    /** The checkpoint loaded at startup when the models folder is configured. */
    public static final String DEFAULT_FOLDER = "vit_tiny_patch16_224.augreg_in21k_ft_in1k";

    private final ExplorerViewModel explorer;
    private final Executor executor;
    private final ReadOnlyObjectWrapper<ViTModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final AtomicLong generation = new AtomicLong();
    private VitArchitecture architectureBefore;

    /** {@code executor} should run one task at a time: the model is closed there after any running pass. */
    public ModelViewModel(ExplorerViewModel explorer, Executor executor) {
        this.explorer = explorer;
        this.executor = executor;
    }

    /** Loads {@code folder} in the background; on success it replaces (and then closes) the current model. */
    public void loadModel(Path folder) {
        long gen = generation.incrementAndGet();
        loading.set(true);
        executor.execute(() -> {
            try {
                VisionModel loaded = ModelLoader.load(folder);
                if (!(loaded instanceof ViTModel vit)) {
                    String arch = loaded.config().architecture();
                    loaded.close();
                    Platform.runLater(() -> failed(gen, Messages.format("model.error.notVit", arch)));
                    return;
                }
                Platform.runLater(() -> loaded(gen, vit));
            } catch (ModelLoadException e) {
                Platform.runLater(() -> failed(gen, Messages.format("model.error.load", folder.getFileName(), e.getMessage())));
            } catch (RuntimeException | LinkageError e) {
                Platform.runLater(() -> failed(gen, Messages.format("model.error.load", folder.getFileName(), String.valueOf(e.getMessage()))));
            }
        });
    }

    private void loaded(long gen, ViTModel vit) {
        if (gen != generation.get()) { // superseded by a newer load or a close
            executor.execute(vit::close);
            return;
        }
        loading.set(false);
        ViTModel old = model.get();
        if (old == null) architectureBefore = explorer.architectureProperty().get();
        explorer.architectureProperty().set(architectureOf(vit.spec()));
        model.set(vit);
        if (old != null) executor.execute(old::close);
    }

    private void failed(long gen, String message) {
        if (gen != generation.get()) return;
        loading.set(false);
        explorer.reportProblem(message);
    }

    /** Forgets the model; it is closed on the executor once any pass running on it has finished. */
    public void closeModel() {
        generation.incrementAndGet();
        loading.set(false);
        ViTModel old = model.get();
        if (old == null) return;
        model.set(null);
        if (architectureBefore != null) explorer.architectureProperty().set(architectureBefore);
        executor.execute(old::close);
    }

    /** Loads the default checkpoint when {@code patchexplorer.models} or {@code PATCHEXPLORER_MODELS} names a folder holding it. */
    public boolean autoLoad() {
        Path folder = configuredFolder(System.getProperty("patchexplorer.models"));
        if (folder == null) folder = configuredFolder(System.getenv("PATCHEXPLORER_MODELS"));
        if (folder == null) return false;
        loadModel(folder);
        return true;
    }

    static Path configuredFolder(String setting) {
        if (setting == null || setting.isBlank() || setting.startsWith("${")) return null;
        try {
            Path p = Path.of(setting.trim()).resolve(DEFAULT_FOLDER);
            return Files.isDirectory(p) ? p : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The readouts' description of a loaded checkpoint. */
    public static VitArchitecture architectureOf(ViTSpec s) {
        double mlpRatio = s.mlpHidden() > 0 ? (double) s.mlpHidden() / s.dim() : 4.0;
        return new VitArchitecture(s.architecture(), s.dim(), s.depth(), s.heads(), mlpRatio,
                s.classToken() ? 1 : 0, s.registerTokens(), s.distillationToken() ? 1 : 0,
                Math.max(0, s.numClasses()), 3, s.nativePatch(), s.nativeGridH() * s.nativePatch());
    }

    public ReadOnlyObjectProperty<ViTModel> modelProperty() { return model.getReadOnlyProperty(); }
    public ViTModel getModel() { return model.get(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ExplorerViewModel explorer() { return explorer; }
}
