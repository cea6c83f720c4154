package dev.patchexplorer.ui.views.compare;

import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.ModelViewModel;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.concurrent.Executor;

/**
 * Which ViT pane B runs: the window's (A's) or one of its own, opened from a checkpoint folder through
 * a second {@link ModelViewModel}, so it loads off the FX thread and is closed on the inference thread
 * after any pass still using it, as the window's model is. Only a ViT can be B's own model: a CNN is
 * closed again and, like a failed load, explained in {@link #noteProperty()}.
 */
public final class PaneBModel {
    private final ModelViewModel modelsA;
    private final ModelViewModel own;
    private final ReadOnlyObjectWrapper<ViTModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final Switching switching;

    /** Told when B changes model, before and after {@link #modelProperty()} changes; {@code own} null: back to A's. */
    interface Switching {
        void before(ViTModel own);
        void after(ViTModel own);
    }

    /**
     * @param loads        the window's inference thread (loads and closes in order, after running passes)
     * @param switching    told each time B's model changes between A's and its own
     */
    PaneBModel(ModelViewModel modelsA, Executor loads, Switching switching) {
        this.modelsA = modelsA;
        this.switching = switching;
        // ModelViewModel writes its explorer's architecture and reports failures there: B's own explorer
        // has its architecture bound to A's, so this one only receives them; the failures come back as the note
        ExplorerViewModel receiver = new ExplorerViewModel(Runnable::run);
        this.own = new ModelViewModel(receiver, loads);
        // an invalidation listener: the same failure twice is two equal records, which a change listener would miss
        receiver.problemProperty().addListener((Observable x) -> {
            ExplorerViewModel.Problem p = receiver.problemProperty().get();
            if (p != null) note.set(p.message());
        });
        own.modelProperty().addListener((o, was, now) -> switchTo(now));
        // the CNN property is set last, once the load is complete: only then can it be closed again
        own.cnnProperty().addListener((o, was, now) -> {
            if (now == null) return;
            note.set(Messages.format("compare.modelB.cnn", now.config().architecture()));
            own.closeModel();
        });
        modelsA.modelProperty().addListener((o, was, now) -> {
            if (own.getModel() == null) model.set(now);
        });
        model.set(modelsA.getModel());
    }

    /** Loads {@code folder} in the background as B's own model; it replaces (and closes) B's previous one. */
    public void load(Path folder) {
        note.set("");
        own.loadModel(folder);
    }

    /** B runs A's model again; its own one, if any, is closed. */
    public void useModelOfA() {
        note.set("");
        own.closeModel();
    }

    private void switchTo(ViTModel ownModel) {
        if (ownModel != null) note.set("");
        switching.before(ownModel);
        model.set(ownModel != null ? ownModel : modelsA.getModel());
        switching.after(ownModel);
    }

    /** The name the table shows for the ViT {@code models} holds: its checkpoint folder, else its architecture; null when none. */
    static String name(ModelViewModel models) {
        ViTModel m = models.getModel();
        if (m == null) return null;
        Path folder = models.loadedFolderProperty().get();
        return folder != null && folder.getFileName() != null ? folder.getFileName().toString() : m.spec().architecture();
    }

    /** The name of the model B runs. */
    String nameB() {
        return hasOwn() ? name(own) : name(modelsA);
    }

    public boolean hasOwn() { return own.getModel() != null; }
    /** The ViT pane B runs, or null. */
    public ReadOnlyObjectProperty<ViTModel> modelProperty() { return model.getReadOnlyProperty(); }
    public ViTModel getModel() { return model.get(); }
    /** B's own model's loader (its loading state, folder and model). */
    public ModelViewModel own() { return own; }
    /** Why B's last model choice did not take (a CNN, a failed load), or empty. */
    public ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }
}
