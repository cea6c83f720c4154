package dev.patchexplorer.ui.choose;

import dev.patchexplorer.model.sweep.SweepResultFiles;
import dev.patchexplorer.core.sweep.PatchAggregate;
import dev.patchexplorer.core.sweep.SweepRow;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.export.ExportChooser;
import dev.patchexplorer.ui.export.FxExportChooser;
import dev.patchexplorer.ui.inference.ModelViewModel;
import javafx.application.Platform;
import javafx.stage.Window;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * "Export results...": the shown sweep written as the {@code sweep} command writes it. For the shown
 * image, its rows as the command's CSV and, beside it, the command's JSON summary. For several images
 * only the summary: that sweep keeps running means per patch size, not its rows (a folder can hold
 * thousands of images; the {@code sweep} command is the way to their rows). Files are written off the FX thread.
 */
public final class SweepResultsExport {
    private static final ExportChooser.FileType CSV = new ExportChooser.FileType("export.filter.csv", List.of("csv"));
    private static final ExportChooser.FileType JSON = new ExportChooser.FileType("export.filter.json", List.of("json"));

    private final ChooseViewModel view;
    private final ExplorerViewModel explorer;
    private final ModelViewModel models;
    private final java.util.function.IntSupplier labelledFiles;
    private final Supplier<Window> window;
    private ExportChooser chooser = new FxExportChooser();
    private Executor executor = ForkJoinPool.commonPool();

    /** @param labelledFiles how many files of a sweep over several images have a true class */
    public SweepResultsExport(ChooseViewModel view, ExplorerViewModel explorer, ModelViewModel models,
                              java.util.function.IntSupplier labelledFiles, Supplier<Window> window) {
        this.view = view;
        this.labelledFiles = labelledFiles;
        this.explorer = explorer;
        this.models = models;
        this.window = window;
    }

    /** Tests answer the dialog themselves. */
    public void useChooser(ExportChooser c) {
        this.chooser = c;
    }

    /**
     * Asks where, then writes; FX thread. Completes with the file chosen (the CSV, or the summary for
     * several images), or null when cancelled or there is nothing to write.
     */
    public CompletableFuture<Path> export() {
        ViTModel vit = models.getModel();
        boolean files = view.imagesProperty().get() == ChooseImages.FILES;
        List<SweepRow> rows = view.results().stream().map(PatchResult::row).toList();
        List<PatchAggregate> means = files ? List.copyOf(view.aggregates()) : SweepResultFiles.aggregates(rows);
        if (vit == null || means.isEmpty()) return CompletableFuture.completedFuture(null);
        String base = files ? "sweep" : stem(rows.get(0).image()) + "-sweep";
        Path file = files ? chooser.saveFile(window.get(), "choose.export.title", base + ".summary.json", List.of(JSON))
                : chooser.saveFile(window.get(), "choose.export.title", base + ".csv", List.of(CSV));
        if (file == null) return CompletableFuture.completedFuture(null);
        Path folder = models.loadedFolderProperty().get();
        String model = folder == null ? vit.spec().architecture() : folder.getFileName().toString();
        // as the command counts: images given a true class (one that could not be read too)
        int labelled = files ? labelledFiles.getAsInt() : (int) rows.stream().filter(SweepRow::labelled).map(SweepRow::image).distinct().count();
        Path summaryFile = files ? file : SweepResultFiles.summaryFileOf(file);
        String summary = SweepResultFiles.summaryJson(model, vit.spec().architecture(), view.modeProperty().get(),
                explorer.workingSizeProperty().get(), view.referencePatchProperty().get(), files ? null : file, means, labelled,
                view.minAgreementProperty().get() / 100, view.maxKlProperty().get());
        StringBuilder csv = new StringBuilder(SweepResultFiles.csvHeader()).append('\n');
        for (SweepRow r : rows) csv.append(SweepResultFiles.csvRow(r)).append('\n');
        String status = files ? Messages.format("choose.export.doneSummary", summaryFile.getFileName())
                : Messages.format("choose.export.done", file.getFileName(), summaryFile.getFileName());
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (!files) Files.writeString(file, csv, StandardCharsets.UTF_8);
                Files.writeString(summaryFile, summary + "\n", StandardCharsets.UTF_8);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, executor).whenComplete((done, failure) -> Platform.runLater(() -> view.statusProperty().set(failure == null ? status
                : Messages.format("choose.export.failed", file.getFileName(), rootMessage(failure)))));
    }

    private static String stem(String name) {
        String leaf = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = leaf.lastIndexOf('.');
        return dot > 0 ? leaf.substring(0, dot) : leaf;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? "" : t.getMessage();
    }
}
