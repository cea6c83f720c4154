package dev.patchexplorer.model.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Downloads one catalog entry into the cache, explicitly and on the caller's (background) thread.
 * Files are fetched into a hidden staging folder, resumed where an earlier attempt stopped,
 * verified, and only then moved into place, so the cache never holds a half-written or unverified
 * checkpoint. The addresses come from the entry, never from this class.
 */
public final class ModelDownloader {
    private static final Logger LOG = Logger.getLogger(ModelDownloader.class.getName());
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    private static final String LOCK_FILE = ".lock";
    private static final String PART_SUFFIX = ".part";
    private static final String COMPLETE_SUFFIX = ".complete";

    private final ModelCache cache;
    private final ResumableTransfer transfer;

    public ModelDownloader(ModelCache cache) {
        this(cache, HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL) // the hub redirects file requests to its CDN
                .connectTimeout(CONNECT_TIMEOUT)
                .build());
    }

    public ModelDownloader(ModelCache cache, HttpClient client) {
        this.cache = cache;
        this.transfer = new ResumableTransfer(client, RESPONSE_TIMEOUT);
    }

    /**
     * Blocks until {@code entry} is in the cache and verified, and returns its folder; returns at
     * once when it is already there. Call it from a background thread. Cancel by making
     * {@code cancelRequested} true or by interrupting the thread (e.g. {@code Future.cancel(true)});
     * it is checked between chunks.
     *
     * @throws DownloadException     with a sentence for the user; {@link DownloadException#canResume()}
     *                               says whether a partial file was kept for the next attempt
     * @throws CancellationException when cancelled; the partial file is kept for a resume
     */
    public ModelFolder download(CatalogEntry entry, DownloadListener listener, BooleanSupplier cancelRequested)
            throws DownloadException {
        try {
            ModelFolder folder = fetchAll(entry, listener, cancelRequested);
            LOG.info(() -> "Downloaded " + entry.id() + " into " + folder.folder());
            return folder;
        } catch (DownloadException e) {
            // the log keeps the address and the exception that the window puts into words
            LOG.log(Level.WARNING, "Download of " + entry.id() + " failed (" + e.failure() + ", "
                    + e.uri().map(URI::toString).orElse("no single address") + "): " + e.getMessage(), e);
            throw e;
        } catch (CancellationException e) {
            LOG.info(() -> "Download of " + entry.id() + " cancelled: " + e.getMessage());
            throw e;
        }
    }

    private ModelFolder fetchAll(CatalogEntry entry, DownloadListener listener, BooleanSupplier cancelRequested)
            throws DownloadException {
        Path target = cache.folderFor(entry);
        if (cache.isCached(entry)) return new ModelFolder(entry.id(), target, cache.root());
        Path staging = cache.stagingFolderFor(entry);
        try (FileChannel lockChannel = openLock(staging)) { // closing the channel releases the lock
            lock(lockChannel, entry);
            List<RemoteFile> files = entry.files();
            for (int i = 0; i < files.size(); i++) {
                fetchVerified(entry, files.get(i), i + 1, files.size(), staging, listener, cancelRequested);
            }
            publish(entry, staging, target);
        } catch (DownloadException e) {
            throw e;
        } catch (IOException e) {
            throw new DownloadException(DownloadFailure.CANNOT_SAVE, null,
                    UserMessage.CANNOT_SAVE.format(cache.root(), e.getMessage()), true, e);
        }
        deleteQuietly(staging.resolve(LOCK_FILE));
        deleteQuietly(staging);
        return new ModelFolder(entry.id(), target, cache.root());
    }

    /** Ensures staging/name holds the verified file, downloading (or resuming) it when needed. */
    private void fetchVerified(CatalogEntry entry, RemoteFile file, int number, int count, Path staging,
                               DownloadListener listener, BooleanSupplier cancelRequested) throws IOException {
        Path done = staging.resolve(file.name());
        if (Files.exists(done)) {
            try {
                verify(entry, file, done);
                long size = Files.size(done);
                listener.onProgress(new DownloadProgress(entry.id(), file.name(), number, count, size, size));
                return;
            } catch (ModelFileException e) {
                Files.delete(done); // finished earlier but no longer valid: fetch it again
            }
        }
        Path part = staging.resolve(file.name() + PART_SUFFIX);
        UserMessage htmlMessage = isWeights(file) ? UserMessage.HTML_INSTEAD_OF_SAFETENSORS : UserMessage.HTML_INSTEAD_OF_CONFIG;
        try {
            transfer.fetch(file.uri(), part, htmlMessage,
                    (bytes, total) -> listener.onProgress(new DownloadProgress(entry.id(), file.name(), number, count, bytes, total)),
                    cancelRequested);
        } catch (DownloadException e) {
            if (e.canResume() && startsWithHtml(part)) {
                // what we kept is an error page, not a prefix of the file: never resume onto it
                ResumableTransfer.discard(part);
                throw new DownloadException(DownloadFailure.WRONG_FILE, file.uri(), htmlMessage.format(file.uri()), false, e);
            }
            throw e;
        }
        if (startsWithHtml(part)) {
            ResumableTransfer.discard(part);
            throw new DownloadException(DownloadFailure.WRONG_FILE, file.uri(), htmlMessage.format(file.uri()), false, null);
        }
        try {
            verify(entry, file, part);
        } catch (ModelFileException e) {
            // the server called this file complete, so resuming would only append to a bad file
            ResumableTransfer.discard(part);
            throw new DownloadException(DownloadFailure.WRONG_FILE, file.uri(), e.getMessage(), false, e);
        }
        Files.move(part, done, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        ResumableTransfer.discard(part); // removes the leftover ETag beside it
    }

    private static void verify(CatalogEntry entry, RemoteFile file, Path path) throws IOException {
        if (isWeights(file)) {
            CheckpointVerifier.verifyWeights(path, entry);
        } else if (file.name().equals(RemoteFile.CONFIG)) {
            CheckpointVerifier.verifyConfig(path, entry);
        }
    }

    /**
     * Moves the verified files into the cache with one atomic folder rename, so another reader
     * (or a crash) never sees a folder with only some of them.
     */
    private static void publish(CatalogEntry entry, Path staging, Path target) throws IOException {
        Path complete = staging.resolveSibling(entry.id() + COMPLETE_SUFFIX);
        Files.createDirectories(complete);
        for (RemoteFile f : entry.files()) {
            Files.move(staging.resolve(f.name()), complete.resolve(f.name()), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        clearIncompleteTarget(entry, target);
        Files.move(complete, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A cache folder missing a file (say, deleted by hand) is ours to replace; anything else stays. */
    private static void clearIncompleteTarget(CatalogEntry entry, Path target) throws IOException {
        if (!Files.exists(target)) return;
        for (RemoteFile f : entry.files()) Files.deleteIfExists(target.resolve(f.name()));
        try {
            Files.delete(target);
        } catch (DirectoryNotEmptyException e) {
            throw new IOException(target + " holds other files; move them away and try again", e);
        }
    }

    private static FileChannel openLock(Path staging) throws IOException {
        Files.createDirectories(staging);
        return FileChannel.open(staging.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    /** One download per entry at a time, across threads and across running copies of the app. */
    private static void lock(FileChannel channel, CatalogEntry entry) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new DownloadException(DownloadFailure.ALREADY_DOWNLOADING, null,
                    UserMessage.ALREADY_DOWNLOADING.format(entry.id()), true, null);
        }
    }

    private static boolean isWeights(RemoteFile file) {
        return file.name().endsWith(".safetensors");
    }

    private static boolean startsWithHtml(Path file) {
        if (!Files.exists(file)) return false;
        try (InputStream in = Files.newInputStream(file)) {
            return SafetensorsHeader.looksLikeHtml(in.readNBytes(64));
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover empty folder or lock file is harmless
        }
    }
}
