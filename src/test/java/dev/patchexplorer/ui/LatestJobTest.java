package dev.patchexplorer.ui;

import dev.patchexplorer.ui.jobs.LatestJob;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.util.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link LatestJob} on its own, driven as an owner drives it: the owner's input is one integer, its work
 * squares it on the executor and its result is the square. Latest wins, queued work that lost never
 * starts, running work sees that it lost, busy and stale follow the requests, an old request's failure
 * is dropped, and a job nobody can see defers its work until somebody can.
 */
class LatestJobTest {
    @BeforeAll
    static void toolkit() throws java.util.concurrent.TimeoutException {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    /** Runs tasks only when the test says so, on the test thread. */
    private static final class HeldExecutor implements Executor {
        final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

        @Override public void execute(Runnable r) {
            tasks.add(r);
        }

        void runAll() {
            for (Runnable r; (r = tasks.poll()) != null; ) r.run();
        }
    }

    /** The smallest owner: input, work (the square), result, and what it saw. */
    private static final class Squares {
        final IntegerProperty input = new SimpleIntegerProperty(0);
        final List<Integer> started = new CopyOnWriteArrayList<>();
        final List<Integer> applied = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final LatestJob job;
        Integer shown; // FX thread
        volatile LatestJob.Work<Integer> work = null;

        Squares(Executor executor) {
            job = new LatestJob("squares", executor, Duration.millis(5), this::start);
            job.onFailure(e -> failures.add(e.getMessage()));
            job.onSeenAgain(this::schedule);
            input.addListener(x -> schedule());
        }

        void schedule() {
            job.schedule(shown != null);
        }

        private void start() {
            int n = input.get(); // taken on the FX thread
            LatestJob.Work<Integer> custom = work;
            job.start(custom != null ? custom : superseded -> {
                started.add(n);
                return n * n;
            }, r -> {
                shown = r;
                applied.add(r);
            });
        }
    }

    @Test
    void onlyTheLatestRequestIsComputedAndApplied() {
        HeldExecutor executor = new HeldExecutor();
        Squares s = onFx(() -> new Squares(executor));
        for (int n : new int[] {3, 4, 5}) {
            int queued = executor.tasks.size();
            onFx(() -> {
                s.input.set(n);
                return null;
            });
            FxTestSupport.waitUntil(() -> executor.tasks.size() == queued + 1); // past the debounce: queued
        }
        assertTrue(onFx(() -> s.job.busyProperty().get()));
        executor.runAll();
        FxTestSupport.waitUntil(() -> onFx(() -> !s.job.busyProperty().get()));
        assertEquals(List.of(5), s.started, "the work for 3 and 4 was queued, then lost before it started");
        assertEquals(List.of(25), s.applied);
        assertFalse(onFx(() -> s.job.staleProperty().get()));
    }

    @Test
    void busyAndStaleFollowTheRequests() {
        HeldExecutor executor = new HeldExecutor();
        Squares s = onFx(() -> new Squares(executor));
        assertFalse(onFx(() -> s.job.busyProperty().get() || s.job.staleProperty().get()));
        onFx(() -> {
            s.input.set(2);
            return null;
        });
        // nothing shown yet: busy, but nothing is stale
        assertTrue(onFx(() -> s.job.busyProperty().get() && !s.job.staleProperty().get()));
        FxTestSupport.waitUntil(() -> executor.tasks.size() == 1);
        executor.runAll();
        FxTestSupport.waitUntil(() -> onFx(() -> !s.job.busyProperty().get()));
        assertEquals(4, onFx(() -> s.shown));

        onFx(() -> {
            s.input.set(7);
            return null;
        });
        // 4 is on screen and no longer answers: busy and stale until 49 lands
        assertTrue(onFx(() -> s.job.busyProperty().get() && s.job.staleProperty().get()));
        FxTestSupport.waitUntil(() -> executor.tasks.size() == 1);
        executor.runAll();
        FxTestSupport.waitUntil(() -> onFx(() -> !s.job.busyProperty().get()));
        assertEquals(49, onFx(() -> s.shown));
        assertFalse(onFx(() -> s.job.staleProperty().get()));

        // cancelled: nothing on its way and nothing stale, and the queued work never starts
        onFx(() -> {
            s.input.set(8);
            return null;
        });
        FxTestSupport.waitUntil(() -> executor.tasks.size() == 1);
        onFx(() -> {
            s.job.cancel();
            return null;
        });
        assertFalse(onFx(() -> s.job.busyProperty().get() || s.job.staleProperty().get()));
        executor.runAll();
        onFx(() -> null);
        assertEquals(List.of(2, 7), s.started);
        assertEquals(List.of(4, 49), s.applied);
    }

    @Test
    void runningWorkSeesThatItLostAndItsResultIsDropped() throws InterruptedException {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Squares s = onFx(() -> new Squares(thread));
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean sawLoss = new AtomicBoolean();
            s.work = superseded -> {
                boolean before = superseded.getAsBoolean();
                running.countDown();
                release.await();
                sawLoss.set(!before && superseded.getAsBoolean());
                return 100; // what a worker that ignored the check would hand back
            };
            onFx(() -> {
                s.input.set(10);
                return null;
            });
            assertTrue(running.await(10, TimeUnit.SECONDS));
            s.work = null;
            onFx(() -> {
                s.input.set(6); // a newer request while the first one runs
                return null;
            });
            release.countDown();
            FxTestSupport.waitUntil(() -> onFx(() -> !s.job.busyProperty().get()));
            assertTrue(sawLoss.get(), "the running work's check turned true when the newer request came");
            assertEquals(List.of(36), s.applied, "only the newer request's result is applied");
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void aFailureOfALostRequestIsDroppedAndOneOfTheLatestIsReported() {
        HeldExecutor executor = new HeldExecutor();
        Squares s = onFx(() -> new Squares(executor));
        s.work = superseded -> {
            onFx(() -> {
                s.input.set(3); // superseded while it runs, then it fails
                return null;
            });
            throw new IllegalStateException("old request failed");
        };
        onFx(() -> {
            s.input.set(2);
            return null;
        });
        FxTestSupport.waitUntil(() -> executor.tasks.size() == 1);
        executor.runAll(); // fails, after the newer request was made
        s.work = null;
        FxTestSupport.waitUntil(() -> executor.tasks.size() == 1);
        executor.runAll();
        FxTestSupport.waitUntil(() -> onFx(() -> !s.job.busyProperty().get()));
        assertEquals(List.of(), s.failures, "the lost request's failure is not the user's problem");
        assertEquals(List.of(9), s.applied);

        s.work = superseded -> {
            throw new IllegalArgumentException("latest request failed");
        };
        onFx(() -> {
            s.input.set(4);
            return null;
        });
        FxTestSupport.waitUntil(() -> executor.tasks.size() == 1);
        executor.runAll();
        FxTestSupport.waitUntil(() -> !s.failures.isEmpty());
        assertEquals(List.of("latest request failed"), s.failures);
        assertFalse(onFx(() -> s.job.busyProperty().get() || s.job.staleProperty().get()));
    }

    @Test
    void aJobNobodyCanSeeDefersItsWorkAndRunsTheLatestInputsOnceSeenAgain() {
        HeldExecutor executor = new HeldExecutor();
        SimpleBooleanProperty viewer = new SimpleBooleanProperty(true);
        Squares s = onFx(() -> {
            Squares o = new Squares(executor);
            o.job.seenWhile(viewer);
            o.input.set(2);
            return o;
        });
        FxTestSupport.waitUntil(() -> executor.tasks.size() == 1);
        executor.runAll();
        FxTestSupport.waitUntil(() -> onFx(() -> !s.job.busyProperty().get()));

        onFx(() -> {
            viewer.set(false);
            s.input.set(3);
            s.input.set(4);
            return null;
        });
        // nothing runs: not busy, deferred, and the 4 on screen is stale
        assertTrue(onFx(() -> s.job.deferredProperty().get() && !s.job.busyProperty().get() && s.job.staleProperty().get()));
        pastManyDebounces();
        assertEquals(0, executor.tasks.size(), "no work queued while nobody can see the result");

        onFx(() -> {
            viewer.set(true);
            return null;
        });
        assertTrue(onFx(() -> !s.job.deferredProperty().get() && s.job.busyProperty().get()));
        FxTestSupport.waitUntil(() -> executor.tasks.size() == 1);
        executor.runAll();
        FxTestSupport.waitUntil(() -> onFx(() -> !s.job.busyProperty().get()));
        assertEquals(List.of(2, 4), s.started, "3 never ran; the latest input ran once when seen again");
        assertEquals(16, onFx(() -> s.shown));
        assertFalse(onFx(() -> s.job.staleProperty().get()));
    }

    @Test
    void aRequestHiddenDuringItsDebounceWaitsUntilSeen() {
        HeldExecutor executor = new HeldExecutor();
        SimpleBooleanProperty viewer = new SimpleBooleanProperty(true);
        SimpleBooleanProperty other = new SimpleBooleanProperty(false);
        Squares s = onFx(() -> {
            Squares o = new Squares(executor);
            o.job.seenWhile(viewer);
            o.job.seenWhile(other);
            o.input.set(5);
            viewer.set(false); // within the debounce
            return o;
        });
        assertTrue(onFx(() -> s.job.deferredProperty().get() && !s.job.busyProperty().get()));
        pastManyDebounces();
        assertEquals(0, executor.tasks.size());
        onFx(() -> {
            other.set(true); // any one viewer is enough
            return null;
        });
        FxTestSupport.waitUntil(() -> executor.tasks.size() == 1);
        executor.runAll();
        FxTestSupport.waitUntil(() -> onFx(() -> !s.job.busyProperty().get()));
        assertEquals(List.of(25), s.applied);
    }

    /** Long enough for many debounces (5 ms) and pulses to pass: a check that nothing was queued means something. */
    private static void pastManyDebounces() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onFx(() -> null);
    }
}
