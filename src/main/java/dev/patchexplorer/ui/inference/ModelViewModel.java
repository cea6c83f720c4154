package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.tradeoff.VitArchitecture;
import dev.patchexplorer.model.CnnModel;
import dev.patchexplorer.model.ModelLoadException;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;
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
import java.util.logging.Logger;

/**
 * The loaded model, if any: a ViT (which drives the attention heatmap) or a CNN (receptive fields,
 * top-5). Loading runs on the injected executor; a failed load leaves the previous model working
 * and explains itself in the explorer's problem banner. While a ViT is loaded the readouts describe
 * its architecture; while a CNN is loaded they go back to the ViT picked by hand, since a CNN has
 * no patch tokens to cost.
 */
public final class ModelViewModel {
    private static final Logger LOG = Logger.getLogger(ModelViewModel.class.getName());
    /** The checkpoint loaded at startup when the models folder is configured. */
    public static final String DEFAULT_FOLDER = "vit_tiny_patch16_224.augreg_in21k_ft_in1k";

    private final ExplorerViewModel explorer;
    private final Executor executor;
    private final ReadOnlyObjectWrapper<VisionModel> loadedModel = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final ReadOnlyObjectWrapper<ViTModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyObjectWrapper<CnnModel> cnn = new ReadOnlyObjectWrapper<>(this, "cnn");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    /** The checkpoint folder of the loaded model (a session names it), or null. */
    private final javafx.beans.property.ReadOnlyObjectWrapper<Path> loadedFolder =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "loadedFolder");
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
                Platform.runLater(() -> loaded(gen, loaded, folder));
            } catch (ModelLoadException e) {
                Platform.runLater(() -> failed(gen, Messages.format("model.error.load", folder.getFileName(), e.getMessage())));
            } catch (RuntimeException | LinkageError e) {
                Platform.runLater(() -> failed(gen, Messages.format("model.error.load", folder.getFileName(), String.valueOf(e.getMessage()))));
            }
        });
    }

    private void loaded(long gen, VisionModel now, Path folder) {
        if (gen != generation.get()) { // superseded by a newer load or a close
            executor.execute(now::close);
            return;
        }
        loading.set(false);
        VisionModel old = loadedModel.get();
        if (now instanceof ViTModel vit) {
            if (!(old instanceof ViTModel)) architectureBefore = explorer.architectureProperty().get();
            explorer.architectureProperty().set(vit.spec().readoutArchitecture());
        } else {
            restoreArchitecture(old);
        }
        loadedFolder.set(folder.toAbsolutePath().normalize());
        // The general property first: listeners of the specific ones may ask what else is loaded.
        loadedModel.set(now);
        model.set(now instanceof ViTModel vit ? vit : null);
        cnn.set(now instanceof CnnModel c ? c : null);
        if (old != null) executor.execute(old::close);
    }

    /** Back to the hand-picked architecture when the loaded ViT goes away. */
    private void restoreArchitecture(VisionModel old) {
        if (old instanceof ViTModel && architectureBefore != null) explorer.architectureProperty().set(architectureBefore);
    }

    private void failed(long gen, String message) {
        if (gen != generation.get()) return;
        loading.set(false);
        LOG.info(() -> "Model refused: " + message);
        explorer.reportProblem(message);
    }

    /** Forgets the model; it is closed on the executor once any pass running on it has finished. */
    public void closeModel() {
        generation.incrementAndGet();
        loading.set(false);
        VisionModel old = loadedModel.get();
        if (old == null) return;
        restoreArchitecture(old);
        loadedFolder.set(null);
        loadedModel.set(null);
        model.set(null);
        cnn.set(null);
        executor.execute(old::close);
    }

    /**
     * Loads the checkpoint folder named by {@code patchexplorer.model} (e.g. a CNN to start with), else the
     * default checkpoint when {@code patchexplorer.models} or {@code PATCHEXPLORER_MODELS} names a folder holding it.
     */
    public boolean autoLoad() {
        String chosen = System.getProperty("patchexplorer.model");
        if (chosen != null && !chosen.isBlank()) {
            loadModel(Path.of(chosen.trim())); // a wrong path says so in the banner
            return true;
        }
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


    /** The loaded ViT, or null (none loaded, or a CNN). */
    public ReadOnlyObjectProperty<ViTModel> modelProperty() { return model.getReadOnlyProperty(); }
    public ViTModel getModel() { return model.get(); }
    /** Whatever is loaded, ViT or CNN. */
    public ReadOnlyObjectProperty<VisionModel> loadedProperty() { return loadedModel.getReadOnlyProperty(); }
    public VisionModel getLoaded() { return loadedModel.get(); }
    /** The loaded CNN, or null. */
    public ReadOnlyObjectProperty<CnnModel> cnnProperty() { return cnn.getReadOnlyProperty(); }
    public CnnModel getCnn() { return cnn.get(); }
    public ReadOnlyObjectProperty<Path> loadedFolderProperty() { return loadedFolder.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ExplorerViewModel explorer() { return explorer; }
}
