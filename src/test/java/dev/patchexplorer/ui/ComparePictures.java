package dev.patchexplorer.ui;

import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.ui.inference.AttentionJob;
import dev.patchexplorer.ui.io.Samples;
import dev.patchexplorer.ui.views.compare.CompareCentre;
import dev.patchexplorer.ui.views.compare.CompareView;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;

/**
 * Not a test (no "Test" in the name): the Compare view on the sample cat, side by side at patch 16
 * against 32 and as a swipe, for looking at layout. Run with {@code -Dtest=ComparePictures
 * -Dpictures.dir=DIR -Dpictures.model=CHECKPOINT_FOLDER [-Dpictures.lang=zh]}.
 */
@ExtendWith(ApplicationExtension.class)
class ComparePictures {
    @TempDir
    static Path dir;

    private ExplorerView view;
    private final String lang = System.getProperty("pictures.lang", "en");

    @Start
    void start(Stage stage) {
        Messages.useLocale(lang.equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
        Theme.LIGHT.apply();
        ExplorerViewModel model = new ExplorerViewModel(Executors.newSingleThreadExecutor());
        view = FxTestSupport.showMainWindow(stage, model, dir, Executors.newSingleThreadExecutor());
        view.navigator().navigate(CompareView.ID);
    }

    @Test
    void compare() throws Exception {
        Path out = Path.of(System.getProperty("pictures.dir", dir.toString()));
        Files.createDirectories(out);
        Path checkpoint = Path.of(System.getProperty("pictures.model"));
        CompareView compare = view.view(CompareView.ID, CompareView.class);
        onFx(() -> {
            view.models().loadModel(checkpoint);
            view.openSample(Samples.first());
            return null;
        });
        FxTestSupport.waitUntil(120, () -> onFx(() -> view.models().getModel() != null && view.model().getImage() != null));
        waitForMap(view.attention(), 14);
        waitForMap(compare.model().jobB(), 7);
        FxTestSupport.waitUntil(() -> true);
        save(out.resolve("compare-side-" + lang + ".png"));
        onFx(() -> {
            compare.images().layoutProperty().set(CompareCentre.Layout.SWIPE);
            compare.images().dividerProperty().set(0.45);
            return null;
        });
        FxTestSupport.waitUntil(() -> onFx(() -> compare.images().swipeViewer().getWidth() > 0));
        Thread.sleep(300);
        FxTestSupport.waitUntil(() -> true);
        save(out.resolve("compare-swipe-" + lang + ".png"));

        // pane B on a model of its own: the tests' 6-block tiny ViT, opened through the panel's chooser
        Path own = dev.patchexplorer.testing.TinyCheckpoints.vitDraft(6, dev.patchexplorer.testing.TinyCheckpoints.IMAGENET_CLASSES)
                .write(dir.resolve("vit_tiny_depth6"));
        onFx(() -> {
            compare.images().layoutProperty().set(CompareCentre.Layout.SIDE_BY_SIDE);
            compare.pane().setFolderChooser(owner -> own.toFile());
            ((javafx.scene.control.ComboBox<?>) view.lookup("#compare-model-b")).getSelectionModel().select(1);
            return null;
        });
        FxTestSupport.waitUntil(120, () -> onFx(() -> compare.model().modelB().hasOwn()));
        waitForMap(compare.model().jobB(), 7);
        FxTestSupport.waitUntil(() -> true);
        save(out.resolve("compare-two-models-" + lang + ".png"));
    }

    private static void waitForMap(AttentionJob job, int grid) {
        FxTestSupport.waitUntil(120, () -> onFx(() -> job.getHeatmap() != null && !job.busyProperty().get()
                && !job.staleProperty().get() && job.getHeatmap().gridW() == grid
                && job.getHeatmap().plan().mode() == PatchMode.RESIZE && !job.predictionsProperty().get().isEmpty()));
    }

    private void save(Path file) {
        onFx(() -> {
            ImageIO.write(SwingFXUtils.fromFXImage(view.getScene().snapshot(null), null), "png", file.toFile());
            return null;
        });
    }
}
