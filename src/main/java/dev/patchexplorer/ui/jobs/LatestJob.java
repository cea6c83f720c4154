package dev.patchexplorer.ui.jobs;

import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Latest wins, for work computed off the FX thread from inputs taken on it. Every request gets a new
 * id and supersedes the one before: queued work that lost never starts, running work sees it has lost
 * through the {@link Work#run superseded} check it polls between steps, and a result or a failure
 * reaches the FX thread only while its request is still the latest. A request waits for a debounce
 * (the inputs being still) before its work starts, unless it {@linkplain #runNow runs now}.
 *
 * <p>{@linkplain #busyProperty() Busy}: the latest request has no result yet. {@linkplain #staleProperty()
 * Stale}: what the owner shows answers an older request. While nobody can see the result (every
 * {@linkplain #seenWhile viewer} false) a request only marks the job {@linkplain #deferredProperty() deferred},
 * and the owner's {@linkplain #onSeenAgain refresh} runs once a viewer turns true again.
 *
 * <p>All methods belong to the FX thread.
 */
public final class LatestJob {
    private static final Logger LOG = Logger.getLogger(LatestJob.class.getName());

    /** The background part of a request. */
    @FunctionalInterface
    public interface Work<R> {
        /**
         * Runs on the executor. Poll {@code superseded} between expensive steps and return null (or throw
         * {@link CancellationException}) once it says true: nobody will see the result.
         */
        R run(BooleanSupplier superseded) throws Exception;
    }

    private final String name;
    private final Executor executor;
    private final PauseTransition debounce;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyBooleanWrapper deferred = new ReadOnlyBooleanWrapper(this, "deferred");
    private final List<ObservableBooleanValue> viewers = new ArrayList<>();
    /** {@code requested} as workers see it. */
    private final AtomicLong latest = new AtomicLong();
    private long requested;
    /** Work has been handed to the executor and neither its result nor a failure has been taken up since. */
    private boolean awaiting;
    private long startedId;
    private Consumer<Throwable> onFailure;
    private Runnable refresh = () -> { };

    /**
     * @param name    for the log
     * @param executor runs the work; one task at a time is the caller's business
     * @param debounce how long the inputs must be still before {@code start} is called
     * @param start   called on the FX thread when the debounce ends: takes the inputs and calls {@link #start}
     */
    public LatestJob(String name, Executor executor, Duration debounce, Runnable start) {
        this.name = name;
        this.executor = executor;
        this.debounce = new PauseTransition(debounce);
        this.debounce.setOnFinished(e -> start.run());
        this.onFailure = e -> LOG.warning(() -> name + " failed: " + e);
    }

    /** Where failures of the latest request go (FX thread); older requests' failures are dropped. */
    public void onFailure(Consumer<Throwable> handler) {
        this.onFailure = handler;
    }

    /** What runs when a viewer turns true after requests were deferred: usually the owner's schedule. */
    public void onSeenAgain(Runnable refresh) {
        this.refresh = refresh;
    }

    /**
     * The result can be seen while {@code viewer} (or any other viewer) is true. With no viewer at all
     * the job always counts as seen.
     */
    public void seenWhile(ObservableBooleanValue viewer) {
        viewers.add(viewer);
        viewer.addListener((o, was, now) -> {
            if (now && deferred.get() && seen()) {
                deferred.set(false);
                refresh.run();
            } else if (!now && debouncing() && !seen()) {
                // hidden before its work started: it waits until it can be seen
                debounce.stop();
                deferred.set(true);
                busy.set(false);
            }
        });
    }

    /** Whether anybody can see the result now. */
    public boolean seen() {
        if (viewers.isEmpty()) return true;
        for (ObservableBooleanValue v : viewers) if (v.get()) return true;
        return false;
    }

    /**
     * A new request whose work starts after the debounce. {@code hasResult}: the owner shows an older
     * result, which is stale from now on.
     */
    public void schedule(boolean hasResult) {
        supersede();
        if (deferIfUnseen(hasResult)) return;
        busy.set(true);
        stale.set(hasResult);
        debounce.playFromStart();
    }

    /** A new request whose work starts at once (cheap work that needs no debounce). */
    public <R> void runNow(boolean hasResult, Work<R> work, Consumer<R> apply) {
        supersede();
        if (deferIfUnseen(hasResult)) return;
        debounce.stop();
        busy.set(true);
        stale.set(hasResult);
        start(work, apply);
    }

    private boolean deferIfUnseen(boolean hasResult) {
        if (seen()) return false;
        debounce.stop();
        deferred.set(true);
        busy.set(false); // nothing runs for it
        stale.set(hasResult);
        return true;
    }

    /**
     * Hands the latest request's work to the executor (called by the owner's {@code start}, with the
     * inputs it has just taken). {@code apply} gets the result on the FX thread if it is still the latest.
     */
    public <R> void start(Work<R> work, Consumer<R> apply) {
        long id = requested;
        awaiting = true;
        startedId = id;
        BooleanSupplier superseded = () -> latest.get() != id;
        executor.execute(() -> {
            if (superseded.getAsBoolean()) return; // lost while queued: never starts
            try {
                R result = work.run(superseded);
                if (result != null && !superseded.getAsBoolean()) Platform.runLater(() -> applied(id, result, apply));
            } catch (CancellationException stopped) {
                LOG.fine(() -> name + " request " + id + " stopped: " + stopped.getMessage());
            } catch (Exception | OutOfMemoryError e) {
                Platform.runLater(() -> failed(id, e));
            }
        });
    }

    private <R> void applied(long id, R result, Consumer<R> apply) {
        if (id != requested) return; // a newer request is on its way
        awaiting = false;
        // the result first, then "done": whoever watches busy sees the new result when it turns false
        apply.accept(result);
        busy.set(false);
        stale.set(false);
    }

    private void failed(long id, Throwable e) {
        if (id != requested) return;
        awaiting = false;
        busy.set(false);
        stale.set(false);
        onFailure.accept(e);
    }

    /** Drops whatever is on its way (nothing to compute any more): not busy, nothing stale, nothing deferred. */
    public void cancel() {
        supersede();
        debounce.stop();
        awaiting = false;
        deferred.set(false);
        busy.set(false);
        stale.set(false);
    }

    /**
     * What is shown (or on its way, {@link #runningLatest()}) already answers the inputs: stop the
     * debounce, and if nothing is on its way, the job is done.
     */
    public void keepShown() {
        debounce.stop();
        if (awaiting) return;
        deferred.set(false);
        busy.set(false);
        stale.set(false);
    }

    private void supersede() {
        latest.set(++requested);
    }

    /** The latest request's work is on the executor and its result not yet applied. */
    public boolean runningLatest() {
        return awaiting && startedId == requested;
    }

    /** Some request's work has been started and no result or failure has been taken up since. */
    public boolean awaitingResult() {
        return awaiting;
    }

    /** The debounce of the latest request is still running. */
    public boolean debouncing() {
        return debounce.getStatus() == Animation.Status.RUNNING;
    }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty staleProperty() { return stale.getReadOnlyProperty(); }
    /** True while inputs have changed but nobody can see the result, so nothing runs until somebody can. */
    public ReadOnlyBooleanProperty deferredProperty() { return deferred.getReadOnlyProperty(); }
}
