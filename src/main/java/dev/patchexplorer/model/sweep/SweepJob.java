package dev.patchexplorer.model.sweep;

import dev.patchexplorer.core.sweep.SweepImage;
import dev.patchexplorer.core.sweep.SweepReference;
import dev.patchexplorer.core.sweep.SweepRow;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Runs the pending (image, patch) cells of a sweep on {@code jobs} worker threads sharing one model
 * (ViT forward passes may run concurrently). Work is handed out one image at a time and at most
 * {@code jobs} images are in memory at once, whatever the number of images. Cancellation is checked
 * before every pass; a cancelled job finishes the passes under way and returns.
 */
public final class SweepJob {
    /**
     * The patch sizes still to run on one image, and its true class ({@link SweepRow#UNKNOWN} when
     * none) that every row is judged against.
     */
    public record Pending(String image, List<Integer> patches, int trueClass) {
        /** An image without a true class. */
        public Pending(String image, List<Integer> patches) {
            this(image, patches, SweepRow.UNKNOWN);
        }
    }

    /** Reads and prepares one image; throws {@link UnreadableImage} for a file to skip. */
    @FunctionalInterface
    public interface ImageSource {
        SweepImage load(String image, List<Integer> patches) throws UnreadableImage;
    }

    /** Where results go. Calls are serialised, so an implementation need not be thread-safe. */
    public interface Listener {
        void row(SweepRow row) throws Exception;

        /** The row with the pass it came from (for its rollout map); by default only the row. */
        default void row(SweepRow row, SweepPass pass) throws Exception {
            row(row);
        }

        /** An image that could not be read; the sweep goes on without it. */
        void skipped(String image, String reason) throws Exception;
    }

    /** An image the sweep leaves out, with the sentence that says why. */
    public static final class UnreadableImage extends Exception {
        public UnreadableImage(String message) {
            super(message);
        }
    }

    private SweepJob() {}

    /**
     * @return true when every pending cell was run, false when cancelled first
     * @throws Exception the first failure of a pass or of the listener; the other workers stop
     */
    public static boolean run(PatchSweepRunner runner, Iterator<Pending> work, ImageSource source, int jobs,
                              Listener listener, BooleanSupplier cancelled) throws Exception {
        if (jobs < 1) throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        AtomicReference<Exception> failure = new AtomicReference<>();
        BooleanSupplier stop = () -> failure.get() != null || cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
        Semaphore slots = new Semaphore(jobs);
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "sweep-worker");
            t.setDaemon(true);
            return t;
        });
        Object lock = new Object();
        try {
            while (work.hasNext() && !stop.getAsBoolean()) {
                Pending p = work.next();
                slots.acquire();
                pool.execute(() -> {
                    try {
                        runImage(runner, p, source, listener, lock, stop);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        slots.release();
                    }
                });
            }
            slots.acquire(jobs); // every worker done
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) throw failure.get();
        return !work.hasNext() && !cancelled.getAsBoolean();
    }

    private static void runImage(PatchSweepRunner runner, Pending p, ImageSource source, Listener listener, Object lock,
                                 BooleanSupplier stop) throws Exception {
        if (stop.getAsBoolean()) return;
        SweepImage image;
        try {
            image = source.load(p.image(), p.patches());
        } catch (UnreadableImage e) {
            synchronized (lock) {
                listener.skipped(p.image(), e.getMessage());
            }
            return;
        }
        int ref = runner.settings().referencePatch();
        SweepPass refPass = runner.pass(image, ref); // the reference's own row reuses it
        SweepReference reference = refPass.asReference();
        for (int patch : p.patches()) {
            if (stop.getAsBoolean()) return;
            SweepPass pass = patch == ref ? refPass : runner.pass(image, patch);
            SweepRow row = pass.against(reference, runner::label).judged(p.trueClass());
            synchronized (lock) {
                if (stop.getAsBoolean()) return;
                listener.row(row, pass);
            }
        }
    }
}
