package dev.patchexplorer.ui;

import dev.patchexplorer.ui.help.CalloutRobot;
import dev.patchexplorer.ui.help.FirstRunTour;
import dev.patchexplorer.ui.help.HelpText;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first-run tour in the real window: a fresh settings folder shows it, and once ended it stays away. */
@ExtendWith(ApplicationExtension.class)
class FirstRunWindowTest {
    @TempDir
    Path settingsDir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService inference = Executors.newSingleThreadExecutor();
    private Stage stage;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        // Windows left by earlier tests in this JVM would take the keyboard focus from this one.
        new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream().filter(w -> w != stage).forEach(javafx.stage.Window::hide);
        this.stage = stage;
    }

    @AfterEach
    void stopExecutors() {
        background.shutdownNow();
        inference.shutdownNow();
    }

    private ExplorerView showWindow() {
        return onFx(this::buildAndShowWindow);
    }

    /** The main window as the app builds it, on the settings file in {@code settingsDir}; FX thread. */
    private ExplorerView buildAndShowWindow() {
        return FxTestSupport.showMainWindow(stage, new ExplorerViewModel(background), settingsDir, inference);
    }

    @Test
    void freshSettingsShowTheTourThroughToDoneAndNeverAgain(FxRobot robot) throws Exception {
        ExplorerView view = showWindow();
        assertTrue(onFx(view::startTourIfFirstRun), "a settings folder without the mark shows the tour");
        FirstRunTour tour = waitForTour(view);

        assertEquals(HelpText.text("tour.patchSize.text"), text(robot));
        assertInstanceOf(Slider.class, highlighted(robot), "step 1 points at the patch-size slider");
        CalloutRobot.click(robot, "#tour-next");
        assertEquals(HelpText.text("tour.readouts.text"), text(robot));
        assertEquals(view.readouts(), highlighted(robot));
        CalloutRobot.click(robot, "#tour-next");
        assertEquals(HelpText.text("tour.catalog.text"), text(robot));
        Node modelMenu = highlighted(robot);
        assertEquals(Messages.get("menu.model"), ((Labeled) modelMenu).getText(), "step 3 points at the Model menu's button");
        CalloutRobot.click(robot, "#tour-next");
        // the picker is on the Attention view: the tour opens that view first
        assertEquals("attention", onFx(() -> view.navigator().getActive().id()));
        assertEquals(HelpText.text("tour.heatmap.text"), text(robot));
        assertInstanceOf(ComboBox.class, highlighted(robot), "step 4 points at the heatmap picker");
        assertEquals("attention-kind", highlighted(robot).getId());
        CalloutRobot.click(robot, "#tour-next");
        assertEquals(HelpText.text("tour.clickPatch.text"), text(robot));
        assertEquals(view.viewer(), highlighted(robot), "step 5 points at the image");
        CalloutRobot.click(robot, "#tour-next");
        // the Receptive field view: the tour opens it and points at its panel
        assertEquals("rf", onFx(() -> view.navigator().getActive().id()));
        assertEquals(HelpText.text("tour.receptiveField.text"), text(robot));
        assertEquals(view.rfPane(), highlighted(robot), "step 6 points at the Receptive field panel");
        assertEquals(HelpText.text("tour.done"), robot.lookup("#tour-next").queryAs(Button.class).getText());

        CalloutRobot.click(robot, "#tour-next");
        assertFalse(tour.isShowing());
        assertEquals(0, openPopups());
        assertTrue(view.session().flush(), "the mark's save lands (written in the background)");
        assertTrue(Files.readString(settingsDir.resolve("settings.properties")).contains("tourSeen=true"),
                "the mark is saved at once, not only when the window closes");

        ExplorerView second = showWindow();
        assertFalse(onFx(second::startTourIfFirstRun), "the same settings folder does not show it again");
        assertEquals(0, openPopups());
    }

    @Test
    void skipIsRememberedToo(FxRobot robot) {
        ExplorerView view = showWindow();
        assertTrue(onFx(view::startTourIfFirstRun));
        waitForTour(view);
        CalloutRobot.click(robot, "#tour-skip");
        assertFalse(view.tour().isShowing());
        assertEquals(0, openPopups());
        assertFalse(onFx(showWindow()::startTourIfFirstRun));
    }

    @Test
    void theCalloutTakesTheThemeWhenStartedAsTheWindowOpens(FxRobot robot) {
        // As the app does it: the tour starts in the same FX call that shows the window.
        ExplorerView view = onFx(() -> {
            ExplorerView v = buildAndShowWindow();
            v.startTourIfFirstRun();
            return v;
        });
        waitForTour(view);
        Button next = robot.lookup("#tour-next").queryAs(Button.class);
        FxTestSupport.waitUntil(5, () -> onFx(() -> CalloutRobot.revealed(next)));
        assertTrue(next.isDefaultButton());
        // PrimerLight's .button:default: border and body -color-accent-emphasis #0969da; focused, body -color-accent-6 #0550ae.
        var fills = onFx(() -> next.getBackground().getFills());
        assertEquals(Color.web("#0969da"), fills.get(0).getFill(), "the default button has the theme's accent border");
        assertTrue(Set.of(Color.web("#0969da"), Color.web("#0550ae")).contains(fills.get(1).getFill()),
                "and its accent background: " + fills.get(1).getFill());
        assertEquals(Color.WHITE, next.getTextFill(), "and white text, as AtlantaFX draws a default button");
        // Text takes the theme's foreground colour, like the window's own labels, not JavaFX's fallback black.
        Label calloutText = robot.lookup("#tour-text").queryAs(Label.class);
        assertTrue(onFx(() -> view.readouts().lookupAll(".label").stream()
                        .anyMatch(l -> ((Label) l).getTextFill().equals(calloutText.getTextFill()))),
                "the callout's text has the colour of the readouts' labels: " + calloutText.getTextFill());
        assertNotEquals(Color.BLACK, calloutText.getTextFill());
        CalloutRobot.click(robot, "#tour-skip");
    }

    @Test
    void enterGoesOneStepAtATime(FxRobot robot) {
        ExplorerView view = showWindow();
        assertTrue(onFx(view::startTourIfFirstRun));
        waitForTour(view);
        robot.interact(stage::requestFocus);
        FxTestSupport.waitUntil(5, () -> onFx(stage::isFocused));
        pressEnterOnceRevealed(robot);
        FxTestSupport.waitUntil(5, () -> onFx(() -> view.tour().getStepIndex() != 0));
        assertEquals(1, view.tour().getStepIndex());
        assertEquals(HelpText.text("tour.readouts.text"), text(robot));
        pressEnterOnceRevealed(robot);
        FxTestSupport.waitUntil(5, () -> onFx(() -> view.tour().getStepIndex() == 2));
        CalloutRobot.click(robot, "#tour-skip");
    }

    @Test
    void resizingTheWindowKeepsTheStepOnScreen(FxRobot robot) {
        ExplorerView view = showWindow();
        assertTrue(onFx(view::startTourIfFirstRun));
        waitForTour(view);
        CalloutRobot.click(robot, "#tour-next");
        // Popover hides itself when its window changes size; a window manager may resize a new window.
        robot.interact(() -> stage.setWidth(1200));
        FxTestSupport.waitUntil(5, () -> openPopups() == 1);
        assertTrue(view.tour().isShowing());
        assertEquals(1, view.tour().getStepIndex());
        assertEquals(HelpText.text("tour.readouts.text"), text(robot));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        FxTestSupport.waitUntil(5, () -> openPopups() == 0);
        assertFalse(view.tour().isShowing(), "Escape ends the tour");
    }

    /**
     * A default button ignores Enter while its tree is invisible, and Popover reveals a new callout's
     * skin a moment after showing it: pressing before then would be lost, not taken as a step.
     */
    private static void pressEnterOnceRevealed(FxRobot robot) {
        FxTestSupport.waitUntil(5, () -> onFx(() -> robot.lookup("#tour-next").tryQuery().map(CalloutRobot::revealed).orElse(false)));
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
    }

    /** The tour starts a moment after the window has drawn. */
    private static FirstRunTour waitForTour(ExplorerView view) {
        FxTestSupport.waitUntil(5, () -> onFx(() -> view.tour().isShowing()));
        return view.tour();
    }

    private static String text(FxRobot robot) {
        return robot.lookup("#tour-text").queryAs(Label.class).getText();
    }

    /** The one node the tour highlights now. */
    private static Node highlighted(FxRobot robot) {
        Set<Node> marked = robot.lookup(".tour-target").queryAll();
        assertEquals(1, marked.size(), "one highlighted node: " + marked);
        return marked.iterator().next();
    }

    private static long openPopups() {
        return onFx(() -> Window.getWindows().stream().filter(w -> w instanceof PopupWindow).filter(Window::isShowing).count());
    }
}
