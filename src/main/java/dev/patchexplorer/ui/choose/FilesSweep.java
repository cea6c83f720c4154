package dev.patchexplorer.ui.choose;

import dev.patchexplorer.core.sweep.ClassNames;
import dev.patchexplorer.core.sweep.GroundTruth;
import dev.patchexplorer.core.sweep.ImageFolder;
import dev.patchexplorer.core.sweep.SweepMode;
import dev.patchexplorer.core.sweep.SweepRow;
import dev.patchexplorer.model.ModelLoadException;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.sweep.ImageFileSource;
import dev.patchexplorer.model.sweep.PatchSweepRunner;
import dev.patchexplorer.model.sweep.SweepJob;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.ModelViewModel;
import javafx.application.Platform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sweep over several files of the Choose view: which files (a folder's, ImageNet class folders
 * included, or files picked) and their true classes, and the run itself, which {@link ChooseSweep}
 * starts, cancels and hosts ({@link ChooseSweep#runJob}). Each file is decoded only when its turn
 * comes, as the sweep command does, and only running means are kept.
 */
final class FilesSweep {
    private static final Logger LOG = Logger.getLogger(FilesSweep.class.getName());

    private final ChooseSweep host;
    private final ChooseViewModel view;
    private final ExplorerViewModel explorer;
    private final ModelViewModel models;
    private final Executor inference;

    FilesSweep(ChooseSweep host, ChooseViewModel view, ExplorerViewModel explorer, ModelViewModel models, Executor inference) {
        this.host = host;
        this.view = view;
        this.explorer = explorer;
        this.models = models;
        this.inference = inference;
    }

    /** Sweeps the pictures of {@code folder} from now on (and those of its ImageNet class folders, with their classes). */
    void useFolder(Path folder) {
        ImageFolder.Listing listing;
        try {
            listing = ImageFolder.list(folder, ClassNames.imageNet());
        } catch (IOException e) {
            view.statusProperty().set(Messages.format("choose.status.folderUnreadable", folder));
            return;
        }
        if (listing.images().isEmpty()) {
            view.statusProperty().set(Messages.format("choose.status.folderEmpty", folder));
            return;
        }
        view.classFoldersProperty().set(listing.classFolders());
        view.files().setAll(listing.images());
        view.imagesProperty().set(ChooseImages.FILES);
    }

    /** Sweeps these files from now on. */
    void useFiles(List<Path> files) {
        view.classFoldersProperty().set(false);
        view.files().setAll(files);
        view.imagesProperty().set(ChooseImages.FILES);
    }

    /** The true classes of the files chosen: their class folders', then the labels file's. */
    private GroundTruth truth(List<Path> files) throws GroundTruth.LabelsException {
        ClassNames names = ClassNames.imageNet();
        GroundTruth truth = view.classFoldersProperty().get() ? GroundTruth.fromClassFolders(files, names) : GroundTruth.none();
        Path csv = view.labelsFileProperty().get();
        return csv == null ? truth : GroundTruth.fromCsv(csv, names).or(truth);
    }

    /** One line on the files chosen, for the view. */
    String summary() {
        List<Path> files = List.copyOf(view.files());
        if (files.isEmpty()) return Messages.get("choose.files.none");
        try {
            return Messages.format("choose.files.count", files.size(), truth(files).labelled(files));
        } catch (GroundTruth.LabelsException e) {
            return Messages.format("choose.status.badLabels", e.getMessage());
        }
    }

    /** How many of the files chosen have a true class (as the sweep command counts them, unreadable ones too); 0 when the labels are bad. */
    int labelled() {
        List<Path> files = List.copyOf(view.files());
        try {
            return truth(files).labelled(files);
        } catch (GroundTruth.LabelsException e) {
            return 0;
        }
    }

    /** Runs every patch size of the range on every file chosen; the means replace those shown. */
    void run() {
        host.cancel();
        ViTModel vit = models.getModel();
        List<Path> files = List.copyOf(view.files());
        int size = explorer.workingSizeProperty().get();
        List<Integer> patches = host.patches();
        String refusal = null;
        if (vit == null) refusal = Messages.get("choose.status.needModelOnly");
        else if (files.isEmpty()) refusal = Messages.get("choose.status.noFiles");
        else if (patches.isEmpty()) refusal = Messages.format("choose.status.badRange", size);
        else if (vit.spec().nativePatch() > size) refusal = Messages.format("choose.status.referenceTooLarge", vit.spec().nativePatch(), size);
        GroundTruth truth = GroundTruth.none();
        if (refusal == null) {
            try {
                truth = truth(files);
                if (!truth.isEmpty() && vit.numClasses() != ClassNames.imageNet().classes()) {
                    refusal = Messages.format("choose.status.labelsNeedImageNet", vit.numClasses());
                }
            } catch (GroundTruth.LabelsException e) {
                refusal = Messages.format("choose.status.badLabels", e.getMessage());
            }
        }
        if (refusal != null) {
            view.statusProperty().set(refusal);
            return;
        }
        // accuracy when every image has a true class, agreement with the reference otherwise
        view.metricProperty().set(truth.labelled(files) == files.size() ? SweepMetric.ACCURACY_TOP1 : SweepMetric.AGREE_TOP1);
        view.aggregates().clear();
        host.show();
        long gen = host.generation();
        FilesRun run = new FilesRun(files, patches.size());
        view.runningProperty().set(true);
        view.progressProperty().set(-1);
        view.statusProperty().set(Messages.format("choose.status.runningFiles", 1, files.size(), 0, patches.size()));
        SweepMode mode = view.modeProperty().get();
        GroundTruth classes = truth;
        inference.execute(() -> sweepFiles(gen, run, vit, mode, size, files, classes, patches));
    }

    /** On the inference thread. */
    private void sweepFiles(long gen, FilesRun run, ViTModel vit, SweepMode mode, int size, List<Path> files, GroundTruth truth,
                            List<Integer> patches) {
        if (!host.current(gen)) return;
        List<String> refused = new ArrayList<>();
        boolean finished = false;
        String failure = null;
        try {
            int reference = vit.spec().nativePatch();
            PatchSweepRunner runner = new PatchSweepRunner(vit, mode, size, reference, null);
            runner.check(reference);
            List<Integer> runnable = new ArrayList<>();
            for (int p : patches) {
                try {
                    runner.check(p);
                    runnable.add(p);
                } catch (ModelLoadException e) {
                    refused.add("P" + p + ": " + e.getMessage());
                }
            }
            List<SweepJob.Pending> work = new ArrayList<>();
            if (!runnable.isEmpty()) for (Path f : files) work.add(new SweepJob.Pending(f.toString(), runnable, truth.classOf(f)));
            SweepJob.Listener listener = new SweepJob.Listener() {
                @Override
                public void row(SweepRow row) {
                    Platform.runLater(() -> fileRow(gen, run, row));
                }

                @Override
                public void skipped(String image, String reason) {
                    Platform.runLater(() -> fileSkipped(gen, run, image, reason));
                }
            };
            finished = host.runJob(gen, runner, work, new ImageFileSource(runner), listener);
        } catch (ModelLoadException | IllegalArgumentException e) {
            failure = e.getMessage();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "sweep over files failed", e);
            failure = String.valueOf(e.getMessage());
        }
        boolean complete = finished;
        String problem = failure;
        Platform.runLater(() -> filesEnded(gen, run, complete, problem, refused));
    }

    private void fileRow(long gen, FilesRun run, SweepRow row) {
        if (!host.current(gen)) return;
        int patch = run.add(row);
        view.aggregates().setAll(run.totals().result());
        view.progressProperty().set(run.progress());
        view.statusProperty().set(Messages.format("choose.status.runningFiles", run.imageNumber(row.image()), run.images(), patch, run.patches()));
        host.recommend();
    }

    private void fileSkipped(long gen, FilesRun run, String image, String reason) {
        if (!host.current(gen)) return;
        run.skip(image, reason);
        view.progressProperty().set(run.progress());
        view.statusProperty().set(Messages.format("choose.status.skipped", run.skipped().size(), String.join("; ", run.skipped())));
    }

    private void filesEnded(long gen, FilesRun run, boolean complete, String failure, List<String> refused) {
        if (!host.current(gen)) return;
        view.runningProperty().set(false);
        view.progressProperty().set(complete ? 1 : 0);
        String text = failure != null ? Messages.format("choose.status.failed", failure)
                : complete ? Messages.format("choose.status.doneFiles", run.images() - run.skipped().size())
                : Messages.get("choose.status.cancelled");
        if (!run.skipped().isEmpty()) {
            text += " " + Messages.format("choose.status.skipped", run.skipped().size(), String.join("; ", run.skipped()));
        }
        if (!refused.isEmpty()) text += " " + Messages.format("choose.status.refused", String.join("; ", refused));
        view.statusProperty().set(text);
    }
}
