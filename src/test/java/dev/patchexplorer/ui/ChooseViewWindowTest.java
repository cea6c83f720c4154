package dev.patchexplorer.ui;

import dev.patchexplorer.core.sweep.Recommendation;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.choose.ChoosePatchPane;
import dev.patchexplorer.ui.choose.ChooseSweep;
import dev.patchexplorer.ui.choose.PatchResult;
import dev.patchexplorer.ui.choose.RecommendationText;
import dev.patchexplorer.ui.inference.Heatmap;
import dev.patchexplorer.ui.io.Samples;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "Choose a patch size" tab in the real window on the tests' tiny ViT: a sweep over 12..20 step 4
 * fills one table row per patch, a row and a chart point move the slider (and the heatmap follows),
 * the recommendation is the sentence {@link Recommendation#of} gives, and Cancel stops a held sweep.
 */
@ExtendWith(ApplicationExtension.class)
class ChooseViewWindowTest {
    @TempDir
    static Path settingsDir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService inferenceThread = Executors.newSingleThreadExecutor();
    /** Passes wait here before they run; open unless a test closes it. */
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final Executor inference = task -> inferenceThread.execute(() -> {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        task.run();
    });
    private ExplorerView view;
    private ExplorerViewModel model;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        model = new ExplorerViewModel(background);
        view = FxTestSupport.showMainWindow(stage, model, settingsDir, inference);
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
    void aSweepFillsTheTableAndItsPointsAndRowsMoveTheSlider(FxRobot robot, @TempDir Path models) throws IOException {
        ChoosePatchPane pane = open(robot, models);
        range(robot, 12, 20, 4);
        onFx(() -> {
            robot.lookup("#choose-run").queryAs(Button.class).fire();
            return null;
        });
        FxTestSupport.waitUntil(120, () -> onFx(() -> !pane.viewModel().runningProperty().get()));
        TableView<PatchResult> table = onFx(() -> robot.lookup("#choose-table").queryAs(TableView.class));
        assertEquals(List.of(12, 16, 20), onFx(() -> table.getItems().stream().map(PatchResult::patch).toList()));
        // the reference's own row agrees with itself exactly
        PatchResult p16 = onFx(() -> table.getItems().get(1));
        assertEquals(1, p16.row().agreeTop1());
        assertEquals(0.0, p16.row().kl(), 1e-9);
        assertEquals(14 * 14 + 1, p16.row().tokens());
        assertEquals(1.0, onFx(() -> pane.viewModel().progressProperty().get()), 1e-9);

        // the chart's x is log10 of GMACs: the pixel gaps between the points go as the logs of their cost ratios
        double[] gmacs = onFx(() -> table.getItems().stream().mapToDouble(r -> r.row().gmacs()).toArray());
        double x12 = pointX(robot, 12);
        double x16 = pointX(robot, 16);
        double x20 = pointX(robot, 20);
        assertTrue(x12 > x16 && x16 > x20, "P12 costs most, so it lies furthest right");
        assertEquals(Math.log(gmacs[0] / gmacs[1]) / Math.log(gmacs[1] / gmacs[2]), (x12 - x16) / (x16 - x20), 0.02);
        javafx.scene.chart.XYChart<Number, Number> chart = onFx(() -> robot.lookup("#choose-chart").queryAs(javafx.scene.chart.XYChart.class));
        for (int i = 0; i < 3; i++) {
            double g = gmacs[i];
            assertEquals(onFx(() -> chart.getXAxis().getDisplayPosition(Math.log10(g))), pointX(robot, 12 + 4 * i), 0.5);
        }

        click(onFx(() -> rowOf(table, 20)));
        assertEquals(20, onFx(() -> model.getPatch()));
        waitForHeatmapAt(20);
        click(onFx(() -> robot.lookup("#choose-point-12").query()));
        assertEquals(12, onFx(() -> model.getPatch()));
        waitForHeatmapAt(12);
        assertTrue(onFx(() -> robot.lookup("#choose-current").tryQuery().isPresent()), "the slider's size is marked");
        click(onFx(() -> robot.lookup("#choose-thumb-16").query()));
        assertEquals(16, onFx(() -> model.getPatch()));

        assertRecommendation(robot, pane, 0.9, 0.1);
        onFx(() -> {
            robot.lookup("#choose-min-agreement").queryAs(Spinner.class).getValueFactory().setValue(50.0);
            robot.lookup("#choose-max-kl").queryAs(Spinner.class).getValueFactory().setValue(0.0);
            return null;
        });
        assertRecommendation(robot, pane, 0.5, 0.0);
    }

    @Test
    void cancelStopsAHeldSweep(FxRobot robot, @TempDir Path models) throws Exception {
        ChoosePatchPane pane = open(robot, models);
        range(robot, 12, 20, 4);
        gate = new CountDownLatch(1);
        onFx(() -> {
            robot.lookup("#choose-run").queryAs(Button.class).fire();
            return null;
        });
        assertTrue(onFx(() -> pane.viewModel().runningProperty().get()));
        assertFalse(onFx(() -> robot.lookup("#choose-cancel").queryAs(Button.class).isDisabled()));
        onFx(() -> {
            robot.lookup("#choose-cancel").queryAs(Button.class).fire();
            return null;
        });
        assertFalse(onFx(() -> pane.viewModel().runningProperty().get()));
        gate.countDown();
        // the held sweep has run (and returned) once a task queued after it has
        CountDownLatch drained = new CountDownLatch(1);
        inference.execute(drained::countDown);
        assertTrue(drained.await(60, TimeUnit.SECONDS));
        onFx(() -> null); // rows posted before the drain have reached the FX thread
        assertEquals(0, onFx(() -> pane.viewModel().results().size()), "no row after Cancel");
        assertEquals(Messages.get("choose.status.cancelled"), onFx(() -> pane.viewModel().statusProperty().get()));
    }

    private void assertRecommendation(FxRobot robot, ChoosePatchPane pane, double x, double y) {
        String expected = onFx(() -> RecommendationText.of(
                Recommendation.of(ChooseSweep.aggregates(pane.viewModel().results()), x, y), 16));
        assertEquals(expected, onFx(() -> robot.lookup("#choose-recommendation").queryAs(Label.class).getText()));
        // P16 is the reference: it always qualifies, so some size is recommended and it costs no more than P16
        Recommendation r = onFx(() -> pane.viewModel().recommendationProperty().get());
        assertTrue(r.choice().isPresent());
        assertTrue(r.choice().get().gmacs() <= onFx(() -> pane.viewModel().results().get(1).row().gmacs()));
    }

    private ChoosePatchPane open(FxRobot robot, Path models) throws IOException {
        Path vit = TinyCheckpoints.vit(models.resolve("vit_tiny_patch16_224.augreg_in21k_ft_in1k"));
        onFx(() -> {
            view.models().loadModel(vit);
            view.openSample(Samples.first());
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.models().getModel() != null && model.getImage() != null));
        waitForHeatmapAt(16);
        robot.clickOn("#nav-choose");
        assertEquals("choose", onFx(() -> view.navigator().activeProperty().get().id()));
        return onFx(() -> robot.lookup("#choose-pane").queryAs(ChoosePatchPane.class));
    }

    private static void range(FxRobot robot, int from, int to, int step) {
        onFx(() -> {
            robot.lookup("#choose-from").queryAs(Spinner.class).getValueFactory().setValue(from);
            robot.lookup("#choose-to").queryAs(Spinner.class).getValueFactory().setValue(to);
            robot.lookup("#choose-step").queryAs(Spinner.class).getValueFactory().setValue(step);
            return null;
        });
    }

    private void waitForHeatmapAt(int patch) {
        FxTestSupport.waitUntil(90, () -> onFx(() -> {
            Heatmap h = view.attention().getHeatmap();
            return h != null && !view.attention().busyProperty().get() && !view.attention().staleProperty().get() && h.patch() == patch;
        }));
    }

    @SuppressWarnings("unchecked")
    private static Node rowOf(TableView<PatchResult> table, int patch) {
        table.layout();
        return table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.getItem() != null && ((TableRow<PatchResult>) r).getItem().patch() == patch)
                .findFirst().orElseThrow();
    }

    /** A primary click delivered to the node, as a mouse click on it would be. */
    /** A point's centre on the chart's plot, pixels from its left. */
    private static double pointX(FxRobot robot, int patch) {
        return onFx(() -> robot.lookup("#choose-point-" + patch).query().getBoundsInParent().getCenterX());
    }

    private static void click(Node node) {
        onFx(() -> {
            Event.fireEvent(node, new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, MouseButton.PRIMARY, 1,
                    false, false, false, false, true, false, false, true, false, false, null));
            return null;
        });
    }
}
