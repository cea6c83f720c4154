package dev.patchexplorer.ui;

import dev.patchexplorer.core.augment.RandomCrop;
import dev.patchexplorer.core.augment.RandomResizedCrop;
import dev.patchexplorer.core.grid.WorkingResolution;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.ConceptsWindowSupport.readout;
import static dev.patchexplorer.ui.ConceptsWindowSupport.slide;
import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Concepts > "Data augmentation" in the real window: each crop's caption counts floor(w / P) x
 * floor(h / P) whole patches of the crops the seed gives, and follows the slider, the seed and the
 * ranges; a range with its minimum above its maximum is explained instead of drawn.
 */
@ExtendWith(ApplicationExtension.class)
class AugmentationWindowTest {
    private static final String PAGE = "augment";
    @TempDir
    static Path settingsDir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService inference = Executors.newSingleThreadExecutor();
    private ExplorerView view;
    private ExplorerViewModel model;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        model = new ExplorerViewModel(background);
        view = FxTestSupport.showMainWindow(stage, model, settingsDir, inference);
    }

    @AfterEach
    void close() {
        inference.shutdown();
        background.shutdown();
    }

    @Test
    void captionsCountWholePatchesAndFollowSliderSeedAndRanges(FxRobot robot) {
        ConceptsWindowSupport.openSample(view, model);
        ConceptsWindowSupport.openPage(robot, view, PAGE);
        WorkingResolution w = onFx(() -> model.getWorking());
        for (int p : new int[] {16, 40}) {
            assertEquals(p, slide(view, p));
            assertCaptions(robot, RandomResizedCrop.DEFAULTS.samples(w.width(), w.height(), 6, 0), p);
            assertEquals(Messages.format("concept.augment.imageOf", (w.width() / p) * (w.height() / p), w.width(), w.height()),
                    readout(view, PAGE, "image"));
        }
        onFx(() -> {
            spinner(robot, "seed").getValueFactory().setValue(5);
            return null;
        });
        assertCaptions(robot, RandomResizedCrop.DEFAULTS.samples(w.width(), w.height(), 6, 5), 40);

        onFx(() -> {
            spinner(robot, "scaleMin").getValueFactory().setValue(0.5);
            spinner(robot, "scaleMax").getValueFactory().setValue(0.6);
            return null;
        });
        RandomResizedCrop narrow = new RandomResizedCrop(0.5, 0.6, 3.0 / 4.0, 4.0 / 3.0);
        assertCaptions(robot, narrow.samples(w.width(), w.height(), 6, 5), 40);

        onFx(() -> {
            spinner(robot, "scaleMin").getValueFactory().setValue(0.9);
            return null;
        });
        assertEquals(Messages.get("concept.augment.badRange"), label(robot, "concept-augment-status"));
        assertEquals("—", readout(view, PAGE, "mean"));
    }

    @Test
    void fixedCropsCountTheirPatchesAndThoseWithoutPadding(FxRobot robot) {
        ConceptsWindowSupport.openSample(view, model);
        ConceptsWindowSupport.openPage(robot, view, PAGE);
        WorkingResolution w = onFx(() -> model.getWorking());
        assertEquals(224, w.width());
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Object> mode = robot.lookup("#concept-augment-mode").queryAs(ComboBox.class);
            mode.setValue(mode.getItems().get(1));
            spinner(robot, "size").getValueFactory().setValue(100);
            spinner(robot, "padding").getValueFactory().setValue(20);
            spinner(robot, "seed").getValueFactory().setValue(3);
            return null;
        });
        assertEquals(16, slide(view, 16));
        assertFixed(robot, new RandomCrop(100, 20).samples(224, 224, 6, 3), 16, w);
        assertEquals("36.0", readout(view, PAGE, "mean")); // floor(100 / 16)² = 36 in every crop
        assertEquals("—", readout(view, PAGE, "fallbacks"));
        assertEquals(32, slide(view, 32));
        assertFixed(robot, new RandomCrop(100, 20).samples(224, 224, 6, 3), 32, w);
        assertEquals("9.0", readout(view, PAGE, "mean"));

        onFx(() -> {
            spinner(robot, "size").getValueFactory().setValue(265); // 224 + 2 x 20 = 264 is the largest that fits
            return null;
        });
        assertEquals(Messages.format("concept.augment.tooLarge", 265, 224, 224, 20), label(robot, "concept-augment-status"));
        assertEquals("—", readout(view, PAGE, "mean"));
    }

    /** The captions against the boxes, the clean patches counted here cell by cell from the box's corner. */
    private void assertFixed(FxRobot robot, List<RandomCrop.Box> boxes, int patch, WorkingResolution w) {
        double clean = 0;
        for (int i = 0; i < boxes.size(); i++) {
            RandomCrop.Box b = boxes.get(i);
            int n = b.size() / patch;
            int inside = 0;
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    int x = b.x() + c * patch;
                    int y = b.y() + r * patch;
                    if (x >= 0 && y >= 0 && x + patch <= w.width() && y + patch <= w.height()) inside++;
                }
            }
            clean += inside;
            assertEquals(Messages.format("concept.augment.cropFixedOf", n * n, inside, b.x(), b.y()),
                    label(robot, "concept-augment-crop-" + i), "crop " + i);
        }
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f", clean / boxes.size()), readout(view, PAGE, "meanImage"));
    }

    private void assertCaptions(FxRobot robot, List<RandomResizedCrop.Crop> crops, int patch) {
        double sum = 0;
        for (int i = 0; i < crops.size(); i++) {
            RandomResizedCrop.Crop c = crops.get(i);
            int whole = (c.width() / patch) * (c.height() / patch);
            sum += whole;
            String key = c.fallback() ? "concept.augment.cropFallback" : "concept.augment.cropOf";
            assertEquals(Messages.format(key, whole, c.width(), c.height()), label(robot, "concept-augment-crop-" + i), "crop " + i);
        }
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f", sum / crops.size()), readout(view, PAGE, "mean"));
    }

    private static String label(FxRobot robot, String id) {
        return onFx(() -> robot.lookup("#" + id).queryAs(Label.class).getText());
    }

    @SuppressWarnings("unchecked")
    private static <T> Spinner<T> spinner(FxRobot robot, String name) { // FX thread
        return (Spinner<T>) robot.lookup("#concept-augment-" + name).queryAs(Spinner.class);
    }
}
