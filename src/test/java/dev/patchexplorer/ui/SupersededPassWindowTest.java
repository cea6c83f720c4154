package dev.patchexplorer.ui;

import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.inference.AttentionJob;
import dev.patchexplorer.ui.inference.Heatmap;
import dev.patchexplorer.ui.io.Samples;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Latest wins on the inference thread too: attention passes queued behind a held one and superseded
 * before they start are skipped, so once the thread is free only the pass for the latest settings
 * runs on the model. Counted with the job's own counter of forward passes started, on the tests' tiny
 * ViT in the real window; no timing is asserted.
 */
@ExtendWith(ApplicationExtension.class)
class SupersededPassWindowTest {
    @TempDir
    static Path settingsDir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService inferenceThread = Executors.newSingleThreadExecutor();
    /** Tasks wait here before they run; open (count 0) unless the test closes it. */
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final AtomicInteger submitted = new AtomicInteger();
    private final Executor inference = task -> {
        submitted.incrementAndGet();
        inferenceThread.execute(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            task.run();
        });
    };
    private ExplorerView view;
    private ExplorerViewModel model;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        model = new ExplorerViewModel(background);
        view = FxTestSupport.showMainWindow(stage, model, settingsDir, inference);
        view.navigator().navigate("attention");
    }

    @AfterEach
    void closeModel() {
        if (view != null) {
            onFx(() -> {
                view.models().closeModel();
                return null;
            });
        }
        gate.countDown();
        inferenceThread.shutdown();
        background.shutdown();
    }

    @Test
    void onlyTheLatestOfSeveralHeldPassesRuns(@TempDir Path models) throws IOException {
        Path vit = TinyCheckpoints.vit(models.resolve("vit_tiny_patch16_224.augreg_in21k_ft_in1k"));
        onFx(() -> {
            view.models().loadModel(vit);
            view.openSample(Samples.first());
            return null;
        });
        waitForHeatmap(16, 14);
        AttentionJob job = view.attention();
        int before = job.forwardPassesStarted();

        gate = new CountDownLatch(1);
        for (int patch : new int[] {17, 20, 24, 32}) {
            int queued = submitted.get();
            onFx(() -> {
                model.setPatch(patch);
                return null;
            });
            // past the debounce: this setting's pass is on the executor, held behind the gate
            FxTestSupport.waitUntil(90, () -> submitted.get() > queued);
        }
        gate.countDown();
        waitForHeatmap(32, 7);

        assertEquals(1, job.forwardPassesStarted() - before,
                "the three superseded passes were queued, yet only the pass for patch 32 may run on the model");
    }

    /** A current (not busy, not stale) heatmap at {@code patch} on a grid x grid grid. */
    private void waitForHeatmap(int patch, int grid) {
        FxTestSupport.waitUntil(90, () -> onFx(() -> {
            Heatmap h = view.attention().getHeatmap();
            return h != null && !view.attention().busyProperty().get() && !view.attention().staleProperty().get()
                    && h.patch() == patch && h.gridH() == grid && h.gridW() == grid && h.plan().mode() == PatchMode.RESIZE;
        }));
    }
}
