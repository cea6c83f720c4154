package dev.patchexplorer.ui;

import dev.patchexplorer.core.format.Units;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.ConceptsWindowSupport.readout;
import static dev.patchexplorer.ui.ConceptsWindowSupport.slide;
import static dev.patchexplorer.ui.ConceptsWindowSupport.waitForReadout;
import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Concepts > "Adaptive patch sizes" in the real window on the 224 px sample. Token counts that hold
 * whatever the scores: the budget of the coverage alone gives the coarse grid, a budget beyond the
 * uniform grid splits everything down to it, and in between every split adds 3 tokens up to the
 * budget; the attention share is (tokens / uniform)². Worked out here for two slider positions.
 */
@ExtendWith(ApplicationExtension.class)
class AdaptiveWindowTest {
    private static final String PAGE = "adaptive";
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
    void tokensFollowSliderBudgetAndScore(FxRobot robot) {
        ConceptsWindowSupport.openSample(view, model);
        ConceptsWindowSupport.openPage(robot, view, PAGE);
        assertEquals(224, onFx(() -> model.getWorking().width()));

        // patch 16, two doublings: 64 px at most, a 192 px square (3 x 3 of them), 12 x 12 = 144 at the finest
        assertEquals(16, slide(view, 16));
        setBudget(robot, 9);
        expect(192, 9, 9, 9, 0, 144);
        assertEquals(Messages.format("concept.adaptive.sizeCount", 64, 9), readout(view, PAGE, "bySize"));
        setBudget(robot, 64);
        expect(192, 63, 64, 9, 18, 144); // (64 − 9) / 3 = 18 splits
        setBudget(robot, 1000);
        expect(192, 144, 1000, 9, 45, 144); // all 9 + 36 cells split: the uniform grid
        assertEquals(Messages.format("concept.adaptive.sizeCount", 16, 144), readout(view, PAGE, "bySize"));
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Object> score = robot.lookup("#concept-adaptive-score").queryAs(ComboBox.class);
            score.setValue(score.getItems().get(1));
            return null;
        });
        setBudget(robot, 30);
        expect(192, 30, 30, 9, 7, 144);

        // patch 8: 32 px at most, the whole 224 px (7 x 7), 28 x 28 = 784 at the finest
        assertEquals(8, slide(view, 8));
        expect(224, 49, 30, 49, 0, 784); // a budget below the coverage is refused
        setBudget(robot, 1000);
        expect(224, 784, 1000, 49, 245, 784);
        assertEquals(Messages.format("concept.adaptive.sizesOf", 8, 32), readout(view, PAGE, "sizes"));
    }

    private void expect(int side, int tokens, int budget, int initial, int splits, int uniform) {
        if (budget < initial) {
            FxTestSupport.waitUntil(60, () -> Messages.format("concept.adaptive.budgetLow", initial, (side / (int) Math.round(Math.sqrt(uniform))) << 2)
                    .equals(onFx(() -> ((Label) view.lookup("#concept-adaptive-status")).getText())));
            assertEquals("—", readout(view, PAGE, "tokens"));
            return;
        }
        waitForReadout(view, PAGE, "tokens", Messages.format("concept.adaptive.tokensOf", tokens, budget, initial, splits));
        assertEquals(Messages.format("concept.adaptive.squareOf", side), readout(view, PAGE, "square"));
        assertEquals(Messages.format("concept.adaptive.uniformOf", uniform, side / (int) Math.round(Math.sqrt(uniform))),
                readout(view, PAGE, "uniform"));
        assertEquals(Messages.format("concept.adaptive.attentionOf",
                Units.percent((double) tokens * tokens / ((double) uniform * uniform))), readout(view, PAGE, "attention"));
    }

    private static void setBudget(FxRobot robot, int budget) {
        onFx(() -> {
            @SuppressWarnings("unchecked")
            Spinner<Integer> s = robot.lookup("#concept-adaptive-budget").queryAs(Spinner.class);
            s.getValueFactory().setValue(budget);
            return null;
        });
    }
}
