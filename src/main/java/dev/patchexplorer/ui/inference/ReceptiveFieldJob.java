package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.classify.ImageNetLabels;
import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.classify.TopK;
import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.rf.EffectiveReceptiveField;
import dev.patchexplorer.core.rf.EffectiveReceptiveField.ErfSummary;
import dev.patchexplorer.core.rf.LayerField;
import dev.patchexplorer.core.rf.PixelBox;
import dev.patchexplorer.core.rf.UnitField;
import dev.patchexplorer.core.rf.VitReceptiveField;
import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.CnnModel;
import dev.patchexplorer.model.ErfGradient;
import dev.patchexplorer.model.InputGradient;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.model.AttentionBudget;
import dev.patchexplorer.model.ModelLoadException;
import dev.patchexplorer.model.TokenGradient;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.VisionModel;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.ReceptiveFieldViewModel.PickedToken;
import dev.patchexplorer.ui.io.LoadedImage;
import dev.patchexplorer.ui.jobs.LatestJob;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Input-gradient maps for the receptive-field pane, and the CNN's top-5, with the discipline of
 * {@link AttentionJob}: inputs are taken on the FX thread after a debounce (references only), the model runs on the
 * injected executor, and only the latest request's result is applied. A request that a newer one
 * has superseded is dropped before each expensive step (gradient passes cannot be interrupted
 * half-way, and they hold the model's process-wide gradient lock). While a request runs the map is
 * marked stale; when the geometry changes (model, image, working size) it is hidden at once. The
 * request ids, debounce and busy / stale flags are a {@link LatestJob}'s; while nobody can see the map
 * or the predictions ({@link #seenWhile}) no pass runs, and the latest inputs run once somebody can.
 *
 * <p>Maps: the effective receptive field of the picked unit of a CNN (gradient of the unit summed
 * over channels) or of the picked patch token of a ViT after the picked block (gradient of the
 * token's output summed over channels), with its 50 % / 90 % mass radii; or the saliency of the
 * top-1 class. A CNN runs at the working resolution; a ViT at the attention heatmap's patch size
 * and mode, on the plain grid of that patch size.
 */
public final class ReceptiveFieldJob {
    /** Longer than the attention job's: a gradient pass cannot be stopped half-way, so one started early delays the next. */
    public static final Duration DEBOUNCE = Duration.millis(200);
    private static final Logger LOG = Logger.getLogger(ReceptiveFieldJob.class.getName());
    private final ExplorerViewModel explorer;
    private final ModelViewModel models;
    private final ReceptiveFieldViewModel fields;
    private final ObservableValue<PatchMode> vitMode;
    private final LatestJob job;

    private final ObjectProperty<GradientMapKind> mapKind = new SimpleObjectProperty<>(this, "mapKind", GradientMapKind.ERF);
    private final ObjectProperty<ColorMap> colorMap = new SimpleObjectProperty<>(this, "colorMap", ColorMap.INFERNO);
    private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 0.75);
    private final BooleanProperty showMap = new SimpleBooleanProperty(this, "showMap", true);

    private final ReadOnlyObjectWrapper<GradientMap> map = new ReadOnlyObjectWrapper<>(this, "map");
    private final ReadOnlyObjectWrapper<List<Prediction>> predictions =
            new ReadOnlyObjectWrapper<>(this, "predictions", List.of());
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");

    private final AtomicReference<CachedInput> cachedInput = new AtomicReference<>();
    private Request shown;     // FX thread: the request whose results are on screen (or on their way)
    private ExplorerViewModel.Problem reported; // this job's message in the banner, FX thread only
    private GradientMapKind cnnChoice = GradientMapKind.ERF;
    private GradientMapKind vitChoice = GradientMapKind.ERF;

    /** Everything a result depends on; fields that do not matter for the kind are left null / -1. */
    record Request(VisionModel model, LoadedImage image, WorkingResolution working, GradientMapKind kind,
                   LayerField layer, String modelLayer, UnitField unit, int patch, PatchMode mode, int block, PickedToken token) {
        /** Same picture at the same resolution on the same model: an old map still lines up. */
        boolean sameGeometry(Request o) {
            return o != null && o.model == model && o.image == image && Objects.equals(o.working, working);
        }

        boolean sameResult(Request o) {
            return sameGeometry(o) && o.kind == kind && Objects.equals(o.layer, layer) && Objects.equals(o.unit, unit)
                    && o.patch == patch && o.mode == mode && o.block == block && Objects.equals(o.token, token);
        }
    }

    private record CachedInput(VisionModel model, LoadedImage image, WorkingResolution working, ChwImage input,
                               List<Prediction> top) {}

    public ReceptiveFieldJob(ExplorerViewModel explorer, ModelViewModel models, ReceptiveFieldViewModel fields,
                             ObservableValue<PatchMode> vitMode, Executor executor) {
        this.explorer = explorer;
        this.models = models;
        this.fields = fields;
        this.vitMode = vitMode;
        this.job = new LatestJob("receptive field", executor, DEBOUNCE, this::run);
        job.onFailure(this::fail);
        job.onSeenAgain(this::schedule);
        models.loadedProperty().addListener((o, was, now) -> {
            // Each family gets back the map last picked for it.
            if (now instanceof CnnModel) mapKind.set(cnnChoice);
            if (now instanceof ViTModel) mapKind.set(vitChoice);
        });
        for (Observable o : new Observable[] {models.loadedProperty(), explorer.imageProperty(), explorer.workingProperty(),
                explorer.patchProperty(), vitMode, fields.unitProperty(), fields.selectedLayerProperty(), fields.tokenProperty(),
                fields.vitBlockProperty(), mapKind, showMap}) {
            o.addListener(x -> schedule());
        }
        mapKind.addListener((o, was, now) -> {
            if (now == null) {
                mapKind.set(was); // a combo box emptied while its items change: keep the choice
                return;
            }
            if (models.getLoaded() instanceof CnnModel) cnnChoice = now;
            if (models.getLoaded() instanceof ViTModel) vitChoice = now;
            if (now != GradientMapKind.NONE) showMap.set(true); // picking a map means: show it
        });
    }

    /** Restarts the debounce unless the inputs ask for what is already shown or on its way. */
    public void schedule() {
        Request r = request();
        if (r == null) {
            shown = null;
            clear();
            return;
        }
        // What is shown (or on its way) already answers this: e.g. the patch slider moved while a CNN
        // is loaded, or a click went back before the debounce ended (nothing runs then). Work on its
        // way for an older request would be dropped, so then it runs again.
        if (r.sameResult(shown) && (job.runningLatest() || !job.awaitingResult())) {
            job.keepShown();
            return;
        }
        if (!r.sameGeometry(shown)) { // the old map and predictions belong to another picture
            map.set(null);
            predictions.set(List.of());
        }
        job.schedule(map.get() != null);
    }

    /**
     * The map and predictions can be seen while {@code viewer} (or another one given here) is true; while
     * none is, input changes only mark the map stale and no pass runs until one turns true again.
     */
    public void seenWhile(ObservableBooleanValue viewer) {
        job.seenWhile(viewer);
    }

    private void clear() {
        job.cancel();
        map.set(null);
        predictions.set(List.of());
        note.set("");
    }

    /**
     * The current inputs, taken on the FX thread; null when there is nothing to compute. The pixels are
     * the image's one shared copy ({@link LoadedImage#pixels()}), read on the executor.
     */
    private Request request() {
        VisionModel model = models.getLoaded();
        LoadedImage image = explorer.getImage();
        WorkingResolution w = explorer.getWorking();
        if (model == null || image == null || w == null) return null;
        // A hidden map is not computed: gradient passes are slow and share the thread with attention.
        GradientMapKind kind = showMap.get() && mapKind.get() != null ? mapKind.get() : GradientMapKind.NONE;
        if (model instanceof CnnModel cnn) {
            LayerField layer = kind == GradientMapKind.ERF ? fields.getSelectedLayer() : null;
            UnitField unit = kind == GradientMapKind.ERF ? fields.getUnit() : null;
            String modelLayer = layer == null ? null : ReceptiveFieldViewModel.modelLayer(layer.layer().block(), cnn.layerNames());
            return new Request(model, image, w, kind, layer, modelLayer, unit, -1, null,
                    -1, null);
        }
        boolean usesGrid = kind != GradientMapKind.NONE;
        boolean erf = kind == GradientMapKind.ERF;
        return new Request(model, image, w, kind, null, null, null,
                usesGrid ? explorer.getPatch() : -1, usesGrid ? vitMode.getValue() : null,
                erf ? fields.vitBlockProperty().get() : -1, erf ? fields.getToken() : null);
    }

    private void run() {
        Request r = request();
        if (r == null) {
            shown = null;
            clear();
            return;
        }
        shown = r;
        job.start(superseded -> compute(superseded, r), this::apply);
    }

    /** A finished request: predictions (CNN) and the map, or a note saying why there is no map. */
    private record Result(List<Prediction> top, GradientMap map, String note) {}

    /** Runs on the executor. Returns null when a newer request made this one pointless. */
    private Result compute(BooleanSupplier superseded, Request r) throws ModelLoadException {
        if (r.model() instanceof CnnModel cnn) {
            // Refused before any input is built, with the largest working size that fits, as the ViT's passes are.
            cnn.checkMemory(r.kind() == GradientMapKind.NONE ? PassKind.LOGITS : PassKind.GRADIENT,
                    r.working().width(), r.working().height());
            CachedInput in = cnnInput(cnn, r);
            if (superseded.getAsBoolean()) return null;
            return switch (r.kind()) {
                case NONE -> new Result(in.top(), null, "");
                case ERF -> erf(cnn, in, r);
                case SALIENCY -> new Result(in.top(), cnnSaliency(cnn, in.input(), r.working()), "");
            };
        }
        ViTModel vit = (ViTModel) r.model();
        return switch (r.kind()) {
            case NONE -> new Result(List.of(), null, "");
            case ERF -> vitErf(vit, r);
            case SALIENCY -> new Result(List.of(), vitSaliency(vit, r), "");
        };
    }

    /** The working image as the CNN's input, and its top-5, computed once per model, image and working size. */
    private CachedInput cnnInput(CnnModel cnn, Request r) {
        CachedInput c = cachedInput.get();
        if (c != null && c.model() == cnn && c.image() == r.image() && c.working().equals(r.working())) return c;
        WorkingResolution w = r.working();
        ChwImage input = Preprocess.toModelInput(r.image().pixels(), w.width(), w.height(), cnn.config().mean(), cnn.config().std());
        float[] logits = cnn.numClasses() == 0 ? new float[0] : cnn.forward(input).logits();
        List<Prediction> top = logits.length == 0 ? List.of() : TopK.of(logits, 5);
        c = new CachedInput(cnn, r.image(), w, input, top);
        cachedInput.set(c);
        return c;
    }

    private static Result erf(CnnModel cnn, CachedInput in, Request r) {
        LayerField layer = r.layer();
        UnitField unit = r.unit();
        if (layer == null) return new Result(in.top(), null, Messages.get("rf.note.noLayer"));
        if (unit == null) {
            return new Result(in.top(), null, Messages.format("rf.note.noUnits", layer.layer().block(),
                    r.working().width(), r.working().height()));
        }
        if (r.modelLayer() == null) {
            return new Result(in.top(), null, Messages.format("rf.note.noModelLayer", layer.layer().block()));
        }
        ErfGradient g = cnn.erfGradient(in.input(), r.modelLayer(), unit.uy(), unit.ux());
        requireFinite(g.gradient().data());
        if (g.featureH() != layer.outputHeight() || g.featureW() != layer.outputWidth()) {
            // The layer list and the checkpoint disagree: the box would not belong to this gradient.
            return new Result(in.top(), null, Messages.format("rf.note.mismatch", layer.layer().block(),
                    g.featureH(), g.featureW(), layer.outputHeight(), layer.outputWidth()));
        }
        WorkingResolution w = r.working();
        float[] mass = EffectiveReceptiveField.channelAbsSum(g.gradient().data(), 3, w.height(), w.width());
        double max = GradientMap.maxOf(mass);
        ErfSummary summary = max > 0
                ? EffectiveReceptiveField.summarize(mass, w.height(), w.width(), unit.centreY(), unit.centreX(), layer.size())
                : null;
        String title = Messages.format("rf.map.title.erf", layer.layer().block(), unit.uy(), unit.ux());
        return new Result(in.top(), GradientMap.of(GradientMapKind.ERF, mass, w.width(), w.height(), w.width(), w.height(),
                title, summary), max > 0 ? "" : Messages.get("rf.note.zero"));
    }

    private static GradientMap cnnSaliency(CnnModel cnn, ChwImage input, WorkingResolution w) {
        InputGradient g = cnn.inputGradTop1(input);
        requireFinite(g.gradient().data());
        float[] mass = EffectiveReceptiveField.channelAbsSum(g.gradient().data(), 3, w.height(), w.width());
        String label = ImageNetLabels.labelOf(g.classIndex(), g.logits().length);
        return GradientMap.of(GradientMapKind.SALIENCY, mass, w.width(), w.height(), w.width(), w.height(),
                Messages.format("rf.map.title.saliency", label), null);
    }

    /** The ViT's input for the plain grid of the request's patch size, and how the grid maps onto it. */
    private record VitInput(InputPlan plan, ChwImage input) {}

    private static VitInput vitInput(ViTModel vit, Request r) throws ModelLoadException {
        WorkingResolution w = r.working();
        // The plain grid (no offset, stride = patch): its cells start at the origin and tile the
        // input side by side, so input pixels map back to working pixels by one scale factor.
        PatchGrid grid = PatchGrid.of(w.width(), w.height(), GridSpec.of(r.patch()));
        // before an input that may not fit either
        vit.checkMemory(PassKind.GRADIENT, grid.rows(), grid.cols(), new AttentionBudget.Setting(r.mode(), r.patch(), w.width(), w.height()));
        InputPlan plan = GridInput.plan(r.mode(), grid, vit.spec().nativePatch());
        return new VitInput(plan, AttentionJob.modelInput(r.image().pixels(), w, grid, plan, vit.config()));
    }

    /**
     * The effective receptive field of the picked token after the picked block: its output summed
     * over channels, differentiated with respect to the input. Radii are measured on the model's
     * input, around the token's centre, and given in working pixels.
     */
    private static Result vitErf(ViTModel vit, Request r) throws ModelLoadException {
        PickedToken t = r.token();
        if (t == null) return new Result(List.of(), null, Messages.format("rf.vit.noGrid", r.patch()));
        VitInput in = vitInput(vit, r);
        InputPlan plan = in.plan();
        int mp = plan.modelPatch();
        TokenGradient g = vit.tokenGradient(in.input(), mp, r.block(), t.row(), t.column());
        requireFinite(g.gradient().data());
        float[] mass = EffectiveReceptiveField.channelAbsSum(g.gradient().data(), 3, plan.inputH(), plan.inputW());
        double max = GradientMap.maxOf(mass);
        ErfSummary summary = null;
        if (max > 0) {
            PixelBox field = new VitReceptiveField(mp, plan.inputH(), plan.inputW()).tokenField(r.block(), t.row(), t.column());
            ErfSummary onInput = EffectiveReceptiveField.summarize(mass, plan.inputH(), plan.inputW(),
                    (t.row() + 0.5) * mp - 0.5, (t.column() + 0.5) * mp - 0.5, Math.max(field.width(), field.height()));
            double toWorking = (double) r.patch() / mp; // one model patch is one grid patch
            summary = new ErfSummary(onInput.radius50() * toWorking, onInput.radius90() * toWorking,
                    (int) Math.round(onInput.theoreticalSize() * toWorking));
        }
        String title = r.block() == 0
                ? Messages.format("rf.map.title.tokenEmbedding", t.row(), t.column(), r.patch())
                : Messages.format("rf.map.title.token", t.row(), t.column(), r.patch(), r.block(), vit.spec().depth());
        return new Result(List.of(), GradientMap.of(GradientMapKind.ERF, mass, plan.inputW(), plan.inputH(),
                (double) plan.gridW() * r.patch(), (double) plan.gridH() * r.patch(), title, summary),
                max > 0 ? "" : Messages.get("rf.note.zero"));
    }

    private static GradientMap vitSaliency(ViTModel vit, Request r) throws ModelLoadException {
        VitInput in = vitInput(vit, r);
        InputPlan plan = in.plan();
        InputGradient g = vit.inputGradTop1(in.input(), plan.modelPatch());
        requireFinite(g.gradient().data());
        float[] mass = EffectiveReceptiveField.channelAbsSum(g.gradient().data(), 3, plan.inputH(), plan.inputW());
        String label = ImageNetLabels.labelOf(g.classIndex(), g.logits().length);
        return GradientMap.of(GradientMapKind.SALIENCY, mass, plan.inputW(), plan.inputH(),
                (double) plan.gridW() * r.patch(), (double) plan.gridH() * r.patch(),
                Messages.format("rf.map.title.saliencyVit", label, r.patch()), null);
    }

    /** A gradient holding NaN or infinity is not drawn: the pane says so instead. */
    private static void requireFinite(float[] gradient) {
        for (float v : gradient) {
            if (!Float.isFinite(v)) throw new IllegalStateException(Messages.get("rf.error.notFinite"));
        }
    }

    private void apply(Result result) {
        explorer.clearProblem(reported); // the map is back: its old failure no longer holds
        reported = null;
        predictions.set(result.top());
        map.set(result.map());
        note.set(result.note() == null ? "" : result.note());
    }

    /** The latest request failed: no map, and the banner says why. */
    private void fail(Throwable e) {
        String message = e instanceof ModelLoadException || e instanceof IllegalArgumentException || e instanceof IllegalStateException
                ? PassProblems.describe((Exception) e) : String.valueOf(e.getMessage());
        shown = null;
        clear();
        LOG.info(() -> "Gradient map refused or failed: " + message);
        reported = explorer.reportProblem(Messages.format("rf.error", message));
    }

    public ObjectProperty<GradientMapKind> mapKindProperty() { return mapKind; }
    public ObjectProperty<ColorMap> colorMapProperty() { return colorMap; }
    public DoubleProperty opacityProperty() { return opacity; }
    /** Whether the map is drawn; false while the attention heatmap has the viewer. */
    public BooleanProperty showMapProperty() { return showMap; }
    public ReadOnlyBooleanProperty busyProperty() { return job.busyProperty(); }
    public ReadOnlyBooleanProperty staleProperty() { return job.staleProperty(); }
    /** True while the inputs have changed but nobody can see the map, so no pass runs (see {@link #seenWhile}). */
    public ReadOnlyBooleanProperty deferredProperty() { return job.deferredProperty(); }
    public ReadOnlyObjectProperty<GradientMap> mapProperty() { return map.getReadOnlyProperty(); }
    public GradientMap getMap() { return map.get(); }
    /** The CNN's top-5 at the working resolution; empty for a ViT (the attention pane shows its own). */
    public ReadOnlyObjectProperty<List<Prediction>> predictionsProperty() { return predictions.getReadOnlyProperty(); }
    public ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }
    public ReceptiveFieldViewModel fields() { return fields; }
    public ModelViewModel models() { return models; }
}
