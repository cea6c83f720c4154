package dev.patchexplorer.ui.choose;

import dev.patchexplorer.core.sweep.PatchAggregate;
import dev.patchexplorer.core.sweep.Recommendation;
import dev.patchexplorer.core.sweep.SweepAggregator;
import dev.patchexplorer.core.sweep.SweepImage;
import dev.patchexplorer.core.sweep.SweepMode;
import dev.patchexplorer.core.sweep.SweepRow;
import dev.patchexplorer.model.ModelLoadException;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.sweep.PatchSweepRunner;
import dev.patchexplorer.model.sweep.SweepJob;
import dev.patchexplorer.model.sweep.SweepPass;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.ModelViewModel;
import dev.patchexplorer.ui.io.LoadedImage;
import dev.patchexplorer.ui.jobs.InferenceThread;
import javafx.application.Platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the loaded ViT over the chosen patch sizes with {@link SweepJob}, on the inference executor (so
 * it never runs beside a heatmap pass on the same model), and fills the {@link ChooseViewModel}: on the
 * shown image one row per patch size, or over several files ({@link FilesSweep}) the means per
 * patch size with 95 % intervals. Latest wins: a new image, model, mode, working size or file list
 * cancels the running sweep, which stops before its next pass. Rows of the shown image are kept per (image, model, mode, size), so
 * only the patch sizes never run are run.
 */
public final class ChooseSweep {
    private static final Logger LOG = Logger.getLogger(ChooseSweep.class.getName());

    private final ChooseViewModel view;
    private final ExplorerViewModel explorer;
    private final ModelViewModel models;
    private final Executor inference;
    private final SweepCache cache = new SweepCache();
    /** Bumped by every run and cancel; a background sweep stops when it no longer holds the latest. */
    private final AtomicLong generation = new AtomicLong();
    private final FilesSweep files;

    public ChooseSweep(ChooseViewModel view, ExplorerViewModel explorer, ModelViewModel models, Executor inference) {
        this.view = view;
        this.explorer = explorer;
        this.models = models;
        this.inference = inference;
        this.files = new FilesSweep(this, view, explorer, models, inference);
        models.modelProperty().addListener((o, was, now) -> {
            cache.keepOnlyModel(now);
            view.referencePatchProperty().set(now == null ? 0 : now.spec().nativePatch());
        });
        ViTModel loaded = models.getModel();
        view.referencePatchProperty().set(loaded == null ? 0 : loaded.spec().nativePatch());
        explorer.imageProperty().addListener(x -> {
            if (view.imagesProperty().get() == ChooseImages.SHOWN) cancel();
            show();
        });
        for (var p : List.of(models.modelProperty(), view.modeProperty(), explorer.workingSizeProperty(), view.imagesProperty(),
                view.classFoldersProperty(), view.labelsFileProperty())) {
            p.addListener(x -> changed());
        }
        view.files().addListener((javafx.collections.ListChangeListener<Path>) c -> changed());
        for (var p : List.of(view.fromProperty(), view.toProperty(), view.stepProperty())) p.addListener(x -> show());
        for (var p : List.of(view.minAgreementProperty(), view.maxKlProperty())) p.addListener(x -> recommend());
        show();
    }

    /** The key of what is shown now, or null without an image or a ViT. */
    public SweepCacheKey currentKey() {
        LoadedImage image = explorer.getImage();
        ViTModel vit = models.getModel();
        if (image == null || vit == null) return null;
        return new SweepCacheKey(image, vit, view.modeProperty().get(), explorer.workingSizeProperty().get());
    }

    /** The patch sizes of the range that the working size allows, ascending. */
    public List<Integer> patches() {
        int from = view.fromProperty().get();
        int to = view.toProperty().get();
        int step = view.stepProperty().get();
        int size = explorer.workingSizeProperty().get();
        List<Integer> out = new ArrayList<>();
        if (from < 1 || step < 1 || to < from) return out;
        for (int p = from; p <= to; p += step) {
            if (p <= size) out.add(p);
        }
        return out;
    }

    /** What a sweep depends on has changed: the running one stops and means over files are dropped. */
    private void changed() {
        cancel();
        view.aggregates().clear();
        view.filesSummaryProperty().set(files.summary());
        show();
    }

    /** Sweeps the pictures of {@code folder} from now on (and those of its ImageNet class folders, with their classes). */
    public void useFolder(Path folder) {
        files.useFolder(folder);
    }

    /** Sweeps these files from now on. */
    public void useFiles(List<Path> chosen) {
        files.useFiles(chosen);
    }

    /** Runs the sweep of the images chosen; cancels any sweep under way. */
    public void run() {
        if (view.imagesProperty().get() == ChooseImages.FILES) {
            files.run();
            return;
        }
        runShown();
    }

    /** Runs the patch sizes of the range not yet cached for the shown image. */
    private void runShown() {
        cancel();
        SweepCacheKey key = currentKey();
        if (key == null) {
            view.statusProperty().set(Messages.get("choose.status.needModel"));
            return;
        }
        List<Integer> patches = patches();
        if (patches.isEmpty()) {
            view.statusProperty().set(Messages.format("choose.status.badRange", explorer.workingSizeProperty().get()));
            return;
        }
        ViTModel vit = (ViTModel) key.model();
        int reference = vit.spec().nativePatch();
        if (reference > key.size()) {
            view.statusProperty().set(Messages.format("choose.status.referenceTooLarge", reference, key.size()));
            return;
        }
        List<Integer> todo = patches.stream().filter(p -> !cache.results(key).containsKey(p)).toList();
        show();
        if (todo.isEmpty()) {
            view.statusProperty().set(Messages.get("choose.status.cached"));
            return;
        }
        long gen = generation.get();
        view.runningProperty().set(true);
        view.progressProperty().set(-1);
        view.statusProperty().set(Messages.format("choose.status.running", 0, todo.size()));
        LoadedImage image = (LoadedImage) key.image();
        inference.execute(() -> sweep(gen, key, vit, image, reference, todo));
    }

    /** The generation a sweep started now belongs to. */
    long generation() {
        return generation.get();
    }

    /** True while the sweep of {@code gen} is the latest (not cancelled or superseded). */
    boolean current(long gen) {
        return generation.get() == gen;
    }

    /** Stops the running sweep before its next pass; what it found so far stays cached. */
    public void cancel() {
        generation.incrementAndGet();
        if (view.runningProperty().get()) {
            view.runningProperty().set(false);
            view.progressProperty().set(0);
            view.statusProperty().set(Messages.get("choose.status.cancelled"));
        }
    }

    /** On the inference thread. */
    private void sweep(long gen, SweepCacheKey key, ViTModel vit, LoadedImage image, int reference, List<Integer> todo) {
        if (generation.get() != gen) return;
        List<Integer> runnable = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        boolean finished = false;
        String failure = null;
        try {
            PatchSweepRunner runner = new PatchSweepRunner(vit, key.mode(), key.size(), reference, null);
            runner.check(reference);
            for (int p : todo) {
                try {
                    runner.check(p);
                    runnable.add(p);
                } catch (ModelLoadException e) {
                    refused.add("P" + p + ": " + e.getMessage());
                }
            }
            SweepImage prepared = SweepImage.of(image.name(), image.pixels(), runner.settings(), runnable);
            int total = runnable.size();
            int[] done = {0};
            SweepJob.Listener listener = new SweepJob.Listener() {
                @Override
                public void row(SweepRow row) {
                    throw new IllegalStateException("rows come with their pass");
                }

                @Override
                public void row(SweepRow row, SweepPass pass) {
                    PatchResult result = new PatchResult(row, pass.rollout());
                    int n = ++done[0];
                    Platform.runLater(() -> arrived(gen, key, result, n, total));
                }

                @Override
                public void skipped(String name, String reason) {
                    // one image, already decoded: nothing to skip
                }
            };
            List<SweepJob.Pending> work = runnable.isEmpty() ? List.of() : List.of(new SweepJob.Pending(image.name(), runnable));
            finished = runJob(gen, runner, work, (name, ps) -> prepared, listener);
        } catch (ModelLoadException | IllegalArgumentException e) {
            failure = e.getMessage();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "sweep failed", e);
            failure = String.valueOf(e.getMessage());
        }
        boolean complete = finished;
        String problem = failure;
        Platform.runLater(() -> ended(gen, complete, problem, refused));
    }

    /**
     * The one place this view's sweeps run, on the inference thread: one image at a time (so one
     * decoded picture in memory), stopping before the next pass once superseded or cancelled.
     */
    boolean runJob(long gen, PatchSweepRunner runner, List<SweepJob.Pending> work, SweepJob.ImageSource source,
                           SweepJob.Listener listener) throws Exception {
        return SweepJob.run(runner, work.iterator(), source, 1, yieldingAfterEachRow(listener), () -> generation.get() != gen);
    }

    /**
     * After each row a heatmap asked for meanwhile runs, before the next pass. The yield happens here,
     * on the one sweep worker between its passes, and not in the stop check: the job's own loop calls
     * that check on this thread while the worker may be mid-pass, and the model must serve one pass at a time.
     */
    private SweepJob.Listener yieldingAfterEachRow(SweepJob.Listener listener) {
        return new SweepJob.Listener() {
            @Override
            public void row(SweepRow row) throws Exception {
                listener.row(row);
                InferenceThread.runWaitingForeground(inference);
            }

            @Override
            public void row(SweepRow row, SweepPass pass) throws Exception {
                listener.row(row, pass);
                InferenceThread.runWaitingForeground(inference);
            }

            @Override
            public void skipped(String name, String reason) throws Exception {
                listener.skipped(name, reason);
                InferenceThread.runWaitingForeground(inference);
            }
        };
    }

    private void arrived(long gen, SweepCacheKey key, PatchResult result, int done, int total) {
        cache.put(key, result); // right for its key even when superseded
        if (generation.get() != gen) return;
        view.progressProperty().set(total == 0 ? 1 : done / (double) total);
        view.statusProperty().set(Messages.format("choose.status.running", done, total));
        show();
    }

    private void ended(long gen, boolean complete, String failure, List<String> refused) {
        if (generation.get() != gen) return;
        view.runningProperty().set(false);
        view.progressProperty().set(complete ? 1 : 0);
        String text = failure != null ? Messages.format("choose.status.failed", failure)
                : complete ? Messages.get("choose.status.done") : Messages.get("choose.status.cancelled");
        if (!refused.isEmpty()) text += " " + Messages.format("choose.status.refused", String.join("; ", refused));
        view.statusProperty().set(text);
    }

    /** The cached results of the shown key within the range, and the recommendation over them. */
    void show() {
        SweepCacheKey key = currentKey();
        List<PatchResult> shown = new ArrayList<>();
        if (key != null) {
            var held = cache.results(key);
            for (int p : patches()) {
                PatchResult r = held.get(p);
                if (r != null) shown.add(r);
            }
        }
        if (!shown.equals(view.results())) view.results().setAll(shown);
        recommend();
    }

    /** The recommendation over what is shown: the shown image's rows, or the means over files. */
    void recommend() {
        boolean files = view.imagesProperty().get() == ChooseImages.FILES;
        List<PatchAggregate> shown = files ? List.copyOf(view.aggregates()) : aggregates(view.results());
        double x = view.minAgreementProperty().get();
        double y = view.maxKlProperty().get();
        if (shown.isEmpty() || !(x >= 0 && x <= 100) || !(y >= 0)) {
            view.recommendationProperty().set(null);
            view.recommendationTextProperty().set(shown.isEmpty() ? "" : Messages.get("choose.rec.badThresholds"));
            return;
        }
        Recommendation r = Recommendation.of(shown, x / 100, y);
        view.recommendationProperty().set(r);
        view.recommendationTextProperty().set(RecommendationText.of(r, view.referencePatchProperty().get()));
    }

    /** The rows per patch size as {@link Recommendation} takes them. */
    public static List<PatchAggregate> aggregates(List<PatchResult> results) {
        SweepAggregator a = new SweepAggregator();
        for (PatchResult r : results) a.add(r.row());
        return a.result();
    }

    /** The files of a sweep over several images that have a true class. */
    int labelledFiles() {
        return files.labelled();
    }

    public SweepCache cache() {
        return cache;
    }

    public ChooseViewModel view() {
        return view;
    }

    /** The mode a {@link SweepMode} is shown as. */
    public static String modeName(SweepMode m) {
        return Messages.get("choose.mode." + m.word());
    }
}
