package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.attention.AttentionLayout;
import dev.patchexplorer.core.attention.AttentionMaps;
import dev.patchexplorer.core.attention.AttentionRollout;
import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.classify.TopK;
import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.ModelConfig;
import dev.patchexplorer.model.ModelLoadException;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.ViTOutput;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.io.LoadedImage;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.util.Duration;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * Runs the loaded ViT on the current image whenever image, working size, patch size, mode or model
 * change, latest request wins. Inputs are copied on the FX thread after a short debounce, the
 * forward pass and the maps are computed on the injected executor, and a result is applied only
 * if no newer request was made meanwhile. While a request runs the previous heatmap is marked
 * {@linkplain #staleProperty() stale}; failures go to the explorer's problem banner and hide it.
 */
public final class AttentionJob {
    public static final Duration DEBOUNCE = Duration.millis(200);

    private final ExplorerViewModel explorer;
    private final ModelViewModel models;
    private final Executor executor;
    private final PauseTransition debounce = new PauseTransition(DEBOUNCE);

    private final ObjectProperty<PatchMode> mode = new SimpleObjectProperty<>(this, "mode", PatchMode.RESIZE);
    private final ObjectProperty<MapKind> mapKind = new SimpleObjectProperty<>(this, "mapKind", MapKind.ROLLOUT);
    private final IntegerProperty layer = new SimpleIntegerProperty(this, "layer", 12);
    private final ObjectProperty<HeadChoice> head = new SimpleObjectProperty<>(this, "head", HeadChoice.MEAN);
    private final ObjectProperty<ColorMap> colorMap = new SimpleObjectProperty<>(this, "colorMap", ColorMap.VIRIDIS);
    private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 0.6);
    private final BooleanProperty showHeatmap = new SimpleBooleanProperty(this, "showHeatmap", true);

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyObjectWrapper<Heatmap> heatmap = new ReadOnlyObjectWrapper<>(this, "heatmap");
    private final ReadOnlyObjectWrapper<List<Prediction>> predictions =
            new ReadOnlyObjectWrapper<>(this, "predictions", List.of());
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");

    private long requested;       // FX thread only
    private boolean inferring;    // a forward pass for the latest request is running, FX thread only
    private Inference last;       // the latest applied forward pass
    private LoadedImage pixelsOf;
    private RgbImage pixels;

    /** A finished forward pass kept to recompute maps when only the map settings change. */
    private record Inference(ViTOutput output, InputPlan plan, int patch) {}

    private record MapSettings(MapKind kind, int layer, HeadChoice head, int selectedRow, int selectedCol) {}

    public AttentionJob(ExplorerViewModel explorer, ModelViewModel models, Executor executor) {
        this.explorer = explorer;
        this.models = models;
        this.executor = executor;
        debounce.setOnFinished(e -> runInference());
        for (Observable o : new Observable[] {explorer.imageProperty(), explorer.workingProperty(), explorer.patchProperty(),
                mode, models.modelProperty()}) {
            o.addListener(x -> schedule());
        }
        for (Observable o : new Observable[] {mapKind, layer, head, explorer.selectedPatchProperty()}) {
            o.addListener(x -> remap());
        }
        models.modelProperty().addListener((o, was, now) -> {
            if (now != null) {
                layer.set(now.spec().depth());
                if (head.get().isSingle() && head.get().head() >= now.spec().heads()) head.set(HeadChoice.MEAN);
            }
        });
    }

    /** Restarts the debounce; the pass starts once the inputs have been still for {@link #DEBOUNCE}. */
    public void schedule() {
        requested++;
        if (models.getModel() == null || explorer.getImage() == null) {
            debounce.stop();
            clear();
            return;
        }
        markRunning();
        debounce.playFromStart();
    }

    private void markRunning() {
        busy.set(true);
        stale.set(heatmap.get() != null);
    }

    private void clear() {
        inferring = false;
        busy.set(false);
        stale.set(false);
        last = null;
        heatmap.set(null);
        predictions.set(List.of());
        note.set("");
    }

    /** Copies the inputs (FX thread) and starts the pass on the executor. */
    private void runInference() {
        ViTModel model = models.getModel();
        LoadedImage image = explorer.getImage();
        WorkingResolution w = explorer.getWorking();
        if (model == null || image == null || w == null) {
            clear();
            return;
        }
        long id = ++requested;
        int patch = explorer.getPatch();
        PatchMode m = mode.get();
        RgbImage rgb = pixels(image);
        MapSettings settings = settings();
        inferring = true;
        executor.execute(() -> {
            try {
                InputPlan plan = InputPlan.of(m, patch, model.spec().nativePatch(), w.height(), w.width());
                ChwImage input = modelInput(rgb, w, plan, patch, model.config());
                ViTOutput out = model.forward(input, plan.modelPatch());
                List<Prediction> top = out.logits().length == 0 ? List.of() : TopK.of(out.logits(), 5);
                Inference inference = new Inference(out, plan, patch);
                MapResult map = computeMap(inference, settings);
                Platform.runLater(() -> applyInference(id, inference, top, map));
            } catch (ModelLoadException | IllegalArgumentException e) {
                Platform.runLater(() -> fail(id, Messages.format("attention.error", e.getMessage())));
            } catch (RuntimeException | OutOfMemoryError e) {
                Platform.runLater(() -> fail(id, Messages.format("attention.error", String.valueOf(e.getMessage()))));
            }
        });
    }

    /** Working image (bicubic from the original), cropped to whole patches, resized to the plan's input, normalised. */
    static ChwImage modelInput(RgbImage original, WorkingResolution w, InputPlan plan, int patch, ModelConfig config) {
        RgbImage work = original.width() == w.width() && original.height() == w.height()
                ? original : Preprocess.resizeBicubic(original, w.width(), w.height());
        int cw = plan.gridW() * patch;
        int ch = plan.gridH() * patch;
        if (cw != work.width() || ch != work.height()) work = Preprocess.crop(work, 0, 0, cw, ch);
        return Preprocess.toModelInput(work, plan.inputW(), plan.inputH(), config.mean(), config.std());
    }

    private void applyInference(long id, Inference inference, List<Prediction> top, MapResult map) {
        if (id != requested) return; // a newer request is on its way
        inferring = false;
        last = inference;
        predictions.set(top);
        applyMap(map);
    }

    private void fail(long id, String message) {
        if (id != requested) return;
        clear();
        explorer.reportProblem(message);
    }

    /** Only the map settings changed: recompute the map from the last pass, no new forward pass. */
    private void remap() {
        Inference inference = last;
        if (inferring || debounce.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            schedule(); // the pass under way used the old settings: run it again with the new ones
            return;
        }
        if (inference == null) return;
        long id = ++requested;
        MapSettings settings = settings();
        markRunning();
        executor.execute(() -> {
            MapResult map;
            try {
                map = computeMap(inference, settings);
            } catch (RuntimeException e) {
                map = new MapResult(null, String.valueOf(e.getMessage()));
            }
            MapResult done = map;
            Platform.runLater(() -> {
                if (id == requested) applyMap(done);
            });
        });
    }

    private void applyMap(MapResult map) {
        busy.set(false);
        stale.set(false);
        heatmap.set(map.heatmap());
        note.set(map.note() == null ? "" : map.note());
    }

    private MapSettings settings() {
        int selected = explorer.selectedPatchProperty().get();
        PatchGrid g = explorer.getGrid();
        int row = -1, col = -1;
        if (selected >= 0 && g != null && selected < g.patchCount()) {
            row = g.row(selected);
            col = g.column(selected);
        }
        return new MapSettings(mapKind.get(), layer.get(), head.get(), row, col);
    }

    private record MapResult(Heatmap heatmap, String note) {}

    private static MapResult computeMap(Inference inf, MapSettings s) {
        ViTOutput out = inf.output();
        AttentionLayout layout = out.layout();
        int l = Math.max(1, Math.min(out.layers(), s.layer())) - 1;
        HeadChoice h = s.head().isSingle() && s.head().head() >= out.heads() ? HeadChoice.MEAN : s.head();
        String headName = h.isSingle() ? Messages.format("attention.head.single", h.head() + 1)
                : Messages.get("attention.head." + h.fusion().name().toLowerCase(java.util.Locale.ROOT));
        if (layout.prefixTokens() == 0 && s.kind() != MapKind.SELECTED_PATCH) {
            return new MapResult(null, Messages.get("attention.note.noClassToken"));
        }
        return switch (s.kind()) {
            case ROLLOUT -> {
                double[] map = h.isSingle()
                        ? AttentionRollout.classToken(singleHead(out.attention(), layout, h.head()),
                                new AttentionLayout(1, layout.prefixTokens(), layout.gridH(), layout.gridW()),
                                dev.patchexplorer.core.attention.HeadFusion.MEAN)
                        : AttentionRollout.classToken(out.attention(), layout, h.fusion());
                yield new MapResult(Heatmap.of(map, inf.plan(), inf.patch(),
                        Messages.format("attention.title.rollout", headName)), null);
            }
            case CLASS_TOKEN -> new MapResult(Heatmap.of(layerMap(out, layout, l, h, 0), inf.plan(), inf.patch(),
                    Messages.format("attention.title.classToken", l + 1, headName)), null);
            case SELECTED_PATCH -> {
                if (s.selectedRow() < 0 || s.selectedRow() >= layout.gridH() || s.selectedCol() >= layout.gridW()) {
                    yield new MapResult(null, Messages.get("attention.note.clickPatch"));
                }
                int query = layout.patchToken(s.selectedRow(), s.selectedCol());
                yield new MapResult(Heatmap.of(layerMap(out, layout, l, h, query), inf.plan(), inf.patch(),
                        Messages.format("attention.title.selectedPatch", s.selectedRow(), s.selectedCol(), l + 1, headName)), null);
            }
        };
    }

    private static double[] layerMap(ViTOutput out, AttentionLayout layout, int l, HeadChoice h, int query) {
        float[] a = out.attention()[l];
        return h.isSingle() ? AttentionMaps.headPatchMap(a, layout, h.head(), query)
                : AttentionMaps.patchMap(a, layout, h.fusion(), query);
    }

    private static float[][] singleHead(float[][] attention, AttentionLayout layout, int head) {
        int nn = layout.tokens() * layout.tokens();
        float[][] out = new float[attention.length][];
        for (int l = 0; l < attention.length; l++) {
            out[l] = new float[nn];
            System.arraycopy(attention[l], head * nn, out[l], 0, nn);
        }
        return out;
    }

    /** The image's pixels as a core image, copied once per image on the FX thread. */
    private RgbImage pixels(LoadedImage image) {
        if (pixelsOf != image) {
            Image fx = image.image();
            int w = (int) fx.getWidth();
            int h = (int) fx.getHeight();
            int[] argb = new int[w * h];
            fx.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            pixels = new RgbImage(w, h, argb);
            pixelsOf = image;
        }
        return pixels;
    }

    public ObjectProperty<PatchMode> modeProperty() { return mode; }
    public ObjectProperty<MapKind> mapKindProperty() { return mapKind; }
    public IntegerProperty layerProperty() { return layer; }
    public ObjectProperty<HeadChoice> headProperty() { return head; }
    public ObjectProperty<ColorMap> colorMapProperty() { return colorMap; }
    public DoubleProperty opacityProperty() { return opacity; }
    public BooleanProperty showHeatmapProperty() { return showHeatmap; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty staleProperty() { return stale.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Heatmap> heatmapProperty() { return heatmap.getReadOnlyProperty(); }
    public Heatmap getHeatmap() { return heatmap.get(); }
    public ReadOnlyObjectProperty<List<Prediction>> predictionsProperty() { return predictions.getReadOnlyProperty(); }
    public ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }
    public ModelViewModel models() { return models; }
}
