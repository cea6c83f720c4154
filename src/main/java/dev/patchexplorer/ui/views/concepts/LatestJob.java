package dev.patchexplorer.ui.views.concepts;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A page's background work, latest request wins: each {@link #submit} gets a request id; work that is
 * no longer the latest when it would start is skipped, and a result is applied on the FX thread only
 * if no newer request has been made meanwhile. Small on purpose, to move onto the app's shared jobs.
 */
final class LatestJob<T> {
    private final Executor executor;
    private final AtomicLong latest = new AtomicLong();

    LatestJob(Executor executor) {
        this.executor = executor;
    }

    /** Starts {@code work}; FX thread. {@code onFailure} gets the exception's message. */
    long submit(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        long id = latest.incrementAndGet();
        executor.execute(() -> {
            if (latest.get() != id) return; // superseded while queued: nobody would see it
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    if (latest.get() == id) onResult.accept(result);
                });
            } catch (Exception | OutOfMemoryError e) {
                Platform.runLater(() -> {
                    if (latest.get() == id) onFailure.accept(e);
                });
            }
        });
        return id;
    }

    /** Forgets any request under way: its result will not be applied. */
    void cancel() {
        latest.incrementAndGet();
    }

    /** Whether {@code id} is still the latest request (for long work that can stop early). */
    boolean isLatest(long id) {
        return latest.get() == id;
    }
}
