package dev.patchexplorer.ui.jobs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one thread that loads models and runs passes, with three lanes taken in this order:
 * <ol>
 *   <li>{@link #interactive()}: what the user is waiting to see (heatmaps, receptive-field maps);</li>
 *   <li>{@link #execute} itself: model loads and closes, in the order given;</li>
 *   <li>{@link #background()}: long jobs the user started (a patch-size sweep).</li>
 * </ol>
 * A background task that takes many steps calls {@link #runWaitingForeground()} between them, which runs
 * the interactive tasks waiting meanwhile, there and then, so a heatmap does not wait for a whole
 * sweep. Loads and closes are never run that way: closing the model under a sweep that is using it
 * would break the sweep. The model is never used by two threads at once, since the background task
 * stands still while its waiting interactive tasks run.
 *
 * <p>Built over an executor that runs one task at a time; each task handed in becomes one task there,
 * which runs whichever queued task comes first by lane.
 */
public final class InferenceThread implements Executor {
    private static final Logger LOG = Logger.getLogger(InferenceThread.class.getName());

    private final Executor thread;
    private final Deque<Runnable> interactive = new ArrayDeque<>(); // guarded by this
    private final Deque<Runnable> ordered = new ArrayDeque<>();     // guarded by this
    private final Deque<Runnable> background = new ArrayDeque<>();  // guarded by this
    private final Lane interactiveLane = new Lane(this, interactive);
    private final Lane backgroundLane = new Lane(this, background);
    /** A background task is running: only then may interactive tasks run inside it. */
    private volatile boolean inBackground;
    private boolean yielding; // guarded by this: no yield inside a yield

    /** @param oneAtATime runs one task at a time, e.g. a single-thread executor */
    public InferenceThread(Executor oneAtATime) {
        this.thread = oneAtATime;
    }

    /** Its own daemon thread named {@code name}. */
    public static InferenceThread daemon(String name) {
        return new InferenceThread(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }));
    }

    /** This thread seen through any executor: an {@link InferenceThread} or one of its lanes; null for another executor. */
    public static InferenceThread of(Executor executor) {
        if (executor instanceof InferenceThread t) return t;
        if (executor instanceof Lane l) return l.owner;
        return null;
    }

    /**
     * For a background task on {@code lane}'s thread (or a thread it waits for): runs the interactive tasks
     * waiting now. Does nothing for another executor, so callers need not know what they were given.
     */
    public static void runWaitingForeground(Executor lane) {
        InferenceThread t = of(lane);
        if (t != null) t.runWaitingForeground();
    }

    /** A model load or close: after every waiting interactive task, before any background one. */
    @Override
    public void execute(Runnable task) {
        add(ordered, task);
    }

    /** Tasks the user waits to see; they go first. */
    public Executor interactive() {
        return interactiveLane;
    }

    /** Long tasks the user started; they go last and should call {@link #runWaitingForeground()} between steps. */
    public Executor background() {
        return backgroundLane;
    }

    /**
     * Runs the interactive tasks waiting now, on the calling thread, one after the other. Only inside a
     * running background task, which must not be using the model meanwhile; elsewhere it does nothing.
     */
    public void runWaitingForeground() {
        if (!inBackground) return;
        synchronized (this) {
            if (yielding) return;
            yielding = true;
        }
        try {
            for (Runnable next; (next = pollInteractive()) != null; ) runSafely(next);
        } finally {
            synchronized (this) {
                yielding = false;
            }
        }
    }

    private synchronized Runnable pollInteractive() {
        return interactive.poll();
    }

    private void add(Deque<Runnable> lane, Runnable task) {
        synchronized (this) {
            lane.add(task);
        }
        thread.execute(this::runNext);
    }

    /** One task of the underlying executor: the first waiting task by lane (none if a yield ran it already). */
    private void runNext() {
        Runnable next;
        boolean isBackground = false;
        synchronized (this) {
            next = interactive.poll();
            if (next == null) next = ordered.poll();
            if (next == null) {
                next = background.poll();
                isBackground = next != null;
            }
        }
        if (next == null) return;
        if (!isBackground) {
            next.run();
            return;
        }
        inBackground = true;
        try {
            next.run();
        } finally {
            inBackground = false;
        }
    }

    /** A failing interactive task must not end the background task it ran inside. */
    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a task run between a background task's steps failed", e);
        }
    }

    /** One lane as an executor. */
    private static final class Lane implements Executor {
        private final InferenceThread owner;
        private final Deque<Runnable> queue;

        Lane(InferenceThread owner, Deque<Runnable> queue) {
            this.owner = owner;
            this.queue = queue;
        }

        @Override
        public void execute(Runnable task) {
            owner.add(queue, task);
        }
    }
}
