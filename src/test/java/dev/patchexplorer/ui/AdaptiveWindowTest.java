package dev.patchexplorer.ui;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.inference.Heatmap;
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
    /** The third scorer in the chooser: the heatmap's mass. */
    private static final int SCORE_ATTENTION = 2;
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
        if (view != null) {
            onFx(() -> {
                view.models().closeModel();
                return null;
            });
        }
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

    @Test
    void theHeatmapMassScoresOnceAModelHasShownOne(FxRobot robot) throws Exception {
        ConceptsWindowSupport.openSample(view, model);
        ConceptsWindowSupport.openPage(robot, view, PAGE);
        assertEquals(16, slide(view, 16));
        chooseScore(robot, SCORE_ATTENTION);
        FxTestSupport.waitUntil(60, () -> Messages.get("concept.adaptive.noMap")
                .equals(onFx(() -> ((Label) view.lookup("#concept-adaptive-status")).getText())));
        assertEquals("—", readout(view, PAGE, "tokens"));

        // the attention view computes the tiny ViT's rollout on the sample; the page then scores with it
        Path vit = TinyCheckpoints.vit(settingsDir.resolve("vit-" + System.nanoTime()));
        onFx(() -> {
            view.navigator().navigate("attention");
            view.models().loadModel(vit);
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.attention().getHeatmap() != null
                && view.attention().getHeatmap().patch() == 16 && !view.attention().busyProperty().get()));
        Heatmap map = onFx(() -> view.attention().getHeatmap());
        ConceptsWindowSupport.openPage(robot, view, PAGE);
        setBudget(robot, 30);
        expect(192, 30, 30, 9, 7, 144);
        assertEquals(Messages.format("concept.adaptive.mapOf", map.title(), 16), readout(view, PAGE, "map"));
        // the 7 splits go where the map's mass is: the cell sizes it leads to, split here by hand from the map
        assertEquals(sizesByHand(map, 16, 192, 16, 64, 30), readout(view, PAGE, "bySize"));
    }

    /**
     * Quadformer's loop written out again: 9 cells of 64 px, split the one with the most map mass (per-patch
     * values spread evenly over their 16 px cells, the window at (16, 16)) until the budget, then count by side.
     */
    private static String sizesByHand(Heatmap map, int offset, int side, int min, int max, int budget) {
        double[] perPixel = new double[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int r = (y + offset) / map.patch();
                int c = (x + offset) / map.patch();
                int i = r * map.gridW() + c;
                // a cell the map hides (a discounted artifact patch) holds nothing
                perPixel[y * side + x] = map.shown(i) ? map.values()[i] / (map.patch() * map.patch()) : 0;
            }
        }
        java.util.List<int[]> cells = new java.util.ArrayList<>(); // x, y, size
        for (int y = 0; y < side; y += max) for (int x = 0; x < side; x += max) cells.add(new int[] {x, y, max});
        while (cells.size() + 3 <= budget) {
            int[] best = null;
            double bestMass = -1;
            for (int[] c : cells) {
                if (c[2] <= min) continue;
                double m = 0;
                for (int y = c[1]; y < c[1] + c[2]; y++) for (int x = c[0]; x < c[0] + c[2]; x++) m += perPixel[y * side + x];
                if (m > bestMass) {
                    bestMass = m;
                    best = c;
                }
            }
            if (best == null) break;
            cells.remove(best);
            int h = best[2] / 2;
            for (int dy = 0; dy < 2; dy++) for (int dx = 0; dx < 2; dx++) cells.add(new int[] {best[0] + dx * h, best[1] + dy * h, h});
        }
        java.util.TreeMap<Integer, Integer> bySize = new java.util.TreeMap<>();
        for (int[] c : cells) bySize.merge(c[2], 1, Integer::sum);
        java.util.StringJoiner j = new java.util.StringJoiner("\n");
        bySize.forEach((size, count) -> j.add(Messages.format("concept.adaptive.sizeCount", size, count)));
        return j.toString();
    }

    private static void chooseScore(FxRobot robot, int index) {
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Object> score = robot.lookup("#concept-adaptive-score").queryAs(ComboBox.class);
            score.setValue(score.getItems().get(index));
            return null;
        });
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
