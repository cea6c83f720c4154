package dev.patchexplorer.ui.jobs;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The lanes of the inference thread, over an executor the test runs by hand: interactive tasks first,
 * then loads in their order, then background ones; a background task's yield runs the interactive
 * tasks waiting then, never a load, and a yield outside a background task does nothing.
 */
class InferenceThreadTest {
    /** Runs tasks only when the test says so, on the test thread, one at a time. */
    private static final class HeldExecutor implements Executor {
        final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

        @Override public void execute(Runnable r) {
            tasks.add(r);
        }

        void runAll() {
            for (Runnable r; (r = tasks.poll()) != null; ) r.run();
        }
    }

    @Test
    void interactiveTasksGoFirstThenLoadsInOrderThenBackground() {
        HeldExecutor held = new HeldExecutor();
        InferenceThread thread = new InferenceThread(held);
        List<String> ran = new ArrayList<>();
        thread.background().execute(() -> ran.add("sweep"));
        thread.execute(() -> ran.add("load A"));
        thread.interactive().execute(() -> ran.add("heatmap 1"));
        thread.execute(() -> ran.add("close B"));
        thread.interactive().execute(() -> ran.add("heatmap 2"));
        assertEquals(5, held.tasks.size(), "one task on the executor per task handed in");
        held.runAll();
        assertEquals(List.of("heatmap 1", "heatmap 2", "load A", "close B", "sweep"), ran);
    }

    @Test
    void aBackgroundTaskYieldsToWaitingInteractiveTasksButNeverToALoad() {
        HeldExecutor held = new HeldExecutor();
        InferenceThread thread = new InferenceThread(held);
        List<String> ran = new ArrayList<>();
        Executor sweeps = thread.background();
        sweeps.execute(() -> {
            for (int pass = 1; pass <= 3; pass++) {
                InferenceThread.runWaitingForeground(sweeps);
                ran.add("pass " + pass);
                if (pass == 1) {
                    // asked for while the sweep runs (from another thread in the app)
                    thread.interactive().execute(() -> ran.add("heatmap"));
                    thread.execute(() -> ran.add("close"));
                    thread.interactive().execute(() -> {
                        ran.add("field map");
                        throw new IllegalStateException("a failing map must not end the sweep");
                    });
                }
            }
        });
        held.runAll();
        assertEquals(List.of("pass 1", "heatmap", "field map", "pass 2", "pass 3", "close"), ran);
    }

    @Test
    void aYieldOutsideABackgroundTaskRunsNothing() {
        HeldExecutor held = new HeldExecutor();
        InferenceThread thread = new InferenceThread(held);
        List<String> ran = new ArrayList<>();
        thread.interactive().execute(() -> ran.add("heatmap"));
        thread.runWaitingForeground(); // e.g. from the FX thread: would run the model beside the inference thread
        InferenceThread.runWaitingForeground(Runnable::run); // another executor: nothing to yield to
        assertEquals(List.of(), ran);
        held.runAll();
        assertEquals(List.of("heatmap"), ran);
    }
}
