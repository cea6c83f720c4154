package dev.patchexplorer.ui;

import dev.patchexplorer.core.grid.AspectMode;
import dev.patchexplorer.core.grid.EdgePolicy;
import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.NativeWorkingSize;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.PatchSizes;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.tradeoff.SwinArchitecture;
import dev.patchexplorer.core.tradeoff.TradeOffs;
import dev.patchexplorer.core.tradeoff.VitArchitecture;
import dev.patchexplorer.core.tradeoff.VitPresets;
import dev.patchexplorer.ui.io.ImageLoadException;
import dev.patchexplorer.ui.io.ImageLoader;
import dev.patchexplorer.ui.io.LoadedImage;
import dev.patchexplorer.ui.io.Samples;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.image.Image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The explorer's state as properties, and the pure functions that derive the grid and readouts from it.
 * Lives on the FX thread; slow work (decoding images) goes to the injected executor and only the
 * latest request's result is applied.
 */
public final class ExplorerViewModel {
    private static final Logger LOG = Logger.getLogger(ExplorerViewModel.class.getName());
    public record Problem(String message) {}

    private final Executor background;
    private final ObjectProperty<LoadedImage> image = new SimpleObjectProperty<>(this, "image");
    private final IntegerProperty workingSize = new SimpleIntegerProperty(this, "workingSize", 224);
    private final ObjectProperty<AspectMode> aspectMode = new SimpleObjectProperty<>(this, "aspectMode", AspectMode.SQUASH);
    private final IntegerProperty patch = new SimpleIntegerProperty(this, "patch", 16);
    private final BooleanProperty strideFollowsPatch = new SimpleBooleanProperty(this, "strideFollowsPatch", true);
    private final IntegerProperty stride = new SimpleIntegerProperty(this, "stride", 16);
    private final IntegerProperty offsetX = new SimpleIntegerProperty(this, "offsetX", 0);
    private final IntegerProperty offsetY = new SimpleIntegerProperty(this, "offsetY", 0);
    private final ObjectProperty<EdgePolicy> edgePolicy = new SimpleObjectProperty<>(this, "edgePolicy", EdgePolicy.CROP);
    private final BooleanProperty snapToDivisors = new SimpleBooleanProperty(this, "snapToDivisors", false);
    private final ObjectProperty<VitArchitecture> architecture =
            new SimpleObjectProperty<>(this, "architecture", VitPresets.defaultArchitecture());
    /** A Swin chosen for the readouts instead of {@link #architecture} (null: the ViT); the grid and sweep stay the ViT's. */
    private final ObjectProperty<SwinArchitecture> swin = new SimpleObjectProperty<>(this, "swin", null);
    private final ObjectProperty<GridStyle> gridStyle = new SimpleObjectProperty<>(this, "gridStyle", GridStyle.DEFAULT);
    private final IntegerProperty hoverPatch = new SimpleIntegerProperty(this, "hoverPatch", -1);
    private final IntegerProperty selectedPatch = new SimpleIntegerProperty(this, "selectedPatch", -1);

    private final ReadOnlyObjectWrapper<WorkingResolution> working = new ReadOnlyObjectWrapper<>(this, "working");
    private final ReadOnlyObjectWrapper<PatchGrid> grid = new ReadOnlyObjectWrapper<>(this, "grid");
    private final ReadOnlyObjectWrapper<TradeOffs> tradeOffs = new ReadOnlyObjectWrapper<>(this, "tradeOffs");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final AtomicLong loadGeneration = new AtomicLong();
    private final long heapBytes = Runtime.getRuntime().maxMemory();
    private Consumer<LoadedImage> onImageOpened = i -> { };
    /** Last field: it listens to the image property above. */
    private final PhysicalUnits physicalUnits = new PhysicalUnits(this);

    public ExplorerViewModel(Executor background) {
        this.background = background;
        Observable[] inputs = {image, workingSize, aspectMode, patch, strideFollowsPatch, stride, offsetX, offsetY,
                edgePolicy, architecture};
        for (Observable o : inputs) o.addListener(x -> recompute());
        patch.addListener((o, was, now) -> {
            int fixed = normalisedPatch(now.intValue());
            if (fixed != now.intValue()) patch.set(fixed);
        });
        snapToDivisors.addListener((o, was, now) -> patch.set(normalisedPatch(patch.get())));
        workingSize.addListener((o, was, now) -> patch.set(normalisedPatch(patch.get())));
        architecture.addListener((o, was, now) -> {
            if (now != null) patch.set(normalisedPatch(now.nativePatch()));
        });
        recompute();
    }

    /**
     * Clamps to the working image (a patch may be as large as its shorter side, past 128 when the
     * working size allows) and snaps to a divisor when asked.
     */
    int normalisedPatch(int p) {
        WorkingResolution w = working.get();
        int max = w == null ? PatchSizes.MAX : Math.max(PatchSizes.MIN, Math.min(w.width(), w.height()));
        int clamped = Math.max(PatchSizes.MIN, Math.min(max, p));
        return snapToDivisors.get() && w != null ? PatchSizes.snap(clamped, w.width(), w.height()) : clamped;
    }

    private void recompute() {
        LoadedImage img = image.get();
        int srcW = img == null ? workingSize.get() : img.width();
        int srcH = img == null ? workingSize.get() : img.height();
        WorkingResolution w = WorkingResolution.of(srcW, srcH, workingSize.get(), aspectMode.get());
        working.set(w);
        int p = patch.get();
        int s = strideFollowsPatch.get() ? p : Math.max(1, stride.get());
        PatchGrid g = PatchGrid.of(w.width(), w.height(),
                new GridSpec(p, s, Math.max(0, offsetX.get()), Math.max(0, offsetY.get()), edgePolicy.get()));
        grid.set(g);
        tradeOffs.set(g.isEmpty() ? null : TradeOffs.of(architecture.get(), g, heapBytes));
        if (selectedPatch.get() >= g.patchCount()) selectedPatch.set(-1);
    }

    /** Decodes the file in the background; on failure the previous image stays and {@link #problemProperty()} explains. */
    public void open(Path file) {
        load(() -> file, file.getFileName() == null ? file.toString() : file.getFileName().toString());
    }

    /** A bundled sample: copied out of the jar (first use only) and decoded, both in the background. */
    public void openSample(Samples.Sample sample) {
        load(() -> Samples.path(sample), sample.file());
    }

    /** Where the file to open is: may take a while (e.g. copying a sample out of the jar), so it runs in the background. */
    private interface FileSource {
        Path file() throws IOException;
    }

    private void load(FileSource source, String name) {
        long generation = loadGeneration.incrementAndGet();
        loading.set(true);
        background.execute(() -> {
            if (generation != loadGeneration.get()) return; // superseded before it started: skip the decode
            try {
                LoadedImage loaded = ImageLoader.load(source.file());
                Platform.runLater(() -> finishLoad(generation, loaded, null));
            } catch (ImageLoadException e) {
                Platform.runLater(() -> finishLoad(generation, null, e.getMessage()));
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                Platform.runLater(() -> finishLoad(generation, null, Messages.format("image.error.unexpected",
                        name, String.valueOf(e.getMessage()))));
            }
        });
    }

    /**
     * An image from the clipboard or a drop (already decoded by JavaFX). Its pixels are copied for the
     * models in the background, like a file's, so a large paste does not freeze the window.
     */
    public void openPasted(Image pasted) {
        long generation = loadGeneration.incrementAndGet();
        String name = Messages.get("image.pasted");
        Image checked;
        try {
            checked = ImageLoader.checkDecoded(pasted, name);
        } catch (ImageLoadException e) {
            finishLoad(generation, null, e.getMessage());
            return;
        }
        loading.set(true);
        background.execute(() -> {
            if (generation != loadGeneration.get()) return;
            try {
                LoadedImage loaded = new LoadedImage(checked, name, null);
                Platform.runLater(() -> finishLoad(generation, loaded, null));
            } catch (RuntimeException | OutOfMemoryError e) {
                Platform.runLater(() -> finishLoad(generation, null, Messages.format("image.error.unexpected",
                        name, String.valueOf(e.getMessage()))));
            }
        });
    }

    private void finishLoad(long generation, LoadedImage loaded, String error) {
        if (generation != loadGeneration.get()) return; // a newer request superseded this one
        loading.set(false);
        if (error != null) {
            LOG.info(() -> "Image refused: " + error); // so that Help > Open Log Folder shows it too
            problem.set(new Problem(error));
            return;
        }
        problem.set(null);
        selectedPatch.set(-1);
        hoverPatch.set(-1);
        image.set(loaded);
        onImageOpened.accept(loaded);
    }

    public void setOnImageOpened(Consumer<LoadedImage> listener) {
        this.onImageOpened = listener;
    }

    /**
     * Shows a message in the window's problem banner (e.g. nothing to paste) and returns it, so
     * that whoever reported it can take it back once the problem is over.
     */
    public Problem reportProblem(String message) {
        Problem p = new Problem(message);
        problem.set(p);
        return p;
    }

    /** Takes back {@code reported} if the banner still shows it; a newer problem stays. */
    public void clearProblem(Problem reported) {
        if (reported != null && problem.get() == reported) problem.set(null);
    }

    public void clearProblem() {
        problem.set(null);
    }

    /** Patch index under a point given in original-image pixels, or -1. */
    public int patchAtImagePoint(double x, double y) {
        WorkingResolution w = working.get();
        PatchGrid g = grid.get();
        if (w == null || g == null || g.isEmpty()) return -1;
        return g.indexAt(x / w.scaleX(), y / w.scaleY());
    }

    /**
     * The working size at which the working image keeps the loaded image's own pixels
     * ({@link NativeWorkingSize#natural}), lowered until all layers' attention fits the heap's share at
     * the current patch and architecture: the readouts' line, where a pass would be refused. Without an
     * image, the current working size.
     */
    public int nativeWorkingSize() {
        LoadedImage img = image.get();
        if (img == null) return workingSize.get();
        int natural = NativeWorkingSize.natural(img.width(), img.height(), aspectMode.get());
        return NativeWorkingSize.bounded(natural, size -> attentionFitsAt(img, size));
    }

    /** Sets the working size to {@link #nativeWorkingSize()}. */
    public void useNativeWorkingSize() {
        workingSize.set(nativeWorkingSize());
    }

    private boolean attentionFitsAt(LoadedImage img, int size) {
        WorkingResolution w = WorkingResolution.of(img.width(), img.height(), size, aspectMode.get());
        int p = Math.min(patch.get(), Math.min(w.width(), w.height()));
        int s = strideFollowsPatch.get() ? p : Math.max(1, stride.get());
        PatchGrid g = PatchGrid.of(w.width(), w.height(),
                new GridSpec(p, s, Math.max(0, offsetX.get()), Math.max(0, offsetY.get()), edgePolicy.get()));
        return g.isEmpty() || !TradeOffs.of(architecture.get(), g, heapBytes).attentionExceedsHeap();
    }

    public void stepPatch(int delta) {
        if (!snapToDivisors.get()) {
            patch.set(normalisedPatch(patch.get() + delta));
            return;
        }
        WorkingResolution w = working.get();
        var divisors = PatchSizes.divisors(w.width(), w.height());
        int current = patch.get();
        int next = current;
        for (int d : divisors) {
            if (delta > 0 && d > current) { next = d; break; }
            if (delta < 0 && d < current) next = d;
        }
        patch.set(next);
    }

    // --- properties ---
    public ObjectProperty<LoadedImage> imageProperty() { return image; }
    public LoadedImage getImage() { return image.get(); }
    public IntegerProperty workingSizeProperty() { return workingSize; }
    public ObjectProperty<AspectMode> aspectModeProperty() { return aspectMode; }
    public IntegerProperty patchProperty() { return patch; }
    public int getPatch() { return patch.get(); }
    public void setPatch(int p) { patch.set(p); }
    public BooleanProperty strideFollowsPatchProperty() { return strideFollowsPatch; }
    public IntegerProperty strideProperty() { return stride; }
    public IntegerProperty offsetXProperty() { return offsetX; }
    public IntegerProperty offsetYProperty() { return offsetY; }
    public ObjectProperty<EdgePolicy> edgePolicyProperty() { return edgePolicy; }
    public BooleanProperty snapToDivisorsProperty() { return snapToDivisors; }
    public ObjectProperty<VitArchitecture> architectureProperty() { return architecture; }
    public ObjectProperty<SwinArchitecture> swinProperty() { return swin; }
    public ObjectProperty<GridStyle> gridStyleProperty() { return gridStyle; }
    public IntegerProperty hoverPatchProperty() { return hoverPatch; }
    public IntegerProperty selectedPatchProperty() { return selectedPatch; }
    public ReadOnlyObjectProperty<WorkingResolution> workingProperty() { return working.getReadOnlyProperty(); }
    public WorkingResolution getWorking() { return working.get(); }
    public ReadOnlyObjectProperty<PatchGrid> gridProperty() { return grid.getReadOnlyProperty(); }
    public PatchGrid getGrid() { return grid.get(); }
    public ReadOnlyObjectProperty<TradeOffs> tradeOffsProperty() { return tradeOffs.getReadOnlyProperty(); }
    public TradeOffs getTradeOffs() { return tradeOffs.get(); }
    public ReadOnlyObjectProperty<Problem> problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public long heapBytes() { return heapBytes; }
    public PhysicalUnits physicalUnits() { return physicalUnits; }
}
