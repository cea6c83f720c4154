package dev.patchexplorer.ui;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.tradeoff.PassMemory;
import dev.patchexplorer.core.tradeoff.VitArchitecture;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.ConceptsWindowSupport.readout;
import static dev.patchexplorer.ui.ConceptsWindowSupport.slide;
import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Concepts > "Segmentation of large images" in the real window: tile counts ceil((L − T) / stride) + 1
 * per side and the memory of one tile's pass and of the whole image's at the same detail, worked out
 * here, at two slider positions and two overlaps.
 */
@ExtendWith(ApplicationExtension.class)
class TilingWindowTest {
    private static final String PAGE = "tiling";
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
    void tileCountsAndMemoryFollowSliderAndOverlap(FxRobot robot) {
        ConceptsWindowSupport.openSample(view, model);
        ConceptsWindowSupport.openPage(robot, view, PAGE);
        WorkingResolution w = onFx(() -> model.getWorking());
        VitArchitecture a = onFx(() -> model.architectureProperty().get());
        for (int overlapShare : new int[] {0, 50}) {
            onFx(() -> {
                @SuppressWarnings("unchecked")
                Spinner<Integer> s = robot.lookup("#concept-tiling-overlapShare").queryAs(Spinner.class);
                s.getValueFactory().setValue(overlapShare);
                return null;
            });
            for (int p : new int[] {32, 56}) {
                assertEquals(p, slide(view, p));
                int overlap = Math.round(p * overlapShare / 100f);
                int stride = p - overlap;
                int cols = tiles(w.width(), p, stride);
                int rows = tiles(w.height(), p, stride);
                assertEquals(Messages.format("concept.tiling.tilesOf", cols, rows, (long) cols * rows), readout(view, PAGE, "tiles"));
                assertEquals(Messages.format("concept.tiling.overlapOf", overlap, stride), readout(view, PAGE, "overlap"));
                // each tile at the model's input, the whole image scaled by input / tile to the same detail
                int g = a.nativeSize() / a.nativePatch();
                PassMemory tile = PassMemory.vit(a.shape(), PassKind.LOGITS, a.depth(), g, g, a.nativeSize(), a.nativeSize());
                int gw = (int) Math.floor(w.width() * (double) a.nativeSize() / p / a.nativePatch());
                int gh = (int) Math.floor(w.height() * (double) a.nativeSize() / p / a.nativePatch());
                PassMemory whole = PassMemory.vit(a.shape(), PassKind.LOGITS, a.depth(), gh, gw, gh * a.nativePatch(), gw * a.nativePatch());
                assertEquals(Messages.format("concept.tiling.memoryOf", Units.bytes(tile.nativeBytes()), 1L + g * g, a.nativeSize()),
                        readout(view, PAGE, "tileMemory"));
                assertEquals(Messages.format("concept.tiling.wholeOf", Units.bytes(whole.nativeBytes()), 1L + (long) gw * gh),
                        readout(view, PAGE, "wholeMemory"));
            }
        }
    }

    private static int tiles(int length, int tile, int stride) {
        return length <= tile ? 1 : (int) Math.ceil((length - tile) / (double) stride) + 1;
    }
}
