package dev.patchexplorer.ui;

import dev.patchexplorer.core.format.Units;
import javafx.scene.control.CheckBox;
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
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.ConceptsWindowSupport.readout;
import static dev.patchexplorer.ui.ConceptsWindowSupport.slide;
import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Concepts > "Several scales" in the real window on the 224 px sample: the nested grids' sizes, the
 * windows ceil(side / M)², one block's window attention 2·(windows·M²)·M²·C and global attention
 * 2·N²·C with Swin-T's C = 96, and the pieces a shift by floor(M / 2) cuts the grid into, all worked
 * out here by hand for two slider positions and two window sizes.
 */
@ExtendWith(ApplicationExtension.class)
class ScalesWindowTest {
    private static final String PAGE = "scales";
    private static final long C = 96;
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
    void gridsWindowsAndCostsFollowTheSliderAndTheWindow(FxRobot robot) {
        ConceptsWindowSupport.openSample(view, model);
        ConceptsWindowSupport.openPage(robot, view, PAGE);
        assertEquals(224, onFx(() -> model.getWorking().width()));

        // patch 16: 14 x 14 tokens, 7 x 7 windows: 4 windows; 2·196·49·96 against 2·196²·96
        assertEquals(16, slide(view, 16));
        assertEquals(String.join("\n", grid(16, 14), grid(32, 7), grid(64, 3)), readout(view, PAGE, "grids"));
        assertCosts(4, 7, 196, 1_843_968L, 7_375_872L, "4.0×");
        assertEquals(Messages.get("concept.scales.noShift"), readout(view, PAGE, "shift"));

        // patch 8: 28 x 28; shifted by 3, borders at 4, 11, 18, 25: 5 pieces a side
        assertEquals(8, slide(view, 8));
        set(robot, "shifted", true);
        assertCosts(16, 7, 784, 2L * 784 * 49 * C, 2L * 784 * 784 * C, "16.0×");
        assertEquals(Messages.format("concept.scales.shiftOf", 3, 25), readout(view, PAGE, "shift"));

        // patch 16, window 5: ceil(14 / 5)² = 9 windows padded to 225 tokens; shift 2, borders 3, 8, 13: 4 a side
        assertEquals(16, slide(view, 16));
        set(robot, "window", 5);
        assertCosts(9, 5, 196, 2L * 225 * 25 * C, 2L * 196 * 196 * C, String.format(Locale.ROOT, "%.1f×", 196.0 * 196 / (225 * 25)));
        assertEquals(Messages.format("concept.scales.shiftOf", 2, 16), readout(view, PAGE, "shift"));

        // two levels only
        set(robot, "levels", 2);
        assertEquals(String.join("\n", grid(16, 14), grid(32, 7)), readout(view, PAGE, "grids"));
        // a window as large as the grid: one window, nothing shifted (Swin's rule)
        assertEquals(32, slide(view, 32));
        set(robot, "window", 7);
        assertCosts(1, 7, 49, 2L * 49 * 49 * C, 2L * 49 * 49 * C, "1.0×");
        assertEquals(Messages.get("concept.scales.noShiftOneWindow"), readout(view, PAGE, "shift"));
    }

    private static String grid(int size, int side) {
        return Messages.format("concept.scales.gridOf", size, side, side);
    }

    private void assertCosts(int windows, int m, int tokens, long windowMacs, long globalMacs, String ratio) {
        assertEquals(Messages.format("concept.scales.windowsOf", windows, m, tokens), readout(view, PAGE, "windows"));
        assertEquals(Messages.format("concept.scales.macsOf", Units.compact(windowMacs)), readout(view, PAGE, "windowCost"));
        assertEquals(Messages.format("concept.scales.macsOf", Units.compact(globalMacs)), readout(view, PAGE, "globalCost"));
        assertEquals(ratio, readout(view, PAGE, "ratio"));
    }

    private static void set(FxRobot robot, String control, Object value) {
        onFx(() -> {
            Object node = robot.lookup("#concept-scales-" + control).query();
            if (node instanceof CheckBox c) c.setSelected((Boolean) value);
            else {
                @SuppressWarnings("unchecked")
                Spinner<Integer> s = (Spinner<Integer>) node;
                s.getValueFactory().setValue((Integer) value);
            }
            return null;
        });
    }
}
