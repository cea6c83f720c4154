package dev.patchexplorer.model.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches one address into a {@code .part} file, continuing an earlier attempt with an HTTP Range
 * request. The part file only ever holds a genuine prefix of the server's file: a resume is tied
 * to the file's ETag through If-Range, and a server that answers a resume with the whole file (or
 * a range that does not start where we stopped) makes the part start over from zero.
 */
final class ResumableTransfer {
    /** Receives (bytes done, bytes total or -1) after every chunk. */
    interface Sink {
        void progress(long done, long total);
    }

    private static final int CHUNK = 64 * 1024;
    private static final Duration CANCEL_POLL = Duration.ofMillis(100);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final String VALIDATOR_SUFFIX = ".etag";

    private final HttpClient client;
    private final Duration responseTimeout;

    ResumableTransfer(HttpClient client, Duration responseTimeout) {
        this.client = client;
        this.responseTimeout = responseTimeout;
    }

    /**
     * Completes {@code part} from {@code uri} and returns its length. Throws {@link DownloadException}
     * for server and network problems, {@link CancellationException} when cancelled; in both cases
     * the part file is left for a later resume.
     */
    long fetch(URI uri, Path part, UserMessage htmlMessage, Sink sink, BooleanSupplier cancelRequested)
            throws DownloadException {
        // one retry: a stale part (server file changed or shorter) is dropped once, then we start clean
        for (int attempt = 0; ; attempt++) {
            long have = sizeOrZero(part);
            HttpResponse<InputStream> response = send(request(uri, part, have), uri, have, cancelRequested);
            InputStream body = response.body();
            try {
                int status = response.statusCode();
                if (status == 416 && have > 0) {
                    // "bytes */N" with N == what we hold: an earlier attempt already got everything
                    if (unsatisfiedRangeTotal(response) == have) return have;
                    if (attempt == 0) {
                        discard(part);
                        continue;
                    }
                }
                if (status != 200 && status != 206) throw statusError(uri, status, have > 0);
                if (isHtml(response)) {
                    throw new DownloadException(DownloadFailure.WRONG_FILE, uri, htmlMessage.format(uri), have > 0, null);
                }
                long total;
                if (status == 206) {
                    Optional<long[]> range = contentRange(response);
                    if (range.isEmpty() || range.get()[0] != have) {
                        if (attempt > 0) throw statusError(uri, status, false);
                        discard(part);
                        continue;
                    }
                    total = range.get()[1];
                } else {
                    // a fresh download, or a server that ignored Range: the body is the whole file
                    have = 0;
                    total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                    saveValidator(part, response);
                }
                return copy(body, part, have, total, uri, sink, cancelRequested);
            } finally {
                closeQuietly(body);
            }
        }
    }

    /** Closing an unfinished body aborts the exchange, which is what we want on every exit. */
    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the data that matters is already on disk
        }
    }

    /** Forgets a part file and its validator. */
    static void discard(Path part) {
        try {
            Files.deleteIfExists(part);
            Files.deleteIfExists(validatorFile(part));
        } catch (IOException ignored) {
            // a leftover is harmless: the next attempt truncates it
        }
    }

    private HttpRequest request(URI uri, Path part, long have) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(responseTimeout).GET();
        if (have > 0) {
            b.header("Range", "bytes=" + have + "-");
            readValidator(part).ifPresent(etag -> b.header("If-Range", etag));
        }
        return b.build();
    }

    /** Waits for the response headers, polling the cancel flag so that cancelling works while we wait. */
    private HttpResponse<InputStream> send(HttpRequest request, URI uri, long have, BooleanSupplier cancelRequested)
            throws DownloadException {
        CompletableFuture<HttpResponse<InputStream>> pending =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            while (true) {
                if (isCancelled(cancelRequested)) {
                    pending.cancel(true);
                    throw cancelled(uri);
                }
                try {
                    return pending.get(CANCEL_POLL.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillWaiting) {
                    // poll the cancel flag again
                }
            }
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw cancelled(uri);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            DownloadFailure failure = DownloadFailure.ofConnectError(cause, uri);
            throw new DownloadException(failure, uri, UserMessage.NETWORK_ERROR.format(uri, UserMessage.reason(failure)),
                    have > 0, cause);
        }
    }

    /** A status that is neither the file nor the part of it that was asked for. */
    private static DownloadException statusError(URI uri, int status, boolean canResume) {
        DownloadFailure failure = DownloadFailure.ofStatus(status);
        String message = failure == DownloadFailure.NOT_FOUND
                ? UserMessage.NOT_FOUND.format(uri, status) : UserMessage.HTTP_STATUS.format(status, uri);
        return new DownloadException(failure, uri, status, message, canResume, null);
    }

    private static long copy(InputStream body, Path part, long offset, long total, URI uri, Sink sink,
                             BooleanSupplier cancelRequested) throws DownloadException {
        long done = offset;
        OutputStream out = openPart(part, offset);
        try {
            sink.progress(done, total);
            byte[] buffer = new byte[CHUNK];
            while (true) {
                if (isCancelled(cancelRequested)) throw cancelled(uri);
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    if (isCancelled(cancelRequested)) throw cancelled(uri);
                    throw interrupted(uri, done, total, e);
                }
                if (n < 0) break;
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw cannotSave(part, done, e);
                }
                done += n;
                sink.progress(done, total);
            }
        } finally {
            try {
                out.close();
            } catch (IOException e) {
                // the stream is unbuffered, so every byte counted in `done` was already written
            }
        }
        if (total >= 0 && done < total) throw interrupted(uri, done, total, null);
        return done;
    }

    private static OutputStream openPart(Path part, long offset) throws DownloadException {
        try {
            Files.createDirectories(part.getParent());
            return offset == 0
                    ? Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE)
                    : Files.newOutputStream(part, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw cannotSave(part, offset, e);
        }
    }

    private static DownloadException cannotSave(Path part, long done, IOException e) {
        return new DownloadException(DownloadFailure.CANNOT_SAVE, null,
                UserMessage.CANNOT_SAVE.format(part.getParent(), describe(e)), done > 0, e);
    }

    private static DownloadException interrupted(URI uri, long done, long total, Throwable cause) {
        String name = fileName(uri);
        String message = total >= 0
                ? UserMessage.INTERRUPTED.format(name, done, total)
                : UserMessage.INTERRUPTED_UNKNOWN_SIZE.format(name, done);
        return new DownloadException(DownloadFailure.CONNECTION_LOST, uri, message, done > 0, cause);
    }

    private static CancellationException cancelled(URI uri) {
        return new CancellationException(UserMessage.CANCELLED.format(fileName(uri)));
    }

    private static boolean isCancelled(BooleanSupplier cancelRequested) {
        return cancelRequested.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    private static boolean isHtml(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type")
                .map(t -> t.toLowerCase(Locale.ROOT).startsWith("text/html")).orElse(false);
    }

    /** [start, total] from "bytes start-end/total"; total is -1 when the server writes "*". */
    private static Optional<long[]> contentRange(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Range").map(CONTENT_RANGE::matcher)
                .filter(Matcher::matches)
                .map(m -> new long[] {Long.parseLong(m.group(1)), m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3))});
    }

    private static long unsatisfiedRangeTotal(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Range")
                .filter(v -> v.matches("bytes \\*/\\d+"))
                .map(v -> Long.parseLong(v.substring(v.indexOf('/') + 1)))
                .orElse(-1L);
    }

    /** Only a strong ETag proves byte-identical content, so only that one may tie a resume to the file. */
    private static void saveValidator(Path part, HttpResponse<?> response) {
        Optional<String> etag = response.headers().firstValue("ETag").filter(e -> !e.startsWith("W/"));
        try {
            if (etag.isPresent()) {
                Files.createDirectories(part.getParent());
                Files.writeString(validatorFile(part), etag.get(), StandardCharsets.UTF_8);
            } else {
                Files.deleteIfExists(validatorFile(part));
            }
        } catch (IOException ignored) {
            // without a validator a resume still works, it is just not tied to the file version
        }
    }

    private static Optional<String> readValidator(Path part) {
        try {
            Path f = validatorFile(part);
            return Files.exists(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path validatorFile(Path part) {
        return part.resolveSibling(part.getFileName() + VALIDATOR_SUFFIX);
    }

    private static long sizeOrZero(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
