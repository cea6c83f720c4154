package dev.patchexplorer.ui.views.compare;

import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.inference.AttentionJob;
import dev.patchexplorer.ui.inference.ModelViewModel;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableBooleanValue;

import java.util.concurrent.Executor;

/**
 * The two panes' state. Pane A is the window's own: its explorer (the patch slider, grid settings)
 * and its attention job. Pane B is a second explorer on the same image and grid settings with its
 * own patch size, and a second {@link AttentionJob} on the same model (or one of B's own,
 * {@link PaneBModel}) with its own mode; its map settings (kind, layer, head, colours) follow A's so
 * the two maps answer the same question (layer and head only while both run the same model). B's
 * job runs only while the Compare view is shown, latest request winning, like every job.
 */
public final class CompareViewModel {
    /** B starts at twice ViT-Ti's patch: a quarter of the tokens, the comparison people ask for first. */
    static final int DEFAULT_PATCH_B = 32;

    private final ExplorerViewModel a;
    private final AttentionJob jobA;
    private final ExplorerViewModel b;
    private final AttentionJob jobB;
    private final ModelViewModel models;
    private final PaneBModel modelB;
    private boolean linkedLayers = true; // B's layer and head are A's (B runs A's model)
    private final IntegerProperty patchB = new SimpleIntegerProperty(this, "patchB", DEFAULT_PATCH_B);
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");

    /**
     * @param interactive the lane B's passes queue on (the window's interactive lane, as A's)
     * @param loads       where B's own model loads and closes (the window's inference thread, as A's)
     * @param shown       true while the Compare view is on screen; B's job idles otherwise
     */
    public CompareViewModel(ExplorerViewModel a, AttentionJob jobA, ModelViewModel models, Executor interactive,
                            Executor loads, ObservableBooleanValue shown) {
        this.a = a;
        this.jobA = jobA;
        this.models = models;
        // B never opens a file itself (its image is A's), so its loader executor is never used
        this.b = new ExplorerViewModel(Runnable::run);
        b.imageProperty().bind(a.imageProperty());
        b.workingSizeProperty().bind(a.workingSizeProperty());
        b.aspectModeProperty().bind(a.aspectModeProperty());
        b.offsetXProperty().bind(a.offsetXProperty());
        b.offsetYProperty().bind(a.offsetYProperty());
        b.edgePolicyProperty().bind(a.edgePolicyProperty());
        b.gridStyleProperty().bind(a.gridStyleProperty());
        b.architectureProperty().bind(a.architectureProperty());
        // a new architecture resets an explorer's patch to the native one; B keeps the size chosen for it.
        // Change listeners, so they run after the explorer's own (invalidation listeners run before any).
        b.architectureProperty().addListener((o, was, now) -> b.setPatch(patchB.get()));
        b.workingSizeProperty().addListener((o, was, now) -> b.setPatch(patchB.get()));
        patchB.addListener((o, was, now) -> b.setPatch(now.intValue()));
        b.setPatch(patchB.get());

        this.modelB = new PaneBModel(models, loads, new PaneBModel.Switching() {
            @Override public void before(ViTModel own) { beforeModelSwitch(own); }
            @Override public void after(ViTModel own) { afterModelSwitch(own); }
        });
        this.jobB = new AttentionJob(b, models, modelB.modelProperty(), interactive);
        jobB.modeProperty().set(jobA.modeProperty().get());
        jobB.mapKindProperty().bind(jobA.mapKindProperty());
        jobB.colorMapProperty().bind(jobA.colorMapProperty());
        jobB.opacityProperty().bind(jobA.opacityProperty());
        jobB.showHeatmapProperty().bind(jobA.showHeatmapProperty());
        jobB.massThresholdProperty().bind(jobA.massThresholdProperty());
        jobB.massPercentProperty().bind(jobA.massPercentProperty());
        jobB.markArtifactsProperty().bind(jobA.markArtifactsProperty());
        jobB.discountArtifactsProperty().bind(jobA.discountArtifactsProperty());
        jobB.colorScaleProperty().bind(jobA.colorScaleProperty());
        // both jobs set these themselves when a model loads, so they are linked both ways
        jobB.layerProperty().bindBidirectional(jobA.layerProperty());
        jobB.headProperty().bindBidirectional(jobA.headProperty());
        jobB.seenWhile(shown);
        // B's failures go to the window's banner, where A's go
        b.problemProperty().addListener((o, was, now) -> {
            if (now != null) a.reportProblem(now.message());
        });

        for (Observable o : new Observable[] {a.tradeOffsProperty(), b.tradeOffsProperty(),
                jobA.predictionsProperty(), jobB.predictionsProperty(), models.loadedFolderProperty(), modelB.modelProperty()}) {
            o.addListener(x -> compare());
        }
        compare();
    }

    /**
     * With a model of its own, B's readouts describe that model's architecture and its map its own
     * layers (their count may differ from A's); back on A's model, both follow A again. Runs before
     * B's job sees the new model, so the job's own reset of the layer stays with B.
     */
    private void beforeModelSwitch(ViTModel own) {
        if (own != null) {
            linkedLayers = false;
            jobB.layerProperty().unbindBidirectional(jobA.layerProperty());
            jobB.headProperty().unbindBidirectional(jobA.headProperty());
            b.architectureProperty().unbind();
            b.architectureProperty().set(own.spec().readoutArchitecture());
        } else if (!b.architectureProperty().isBound()) {
            b.architectureProperty().bind(a.architectureProperty());
        }
    }

    /** Back on A's model, after B's job has reset its layer: B takes A's layer and head, not A B's. */
    private void afterModelSwitch(ViTModel own) {
        if (own != null || linkedLayers) return;
        jobB.layerProperty().bindBidirectional(jobA.layerProperty());
        jobB.headProperty().bindBidirectional(jobA.headProperty());
        linkedLayers = true;
    }

    private void compare() {
        comparison.set(Comparison.of(a.getTradeOffs(), b.getTradeOffs(), jobA.predictionsProperty().get(),
                jobB.predictionsProperty().get(), jobA.logits(), jobB.logits(),
                PaneBModel.name(models), modelB.nameB()));
    }

    public ExplorerViewModel explorerA() { return a; }
    public AttentionJob jobA() { return jobA; }
    public ExplorerViewModel explorerB() { return b; }
    /** Which model B runs: A's or its own. */
    public PaneBModel modelB() { return modelB; }
    public AttentionJob jobB() { return jobB; }
    /** Pane B's patch size, as chosen (the explorer clamps it to the working image). */
    public IntegerProperty patchBProperty() { return patchB; }
    public javafx.beans.property.ObjectProperty<PatchMode> modeBProperty() { return jobB.modeProperty(); }
    public ReadOnlyObjectProperty<Comparison> comparisonProperty() { return comparison.getReadOnlyProperty(); }
    public Comparison getComparison() { return comparison.get(); }
}
