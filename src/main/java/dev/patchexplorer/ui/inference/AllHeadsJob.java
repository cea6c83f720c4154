package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.AttentionBudget;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.ViTOutput;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.io.LoadedImage;
import dev.patchexplorer.ui.jobs.LatestJob;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The All heads window's pass: one forward pass that copies every layer's attention (the heatmap's
 * pass copies only the layers its map reads), then the class token's or the clicked patch's row in
 * every head. Switching between the two, or clicking another patch, reuses the pass. Runs only while
 * its window is open ({@link #seenWhile}), in the attention job's patch mode.
 */
public final class AllHeadsJob {
    /** Whose attention the grid shows. */
    public enum Query { CLASS_TOKEN, CLICKED_PATCH }

    private final ExplorerViewModel explorer;
    private final ModelViewModel models;
    private final ObjectProperty<PatchMode> mode;
    private final ObjectProperty<Query> query = new SimpleObjectProperty<>(this, "query", Query.CLASS_TOKEN);
    private final ReadOnlyObjectWrapper<AllHeads> heads = new ReadOnlyObjectWrapper<>(this, "heads");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final LatestJob job;
    private Pass last; // FX thread

    private record Pass(ViTOutput output, PatchGrid grid) {}

    public AllHeadsJob(ExplorerViewModel explorer, ModelViewModel models, ObjectProperty<PatchMode> mode, Executor executor) {
        this.explorer = explorer;
        this.models = models;
        this.mode = mode;
        this.job = new LatestJob("all-heads", executor, AttentionJob.DEBOUNCE, this::run);
        job.onFailure(e -> {
            clear();
            note.set(Messages.format("attention.error", e instanceof dev.patchexplorer.model.ModelLoadException
                    || e instanceof IllegalArgumentException ? PassProblems.describe((Exception) e) : String.valueOf(e.getMessage())));
        });
        job.onSeenAgain(this::schedule);
        for (Observable o : new Observable[] {explorer.imageProperty(), mode, models.modelProperty()}) o.addListener(x -> schedule());
        explorer.gridProperty().addListener((o, was, now) -> {
            if (!Objects.equals(was, now)) schedule();
        });
        query.addListener(x -> remap());
        explorer.selectedPatchProperty().addListener(x -> {
            if (query.get() == Query.CLICKED_PATCH) remap();
        });
    }

    public void seenWhile(ObservableBooleanValue window) {
        job.seenWhile(window);
    }

    public void schedule() {
        if (models.getModel() == null || explorer.getImage() == null) {
            clear();
            return;
        }
        job.schedule(heads.get() != null);
    }

    private void clear() {
        job.cancel();
        last = null;
        heads.set(null);
        note.set("");
    }

    private void run() {
        ViTModel model = models.getModel();
        LoadedImage image = explorer.getImage();
        WorkingResolution w = explorer.getWorking();
        PatchGrid grid = explorer.getGrid();
        if (model == null || image == null || w == null || grid == null || grid.isEmpty()) {
            clear();
            return;
        }
        PatchMode m = mode.get();
        job.start(superseded -> {
            model.checkMemory(PassKind.ATTENTION_MAPS, grid.rows(), grid.cols(),
                    new AttentionBudget.Setting(m, grid.patch(), w.width(), w.height()));
            InputPlan plan = GridInput.plan(m, grid, model.spec().nativePatch());
            ChwImage input = AttentionJob.modelInput(image.pixels(), w, grid, plan, model.config());
            ViTOutput out = model.forward(input, plan.modelPatch(), l -> true, superseded);
            return superseded.getAsBoolean() ? null : new Pass(out, grid);
        }, pass -> {
            last = pass;
            show(pass);
        });
    }

    private void remap() {
        if (last != null) show(last);
    }

    private void show(Pass pass) {
        if (query.get() == Query.CLASS_TOKEN && pass.output().prefixTokens() == 0) {
            heads.set(null);
            note.set(Messages.get("attention.note.noClassToken"));
            return;
        }
        int selected = explorer.selectedPatchProperty().get();
        int row = -1, col = -1;
        if (query.get() == Query.CLICKED_PATCH) {
            if (selected < 0 || selected >= pass.grid().patchCount()) {
                heads.set(null);
                note.set(Messages.get("attention.note.clickPatch"));
                return;
            }
            row = pass.grid().row(selected);
            col = pass.grid().column(selected);
        }
        note.set("");
        heads.set(AllHeads.of(pass.output(), pass.grid(), row, col));
    }

    public ObjectProperty<Query> queryProperty() { return query; }
    public ReadOnlyObjectProperty<AllHeads> headsProperty() { return heads.getReadOnlyProperty(); }
    public AllHeads getHeads() { return heads.get(); }
    public ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty staleProperty() { return job.staleProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return job.busyProperty(); }
    public ModelViewModel models() { return models; }
}
