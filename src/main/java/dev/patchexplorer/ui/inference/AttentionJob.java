package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.classify.TopK;
import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.color.HeatScale;
import dev.patchexplorer.core.grid.EdgePolicy;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.image.WorkingImage;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.ModelConfig;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.model.AttentionBudget;
import dev.patchexplorer.model.ModelLoadException;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.ViTOutput;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.io.LoadedImage;
import dev.patchexplorer.ui.jobs.LatestJob;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.util.Duration;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Runs the loaded ViT on the current image whenever image, working size, patch size, mode or model
 * change (the grid's offset, stride and edge policy included), latest request wins. After a short debounce the
 * FX thread takes the inputs (references only: the image's pixels were copied once, when it was loaded), the
 * forward pass and the maps are computed on the injected executor, and a result is applied only
 * if no newer request was made meanwhile ({@link LatestJob}). While a request runs the previous heatmap is marked
 * {@linkplain #staleProperty() stale}; failures go to the explorer's problem banner and hide it. While nobody
 * can see the results ({@link #seenWhile}) no pass runs; the latest inputs run once somebody can.
 */
public final class AttentionJob {
    /**
     * Short: the time counts from the slider stopping. A pass that starts too early costs little, since
     * a newer request stops it at the next block and a queued one is skipped.
     */
    public static final Duration DEBOUNCE = Duration.millis(80);
    private static final Logger LOG = Logger.getLogger(AttentionJob.class.getName());

    private final ExplorerViewModel explorer;
    private final ModelViewModel models;
    /** The ViT this job runs: the window's, or for Compare's pane B maybe one of its own. */
    private final ObservableObjectValue<ViTModel> model;

    private final ObjectProperty<PatchMode> mode = new SimpleObjectProperty<>(this, "mode", PatchMode.RESIZE);
    private final ObjectProperty<MapKind> mapKind = new SimpleObjectProperty<>(this, "mapKind", MapKind.ROLLOUT);
    private final IntegerProperty layer = new SimpleIntegerProperty(this, "layer", 12);
    private final ObjectProperty<HeadChoice> head = new SimpleObjectProperty<>(this, "head", HeadChoice.MEAN);
    private final ObjectProperty<ColorMap> colorMap = new SimpleObjectProperty<>(this, "colorMap", ColorMap.VIRIDIS);
    private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 0.6);
    private final BooleanProperty showHeatmap = new SimpleBooleanProperty(this, "showHeatmap", true);
    private final BooleanProperty massThreshold = new SimpleBooleanProperty(this, "massThreshold", false);
    private final IntegerProperty massPercent = new SimpleIntegerProperty(this, "massPercent", 60);
    /*
     * By default the artifact patches (ArtifactTokens) are outlined and discounted: on ViT-Ti plain rollout
     * puts its brightest cells on the four corner patches, discounted it lights the cat's eyes (ArtifactDefaultTest).
     */
    private final BooleanProperty markArtifacts = new SimpleBooleanProperty(this, "markArtifacts", true);
    private final BooleanProperty discountArtifacts = new SimpleBooleanProperty(this, "discountArtifacts", true);
    private final ObjectProperty<HeatScale.Kind> colorScale = new SimpleObjectProperty<>(this, "colorScale", HeatScale.Kind.LINEAR);

    private final ReadOnlyObjectWrapper<Heatmap> heatmap = new ReadOnlyObjectWrapper<>(this, "heatmap");
    private final ReadOnlyObjectWrapper<HeadMaps> headMaps = new ReadOnlyObjectWrapper<>(this, "headMaps");
    private final ReadOnlyObjectWrapper<List<Prediction>> predictions =
            new ReadOnlyObjectWrapper<>(this, "predictions", List.of());
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyStringWrapper gridNote = new ReadOnlyStringWrapper(this, "gridNote", "");

    private final LatestJob job;
    private final Executor executor;
    private final AtomicInteger forwardPasses = new AtomicInteger();
    private long changedAt;       // FX thread: System.nanoTime() of the last input change, for PassTiming
    private PassTiming lastTiming; // FX thread: the applied pass's marks
    private boolean inferring;    // a forward pass for the latest request is under way, FX thread only
    private MapMaker.Inference last; // the latest applied forward pass
    private ExplorerViewModel.Problem reported; // this job's message in the banner, FX thread only

    /** What one forward pass hands to the FX thread. */
    private record Pass(MapMaker.Inference inference, List<Prediction> top, MapMaker.Result map, PassTiming marks) {}

    public AttentionJob(ExplorerViewModel explorer, ModelViewModel models, Executor executor) {
        this(explorer, models, models.modelProperty(), executor);
    }

    /** A job on {@code model} instead of the loaded one ({@code models} still answers {@link #models()}). */
    public AttentionJob(ExplorerViewModel explorer, ModelViewModel models, ObservableObjectValue<ViTModel> model, Executor executor) {
        this.explorer = explorer;
        this.models = models;
        this.model = model;
        this.executor = executor;
        this.job = new LatestJob("attention", executor, DEBOUNCE, this::runInference);
        job.onFailure(this::fail);
        job.onSeenAgain(this::schedule);
        for (Observable o : new Observable[] {explorer.imageProperty(), mode, model}) {
            o.addListener(x -> schedule());
        }
        // the grid object is rebuilt on every input change; only a different grid needs a new pass
        explorer.gridProperty().addListener((o, was, now) -> {
            if (!Objects.equals(was, now)) schedule();
        });
        for (Observable o : new Observable[] {mapKind, layer, head, explorer.selectedPatchProperty(), massThreshold, massPercent,
                markArtifacts, discountArtifacts, colorScale}) {
            o.addListener(x -> remap());
        }
        model.addListener((o, was, now) -> {
            if (now != null) {
                layer.set(now.spec().depth());
                if (head.get().isSingle() && head.get().head() >= now.spec().heads()) head.set(HeadChoice.MEAN);
            }
        });
    }

    /** Restarts the debounce; the pass starts once the inputs have been still for {@link #DEBOUNCE}. */
    public void schedule() {
        changedAt = System.nanoTime();
        if (model.get() == null || explorer.getImage() == null) {
            clear();
            return;
        }
        job.schedule(hasResult());
    }

    /**
     * The result can be seen while {@code viewer} (or another one given here) is true; while none is,
     * input changes only mark the heatmap stale and no pass runs until one turns true again.
     */
    public void seenWhile(ObservableBooleanValue viewer) {
        job.seenWhile(viewer);
    }

    private boolean hasResult() {
        return heatmap.get() != null || headMaps.get() != null;
    }

    private void clear() {
        job.cancel();
        inferring = false;
        last = null;
        heatmap.set(null);
        headMaps.set(null);
        predictions.set(List.of());
        note.set("");
        gridNote.set("");
    }

    /** Takes the inputs (FX thread, no copies) and starts the pass on the executor. */
    private void runInference() {
        ViTModel model = this.model.get();
        LoadedImage image = explorer.getImage();
        WorkingResolution w = explorer.getWorking();
        PatchGrid grid = explorer.getGrid();
        if (model == null || image == null || w == null || grid == null) {
            clear();
            return;
        }
        PatchMode m = mode.get();
        RgbImage rgb = image.pixels(); // the one copy made when the image was loaded: nothing is copied here
        MapMaker.Settings settings = settings();
        inferring = true;
        long changed = changedAt;
        long debounced = System.nanoTime();
        job.start(superseded -> {
            long started = System.nanoTime();
            // before an input that may not fit either
            model.checkMemory(PassKind.ATTENTION_MAPS, grid.rows(), grid.cols(),
                    new AttentionBudget.Setting(m, grid.patch(), w.width(), w.height()));
            InputPlan plan = GridInput.plan(m, grid, model.spec().nativePatch());
            ChwImage input = modelInput(rgb, w, grid, plan, model.config());
            long prepared = System.nanoTime();
            forwardPasses.incrementAndGet();
            ViTOutput out = model.forward(input, plan.modelPatch(), MapMaker.layersNeeded(settings, model.spec().depth()),
                    superseded);
            if (superseded.getAsBoolean()) return null;
            long forwarded = System.nanoTime();
            List<Prediction> top = out.logits().length == 0 ? List.of() : TopK.of(out.logits(), 5);
            MapMaker.Inference inference = new MapMaker.Inference(out, plan, grid);
            MapMaker.Result map = MapMaker.make(inference, settings);
            long mapped = System.nanoTime();
            return new Pass(inference, top, map, new PassTiming(changed, debounced, started, prepared, forwarded, mapped,
                    System.nanoTime(), 0));
        }, this::applyInference);
    }

    /**
     * The working image (bicubic from the original), cut along {@code grid} so that token (r, c)
     * sees grid cell (r, c), at the plan's patch size, normalised. Padding takes the mean colour.
     */
    static ChwImage modelInput(RgbImage original, WorkingResolution w, PatchGrid grid, InputPlan plan, ModelConfig config) {
        return GridInput.modelInput(WorkingImage.of(original, w), grid, plan, config.mean(), config.std());
    }

    private void applyInference(Pass pass) {
        MapMaker.Inference inference = pass.inference();
        PassTiming t = pass.marks().appliedNow();
        lastTiming = t;
        LOG.fine(() -> String.format(java.util.Locale.ROOT, "attention pass %d tokens: debounce %.0f, queue %.0f, input %.0f,"
                + " forward %.0f, maps %.0f, to FX %.0f ms", inference.grid().patchCount(), t.debounceMs(), t.queueMs(),
                t.prepareMs(), t.forwardMs(), t.mapMs(), t.toFxMs()));
        inferring = false;
        explorer.clearProblem(reported); // the heatmap is back: its old failure no longer holds
        reported = null;
        last = inference;
        predictions.set(pass.top());
        gridNote.set(gridNote(inference.grid()));
        applyMap(pass.map());
    }

    /** Says how the model saw a grid that is not the plain non-overlapping one, or "" when it is. */
    static String gridNote(PatchGrid g) {
        StringBuilder s = new StringBuilder();
        if (g.stride() != g.patch()) {
            s.append(Messages.format(g.stride() < g.patch() ? "attention.grid.overlap" : "attention.grid.gaps",
                    g.stride(), g.patch(), g.rows(), g.cols()));
        }
        if (g.spec().edge() == EdgePolicy.PAD && g.paddedPixels() > 0) {
            if (s.length() > 0) s.append(' ');
            s.append(Messages.get("attention.grid.padded"));
        }
        return s.toString();
    }

    /** The latest request failed: no heatmap, and the banner says why. */
    private void fail(Throwable e) {
        String message = Messages.format("attention.error", e instanceof ModelLoadException || e instanceof IllegalArgumentException
                ? PassProblems.describe((Exception) e) : String.valueOf(e.getMessage()));
        clear();
        LOG.info(() -> "Attention pass refused or failed: " + message);
        reported = explorer.reportProblem(message);
    }

    /** Only the map settings changed: recompute the map from the last pass, no new forward pass. */
    private void remap() {
        MapMaker.Inference inference = last;
        if (inferring || job.debouncing()) {
            schedule(); // the pass under way used the old settings: run it again with the new ones
            return;
        }
        if (inference == null) return;
        if (!inference.covers(settings())) {
            schedule(); // the last pass copied out only the layer it showed: this map needs another pass
            return;
        }
        MapMaker.Settings settings = settings();
        job.runNow(hasResult(), superseded -> {
            try {
                return MapMaker.make(inference, settings);
            } catch (RuntimeException e) {
                return new MapMaker.Result(null, String.valueOf(e.getMessage()), null);
            }
        }, this::applyMap);
    }

    private void applyMap(MapMaker.Result map) {
        heatmap.set(map.heatmap());
        headMaps.set(map.heads());
        note.set(map.note() == null ? "" : map.note());
    }

    private MapMaker.Settings settings() {
        int selected = explorer.selectedPatchProperty().get();
        PatchGrid g = explorer.getGrid();
        int row = -1, col = -1;
        if (selected >= 0 && g != null && selected < g.patchCount()) {
            row = g.row(selected);
            col = g.column(selected);
        }
        double fraction = massThreshold.get() ? Math.max(0, Math.min(100, massPercent.get())) / 100.0 : Double.NaN;
        return new MapMaker.Settings(mapKind.get(), layer.get(), head.get(), row, col, fraction, markArtifacts.get(),
                discountArtifacts.get(), colorScale.get() == null ? HeatScale.Kind.LINEAR : colorScale.get());
    }

    /**
     * The class logits of the pass on screen (null before the first, or without a head); FX thread.
     * Set before {@link #predictionsProperty()} changes, so its listeners read the matching logits.
     */
    public float[] logits() {
        MapMaker.Inference shown = last;
        return shown == null || shown.output().logits().length == 0 ? null : shown.output().logits();
    }

    public ObjectProperty<PatchMode> modeProperty() { return mode; }
    public ObjectProperty<MapKind> mapKindProperty() { return mapKind; }
    public IntegerProperty layerProperty() { return layer; }
    public ObjectProperty<HeadChoice> headProperty() { return head; }
    public ObjectProperty<ColorMap> colorMapProperty() { return colorMap; }
    public DoubleProperty opacityProperty() { return opacity; }
    public BooleanProperty showHeatmapProperty() { return showHeatmap; }
    public ReadOnlyBooleanProperty busyProperty() { return job.busyProperty(); }
    public ReadOnlyBooleanProperty staleProperty() { return job.staleProperty(); }
    /** True while the inputs have changed but nobody can see the heatmap, so no pass runs (see {@link #seenWhile}). */
    public ReadOnlyBooleanProperty deferredProperty() { return job.deferredProperty(); }
    public BooleanProperty massThresholdProperty() { return massThreshold; }
    public IntegerProperty massPercentProperty() { return massPercent; }
    /** Outline the artifact patches on the viewer. */
    public BooleanProperty markArtifactsProperty() { return markArtifacts; }
    /** Drop the artifact patches as keys: their attention columns set to 0, rows renormalised. */
    public BooleanProperty discountArtifactsProperty() { return discountArtifacts; }
    public ObjectProperty<HeatScale.Kind> colorScaleProperty() { return colorScale; }
    public ReadOnlyObjectProperty<Heatmap> heatmapProperty() { return heatmap.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<HeadMaps> headMapsProperty() { return headMaps.getReadOnlyProperty(); }
    public HeadMaps getHeadMaps() { return headMaps.get(); }
    public ReadOnlyStringProperty gridNoteProperty() { return gridNote.getReadOnlyProperty(); }
    public Heatmap getHeatmap() { return heatmap.get(); }
    public ReadOnlyObjectProperty<List<Prediction>> predictionsProperty() { return predictions.getReadOnlyProperty(); }
    public ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }
    public ModelViewModel models() { return models; }
    /** The lane this job's passes run on; the All heads window queues its pass there too. */
    public Executor executor() { return executor; }
    /** How many forward passes this job has started on the model (superseded ones skipped before they start do not count). */
    public int forwardPassesStarted() { return forwardPasses.get(); }
    /** The marks of the pass on screen (null before the first); FX thread. Set before the heatmap property changes. */
    public PassTiming lastTiming() { return lastTiming; }
}
