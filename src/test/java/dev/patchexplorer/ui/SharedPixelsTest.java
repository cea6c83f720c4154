package dev.patchexplorer.ui;

import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.classify.TopK;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.CnnModel;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.inference.ModelViewModel;
import dev.patchexplorer.ui.inference.ReceptiveFieldJob;
import dev.patchexplorer.ui.inference.ReceptiveFieldViewModel;
import dev.patchexplorer.ui.io.LoadedImage;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The image's pixels are copied once, off the FX thread, and the jobs read that copy: a paste is copied
 * by the loading executor, and a job fed an image whose shown picture differs from its pixel copy
 * predicts from the copy (it would predict from the picture if it copied the image again).
 */
class SharedPixelsTest {
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

    @BeforeAll
    static void toolkit() throws java.util.concurrent.TimeoutException {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    /** Distinct colours everywhere: pixel (x, y) = (3x, 5y, x + y) mod 256, opaque. */
    private static int[] pattern(int w, int h) {
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) argb[y * w + x] = 0xFF000000 | (3 * x % 256) << 16 | (5 * y % 256) << 8 | (x + y) % 256;
        }
        return argb;
    }

    private static WritableImage fxImage(int w, int h, int[] argb) {
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return img;
    }

    @Test
    void aPasteIsCopiedByTheLoadingExecutorNotTheFxThread() {
        HeldExecutor loading = new HeldExecutor();
        ExplorerViewModel explorer = onFx(() -> new ExplorerViewModel(loading));
        int[] argb = pattern(64, 48);
        WritableImage pasted = fxImage(64, 48, argb);
        onFx(() -> {
            explorer.openPasted(pasted);
            return null;
        });
        assertNull(onFx(explorer::getImage), "nothing is copied on the FX thread: the paste waits for the executor");
        assertEquals(1, loading.tasks.size());
        loading.runAll(); // the copy, on this (test) thread
        FxTestSupport.waitUntil(() -> onFx(() -> explorer.getImage() != null));
        LoadedImage loaded = onFx(explorer::getImage);
        assertSame(pasted, loaded.image());
        assertArrayEquals(argb, loaded.pixels().argb());
    }

    @Test
    void theCnnPredictsFromTheSharedCopyNotFromTheShownPicture(@TempDir Path dir) throws IOException {
        Path mobileNet = TinyCheckpoints.mobileNetV2(dir.resolve("mobilenetv2"));
        int w = 96, h = 80;
        RgbImage picture = new RgbImage(w, h, pattern(w, h));
        int[] grey = new int[w * h];
        java.util.Arrays.fill(grey, 0xFF808080);
        // The shown picture is plain grey; the pixel copy the jobs are to read is the pattern.
        LoadedImage image = new LoadedImage(fxImage(w, h, grey), picture, "pattern", null, w, h, 1);

        HeldExecutor inference = new HeldExecutor();
        ReceptiveFieldJob job = onFx(() -> {
            ExplorerViewModel explorer = new ExplorerViewModel(Runnable::run);
            explorer.workingSizeProperty().set(64);
            ModelViewModel models = new ModelViewModel(explorer, inference);
            ReceptiveFieldViewModel fields = new ReceptiveFieldViewModel(explorer, models);
            ReceptiveFieldJob j = new ReceptiveFieldJob(explorer, models, fields, new SimpleObjectProperty<>(PatchMode.RESIZE), inference);
            models.loadModel(mobileNet);
            explorer.imageProperty().set(image);
            return j;
        });
        FxTestSupport.waitUntil(() -> {
            inference.runAll();
            return onFx(() -> !job.predictionsProperty().get().isEmpty() && !job.busyProperty().get());
        });
        List<Prediction> shown = onFx(() -> job.predictionsProperty().get());
        CnnModel cnn = onFx(() -> job.models().getCnn());
        WorkingResolution working = onFx(() -> job.fields().explorer().getWorking());

        assertEquals(top5(cnn, picture, working), shown, "predictions from the shared pixel copy");
        assertNotEquals(top5(cnn, new RgbImage(w, h, grey), working), shown,
                "the grey picture predicts otherwise: a job that copied the shown image would fail above");
    }

    private static List<Prediction> top5(CnnModel cnn, RgbImage pixels, WorkingResolution w) {
        return TopK.of(cnn.forward(Preprocess.toModelInput(pixels, w.width(), w.height(), cnn.config().mean(), cnn.config().std()))
                .logits(), 5);
    }
}
