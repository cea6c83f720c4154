package dev.patchexplorer.ui;

import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.classify.TopK;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.model.CnnModel;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.inference.GradientMapKind;
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
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A job whose results nobody can see runs no passes: the receptive-field job while its map is hidden and
 * its view is not chosen, the attention job while the gradient map has the image and its view is not
 * chosen. Once its view is chosen again it runs once, for the latest inputs, and what it then shows is
 * current. In the real window on the tests' tiny checkpoints; tasks on the inference thread are counted.
 */
@ExtendWith(ApplicationExtension.class)
class HiddenJobsIdleWindowTest {
    @TempDir
    static Path settingsDir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService inferenceThread = Executors.newSingleThreadExecutor();
    private final AtomicInteger submitted = new AtomicInteger();
    private final Executor inference = task -> {
        submitted.incrementAndGet();
        inferenceThread.execute(task);
    };
    private ExplorerView view;
    private ExplorerViewModel model;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        model = new ExplorerViewModel(background);
        view = FxTestSupport.showMainWindow(stage, model, settingsDir, inference);
        view.navigator().navigate("explore");
    }

    @AfterEach
    void closeModel() {
        if (view != null) {
            onFx(() -> {
                view.models().closeModel();
                return null;
            });
        }
        inferenceThread.shutdown();
        background.shutdown();
    }

    @Test
    void theReceptiveFieldJobIdlesWhileHiddenAndRunsTheLatestInputsOnceShown(@TempDir Path models) throws IOException {
        Path mobileNet = TinyCheckpoints.mobileNetV2(models.resolve("mobilenetv2"));
        onFx(() -> {
            view.models().loadModel(mobileNet); // a CNN brings up the receptive-field view
            view.openSample(Samples.first());
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.models().getCnn() != null && model.getImage() != null
                && "rf".equals(view.navigator().getActive().id()) && view.gradients().getMap() != null
                && !view.gradients().busyProperty().get()));
        onFx(() -> {
            view.gradients().showMapProperty().set(false); // the top-5 in the panel is all that is left to see
            return null;
        });
        FxTestSupport.waitUntil(() -> onFx(() -> !view.gradients().busyProperty().get()));
        onFx(() -> {
            view.navigator().navigate("explore");
            return null;
        });
        int before = submitted.get();

        for (int size : new int[] {160, 128, 96}) {
            onFx(() -> {
                model.workingSizeProperty().set(size);
                return null;
            });
            pastTheDebounce();
        }
        assertEquals(before, submitted.get(), "no pass while nobody can see the map or the top-5");
        assertTrue(onFx(() -> view.gradients().deferredProperty().get() && !view.gradients().busyProperty().get()));
        assertEquals(List.of(), onFx(() -> view.gradients().predictionsProperty().get()),
                "the old top-5 belonged to another working size");

        onFx(() -> {
            view.navigator().navigate("rf");
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> !view.gradients().busyProperty().get()
                && !view.gradients().predictionsProperty().get().isEmpty()));
        assertEquals(1, submitted.get() - before, "one pass, for the latest inputs");
        assertFalse(onFx(() -> view.gradients().deferredProperty().get() || view.gradients().staleProperty().get()));
        CnnModel cnn = onFx(() -> view.models().getCnn());
        WorkingResolution w = onFx(() -> model.getWorking());
        assertEquals(96, Math.max(w.width(), w.height()));
        List<Prediction> expected = TopK.of(cnn.forward(Preprocess.toModelInput(onFx(() -> model.getImage().pixels()),
                w.width(), w.height(), cnn.config().mean(), cnn.config().std())).logits(), 5);
        assertEquals(expected, onFx(() -> view.gradients().predictionsProperty().get()),
                "the top-5 of the model at the latest working size, computed here on its own");
    }

    @Test
    void theAttentionJobIdlesWhileTheGradientMapHasTheImageAndRunsOnceItsViewIsChosen(@TempDir Path models) throws IOException {
        Path vit = TinyCheckpoints.vit(models.resolve("vit_tiny_patch16_224.augreg_in21k_ft_in1k"));
        onFx(() -> {
            view.models().loadModel(vit);
            view.openSample(Samples.first());
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.attention().getHeatmap() != null && !view.attention().busyProperty().get()));
        onFx(() -> {
            view.gradients().mapKindProperty().set(GradientMapKind.SALIENCY); // picking a map shows it, over the heatmap
            return null;
        });
        assertFalse(onFx(() -> view.attention().showHeatmapProperty().get()));
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.gradients().getMap() != null && !view.gradients().busyProperty().get()));
        int before = onFx(() -> view.attention().forwardPassesStarted());

        for (int patch : new int[] {20, 24}) {
            onFx(() -> {
                model.setPatch(patch);
                return null;
            });
            pastTheDebounce();
        }
        FxTestSupport.waitUntil(90, () -> onFx(() -> !view.gradients().busyProperty().get()));
        assertEquals(before, onFx(() -> view.attention().forwardPassesStarted()), "no attention pass while its heatmap is hidden");
        assertTrue(onFx(() -> view.attention().deferredProperty().get() && view.attention().staleProperty().get()),
                "the patch-16 heatmap no longer answers, and says so");
        // the saliency map is on the image: it did follow the slider
        assertEquals(24 * (224 / 24), onFx(() -> (int) view.gradients().getMap().extentW()));

        onFx(() -> {
            view.navigator().navigate("attention");
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> !view.attention().busyProperty().get() && view.attention().getHeatmap().patch() == 24));
        assertEquals(1, onFx(() -> view.attention().forwardPassesStarted()) - before, "one pass, for the latest patch size");
        Heatmap h = onFx(() -> view.attention().getHeatmap());
        assertEquals(List.of(9, 9), List.of(h.gridH(), h.gridW()), "224 / 24 = 9 whole patches a side");
        assertFalse(onFx(() -> view.attention().staleProperty().get() || view.attention().deferredProperty().get()));
    }

    /** Longer than either job's debounce (80 and 200 ms), so a pass that was going to start has been queued. */
    private static void pastTheDebounce() {
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onFx(() -> null);
    }
}
