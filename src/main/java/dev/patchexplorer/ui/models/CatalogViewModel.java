package dev.patchexplorer.ui.models;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.model.catalog.CatalogEntry;
import dev.patchexplorer.model.catalog.DownloadException;
import dev.patchexplorer.model.catalog.DownloadProgress;
import dev.patchexplorer.model.catalog.ModelCache;
import dev.patchexplorer.model.catalog.ModelCatalog;
import dev.patchexplorer.model.catalog.ModelDownloader;
import dev.patchexplorer.model.catalog.ModelFolder;
import dev.patchexplorer.ui.Messages;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The model catalog's state: which entries are on disk, and the one download under way with its
 * progress, cancel flag and outcome. Downloads run on the injected executor; progress arrives there
 * many times a second and is handed to the FX thread at most once per pulse.
 */
public final class CatalogViewModel {
    private static final Logger LOG = Logger.getLogger(CatalogViewModel.class.getName());

    /** An entry and whether it can be loaded now. */
    public static final class Row {
        private final CatalogEntry entry;
        private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>(this, "folder");
        private final ReadOnlyBooleanWrapper cached = new ReadOnlyBooleanWrapper(this, "cached");
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

        Row(CatalogEntry entry) {
            this.entry = entry;
        }

        public CatalogEntry entry() { return entry; }
        /** The folder holding this checkpoint (the cache, or another searched folder), or null. */
        public ReadOnlyObjectProperty<Path> folderProperty() { return folder.getReadOnlyProperty(); }
        public Path getFolder() { return folder.get(); }
        /** True when the folder is the download cache's copy. */
        public ReadOnlyBooleanProperty cachedProperty() { return cached.getReadOnlyProperty(); }
        public boolean isCached() { return cached.get(); }
        /** Why the last download of this entry failed, in words, or "" when it did not. */
        public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
        public String getProblem() { return problem.get(); }
    }

    public enum Outcome { NONE, DONE, CANCELLED, FAILED }

    /** The progress value for "size not known yet" (a ProgressBar shows it as indeterminate). */
    public static final double UNKNOWN = -1;

    private final ModelCatalog catalog;
    private final ModelCache cache;
    private final ModelDownloader downloader;
    private final Executor executor;
    private final Consumer<Path> loader;
    private final Supplier<List<ModelFolder>> otherFolders;
    private final Map<String, Row> rows = new LinkedHashMap<>();

    private final ReadOnlyObjectWrapper<CatalogEntry> downloading = new ReadOnlyObjectWrapper<>(this, "downloading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome", Outcome.NONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final AtomicReference<DownloadProgress> latest = new AtomicReference<>();
    private final AtomicBoolean progressPending = new AtomicBoolean();
    private AtomicBoolean cancel = new AtomicBoolean();

    /**
     * @param otherFolders model folders found elsewhere (the searched folders), offered for loading too
     * @param loader       loads a checkpoint folder into the window
     */
    public CatalogViewModel(ModelCatalog catalog, ModelCache cache, ModelDownloader downloader, Executor executor,
                            Supplier<List<ModelFolder>> otherFolders, Consumer<Path> loader) {
        this.catalog = catalog;
        this.cache = cache;
        this.downloader = downloader;
        this.executor = executor;
        this.otherFolders = otherFolders;
        this.loader = loader;
        catalog.entries().forEach(e -> rows.put(e.id(), new Row(e)));
        refresh();
    }

    /**
     * Looks again at what is on disk, the cache first, then the other searched folders; the look
     * runs on the executor (it walks folders) and the rows change on the FX thread.
     */
    public void refresh() {
        executor.execute(() -> {
            List<ModelFolder> elsewhere = otherFolders.get();
            Map<String, Path> found = new LinkedHashMap<>();
            Map<String, Boolean> inCache = new LinkedHashMap<>();
            for (Row r : rows.values()) {
                boolean cached = cache.isCached(r.entry);
                inCache.put(r.entry.id(), cached);
                found.put(r.entry.id(), cached ? cache.folderFor(r.entry) : elsewhere.stream()
                        .filter(f -> f.name().equals(r.entry.id())).map(ModelFolder::folder).findFirst().orElse(null));
            }
            Platform.runLater(() -> rows.values().forEach(r -> {
                r.folder.set(found.get(r.entry.id()));
                r.cached.set(inCache.get(r.entry.id()));
            }));
        });
    }

    public List<Row> rows() {
        return List.copyOf(rows.values());
    }

    public Optional<Row> row(String id) {
        return Optional.ofNullable(rows.get(id));
    }

    /** Starts downloading {@code entry} unless a download is already under way. */
    public void download(CatalogEntry entry) {
        if (busy.get()) return;
        cancel = new AtomicBoolean();
        AtomicBoolean cancelFlag = cancel;
        busy.set(true);
        Row row = rows.get(entry.id());
        if (row != null) row.problem.set("");
        downloading.set(entry);
        outcome.set(Outcome.NONE);
        message.set(Messages.format("catalog.starting", entry.id()));
        progress.set(UNKNOWN);
        progressText.set("");
        executor.execute(() -> {
            try {
                ModelFolder folder = downloader.download(entry, this::onProgress, cancelFlag::get);
                Platform.runLater(() -> finish(entry, Outcome.DONE, Messages.format("catalog.done", entry.id(), folder.folder())));
            } catch (CancellationException e) {
                Platform.runLater(() -> finish(entry, Outcome.CANCELLED, Messages.format("catalog.cancelled", entry.id())));
            } catch (DownloadException e) {
                String text = DownloadProblemText.of(e); // the downloader has logged the address and the exception
                Platform.runLater(() -> finish(entry, Outcome.FAILED, text));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Download of " + entry.id() + " failed unexpectedly", e);
                Platform.runLater(() -> finish(entry, Outcome.FAILED,
                        Messages.format("catalog.failed", entry.id(), String.valueOf(e.getMessage()))));
            }
        });
    }

    /** Asks the running download to stop; it stops between chunks and keeps what it has for a resume. */
    public void cancel() {
        cancel.set(true);
    }

    /** Loads the entry's folder into the window (in the background, as every model load). */
    public void load(CatalogEntry entry) {
        Row r = rows.get(entry.id());
        if (r != null && r.getFolder() != null) loader.accept(r.getFolder());
    }

    /** Downloading thread: keep only the newest event and post at most one hand-over at a time. */
    private void onProgress(DownloadProgress p) {
        latest.set(p);
        if (progressPending.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                progressPending.set(false);
                DownloadProgress now = latest.get();
                if (now != null && busy.get()) showProgress(now);
            });
        }
    }

    private void showProgress(DownloadProgress p) {
        message.set(""); // "Connecting..." is over once bytes arrive; the progress line says the rest
        progress.set(p.fraction() < 0 ? UNKNOWN : p.fraction());
        String amount = p.bytesTotal() > 0
                ? Messages.format("catalog.progress.bytes", Units.bytes(p.bytesDone()), Units.bytes(p.bytesTotal()))
                : Units.bytes(p.bytesDone());
        progressText.set(Messages.format("catalog.progress", p.fileName(), p.fileNumber(), p.fileCount(), amount));
    }

    private void finish(CatalogEntry entry, Outcome result, String text) {
        Row row = rows.get(entry.id());
        if (row != null) row.problem.set(result == Outcome.FAILED ? text : "");
        busy.set(false);
        downloading.set(null);
        latest.set(null);
        if (result == Outcome.DONE) progress.set(1);
        outcome.set(result);
        message.set(text);
        refresh();
    }

    public ModelCatalog catalog() { return catalog; }
    public ModelCache cache() { return cache; }
    public ReadOnlyObjectProperty<CatalogEntry> downloadingProperty() { return downloading.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Outcome> outcomeProperty() { return outcome.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
}
