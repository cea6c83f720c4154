package dev.patchexplorer.ui;

import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.shell.Navigator;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static dev.patchexplorer.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The navigation rail in the real window: it lists every view, a click or Alt+n swaps the side
 * panel while the viewer and the patch-size slider stay, the chosen view comes back after a restart,
 * and loading a CNN opens the receptive-field view.
 */
@ExtendWith(ApplicationExtension.class)
class NavigationWindowTest {
    @TempDir
    Path settingsDir;
    @TempDir
    Path models;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService inference = Executors.newSingleThreadExecutor();
    private Stage stage;
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply();
        view = show(stage);
    }

    private ExplorerView show(Stage stage) {
        List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
        ExplorerView v = new ExplorerView(new ExplorerViewModel(background),
                new SessionPersistence(new Settings(settingsDir.resolve("settings.properties"))), inference);
        stage.setScene(new Scene(v, 1024, 600));
        stage.show();
        return v;
    }

    @AfterEach
    void stop() {
        if (view != null) {
            onFx(() -> {
                view.models().closeModel();
                return null;
            });
        }
        inference.shutdown();
        background.shutdown();
    }

    private String active() {
        return onFx(() -> view.navigator().getActive().id());
    }

    private boolean inScene(FxRobot robot, String id) {
        return onFx(() -> robot.lookup("#" + id).tryQuery().isPresent());
    }

    @Test
    void theRailListsEveryViewInOrderAndStartsOnExplore(FxRobot robot) {
        List<String> rail = onFx(() -> ((javafx.scene.Parent) view.lookup("#nav-rail")).getChildrenUnmodifiable().stream().map(Node::getId).toList());
        assertEquals(List.of("nav-explore", "nav-attention", "nav-rf", "nav-choose", "nav-concepts", "nav-compare"), rail);
        assertEquals("explore", active());
        assertTrue(onFx(() -> robot.lookup("#nav-explore").queryAs(ToggleButton.class).isSelected()));
        assertTrue(inScene(robot, "readout-tokens"));
        assertFalse(inScene(robot, "attention-scroll"));
    }

    @Test
    void clickingAndAltNumbersSwapTheSidePanelOnly(FxRobot robot) {
        Node viewer = onFx(() -> robot.lookup("#viewer").query());
        Slider slider = onFx(() -> robot.lookup("#patch-slider").queryAs(Slider.class));

        robot.clickOn("#nav-attention");
        assertEquals("attention", active());
        assertTrue(inScene(robot, "attention-scroll"));
        assertFalse(inScene(robot, "controls-scroll"), "one side panel at a time");

        robot.press(KeyCode.ALT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.ALT);
        waitUntil(() -> "rf".equals(active()));
        assertTrue(inScene(robot, "rf-scroll"));
        assertTrue(onFx(() -> robot.lookup("#nav-rf").queryAs(ToggleButton.class).isSelected()));
        assertFalse(onFx(() -> robot.lookup("#nav-attention").queryAs(ToggleButton.class).isSelected()));

        robot.press(KeyCode.ALT, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.ALT);
        waitUntil(() -> "explore".equals(active()));
        assertTrue(inScene(robot, "controls-scroll"));

        // the shared parts are the very same nodes, still in the window, and the slider still works
        assertSame(viewer, onFx(() -> robot.lookup("#viewer").query()));
        assertSame(slider, onFx(() -> robot.lookup("#patch-slider").queryAs(Slider.class)));
        robot.clickOn("#nav-attention");
        robot.interact(() -> slider.setValue(32));
        assertEquals(32, onFx(() -> view.model().getPatch()));
        assertTrue(onFx(() -> slider.getScene() != null && slider.isVisible() && slider.getWidth() > 100),
                "the slider stays in view on every view");
    }

    @Test
    void aViewIsBuiltOnceAndKept(FxRobot robot) {
        robot.clickOn("#nav-attention");
        Node panel = onFx(() -> robot.lookup("#attention-scroll").query());
        robot.clickOn("#nav-explore");
        robot.clickOn("#nav-attention");
        assertSame(panel, onFx(() -> robot.lookup("#attention-scroll").query()));
        robot.clickOn("#nav-attention"); // choosing the active view again keeps it chosen
        assertTrue(onFx(() -> robot.lookup("#nav-attention").queryAs(ToggleButton.class).isSelected()));
        assertThrows(IllegalArgumentException.class, () -> onFx(() -> {
            view.navigator().navigate("no-such-view");
            return null;
        }));
        assertEquals("attention", active());
    }

    @Test
    void theChosenViewSurvivesARestart(FxRobot robot) {
        robot.clickOn("#nav-rf");
        assertEquals("rf", onFx(() -> view.session().settings().get(Navigator.SETTING).orElse("")));
        // what the app does when its window closes: save the session and wait for the file
        onFx(() -> {
            view.session().save(view.model(), stage, Theme.LIGHT);
            return null;
        });
        assertTrue(view.session().flush());
        view = onFx(() -> show(stage));
        assertEquals("rf", active());
        assertTrue(inScene(robot, "rf-scroll"));
    }

    @Test
    void loadingACnnOpensTheReceptiveFieldView(FxRobot robot) throws Exception {
        Path mobilenet = TinyCheckpoints.write(TinyCheckpoints.Kind.MOBILENETV2, models.resolve("mobilenet"));
        assertEquals("explore", active());
        onFx(() -> {
            view.models().loadModel(mobilenet);
            return null;
        });
        waitUntil(90, () -> onFx(() -> view.models().getCnn() != null));
        waitUntil(() -> "rf".equals(active()));
        assertNotNull(onFx(() -> robot.lookup("#rf-scroll").query()));
    }
}
