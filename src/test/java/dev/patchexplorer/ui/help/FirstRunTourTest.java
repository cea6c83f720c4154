package dev.patchexplorer.ui.help;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class FirstRunTourTest {
    private Button slider;
    private Button readouts;
    private Button catalog;
    private Button heatmap;
    private Button image;
    private Button fields;

    @Start
    void start(Stage stage) {
        // controls only after the toolkit is up, which is why they are not field initialisers
        slider = new Button("patch size");
        readouts = new Button("readouts");
        catalog = new Button("catalog");
        heatmap = new Button("heatmap");
        image = new Button("image");
        fields = new Button("receptive field");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        BorderPane root = new BorderPane();
        root.setTop(slider);
        root.setLeft(readouts);
        root.setRight(catalog);
        root.setBottom(new javafx.scene.layout.HBox(heatmap, image, fields));
        stage.setScene(new Scene(root, 800, 600));
        stage.show();
    }

    @Test
    void advancesThroughEveryStepAndCloses(FxRobot robot) {
        FirstRunTour tour = onFx(() -> FirstRunTour.standard(slider, FirstRunTour.step(readouts, "tour.readouts"), catalog, FirstRunTour.step(heatmap, "tour.heatmap"),
                FirstRunTour.step(image, "tour.clickPatch"), FirstRunTour.step(fields, "tour.receptiveField")));
        AtomicInteger finished = new AtomicInteger();
        tour.setOnFinished(finished::incrementAndGet);
        robot.interact(tour::start);

        assertTrue(tour.isShowing());
        assertEquals(0, tour.getStepIndex());
        assertEquals(HelpText.text("tour.patchSize.text"), robot.lookup("#tour-text").queryAs(Label.class).getText());
        assertTrue(slider.getStyleClass().contains("tour-target"), "the explained node is highlighted");

        CalloutRobot.click(robot, "#tour-next");
        assertEquals(1, tour.getStepIndex());
        assertEquals(HelpText.text("tour.readouts.text"), robot.lookup("#tour-text").queryAs(Label.class).getText());
        assertFalse(slider.getStyleClass().contains("tour-target"));
        CalloutRobot.click(robot, "#tour-next");
        CalloutRobot.click(robot, "#tour-next");
        assertEquals(3, tour.getStepIndex());
        assertEquals(HelpText.text("tour.next"), robot.lookup("#tour-next").queryAs(Button.class).getText());

        // the steps added for issue 13: clicking a patch on the image, then the Receptive field view
        CalloutRobot.click(robot, "#tour-next");
        assertEquals(4, tour.getStepIndex());
        assertEquals(HelpText.text("tour.clickPatch.text"), robot.lookup("#tour-text").queryAs(Label.class).getText());
        assertTrue(image.getStyleClass().contains("tour-target"));
        CalloutRobot.click(robot, "#tour-next");
        assertEquals(5, tour.getStepIndex());
        assertEquals(HelpText.text("tour.receptiveField.text"), robot.lookup("#tour-text").queryAs(Label.class).getText());
        assertEquals(HelpText.text("tour.done"), robot.lookup("#tour-next").queryAs(Button.class).getText());

        CalloutRobot.click(robot, "#tour-next");
        assertFalse(tour.isShowing());
        assertEquals(-1, tour.getStepIndex());
        assertEquals(1, finished.get());
        assertEquals(0, openPopups(robot), "the callout is gone");
        assertFalse(fields.getStyleClass().contains("tour-target"));
    }

    @Test
    void skipEndsTheTourAndFirstRunIsRemembered(FxRobot robot) {
        RememberedInMemory memory = new RememberedInMemory();
        FirstRunTour tour = onFx(() -> FirstRunTour.standard(slider, FirstRunTour.step(readouts, "tour.readouts"), catalog, FirstRunTour.step(heatmap, "tour.heatmap"),
                FirstRunTour.step(image, "tour.clickPatch"), FirstRunTour.step(fields, "tour.receptiveField")));
        assertTrue(onFx(() -> tour.startIfFirstRun(memory)));

        CalloutRobot.click(robot, "#tour-skip");
        assertFalse(tour.isShowing());
        assertEquals(0, openPopups(robot));
        assertTrue(memory.seen());
        assertFalse(onFx(() -> tour.startIfFirstRun(memory)), "shown once only");
    }

    @Test
    void escapeEndsTheTour(FxRobot robot) {
        FirstRunTour tour = onFx(() -> FirstRunTour.standard(slider, FirstRunTour.step(readouts, "tour.readouts"), catalog, FirstRunTour.step(heatmap, "tour.heatmap"),
                FirstRunTour.step(image, "tour.clickPatch"), FirstRunTour.step(fields, "tour.receptiveField")));
        robot.interact(tour::start);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(tour.isShowing());
        assertEquals(0, openPopups(robot));
    }

    @Test
    void theCalloutStaysWhileTheUserTriesTheControl(FxRobot robot) {
        FirstRunTour tour = onFx(() -> FirstRunTour.standard(slider, FirstRunTour.step(readouts, "tour.readouts"), catalog, FirstRunTour.step(heatmap, "tour.heatmap"),
                FirstRunTour.step(image, "tour.clickPatch"), FirstRunTour.step(fields, "tour.receptiveField")));
        robot.interact(tour::start);
        // An auto-hiding popup closes on any click or focus change elsewhere; on a real desktop that
        // ended the tour before anyone saw it.
        robot.clickOn(heatmap);
        assertTrue(tour.isShowing());
        assertEquals(0, tour.getStepIndex());
        assertEquals(1, openPopups(robot));
        robot.interact(tour::skip);
    }

    /** The tour's memory for these tests; the window keeps it in the settings file. */
    private static final class RememberedInMemory implements TourMemory {
        private boolean seen;

        @Override public boolean seen() { return seen; }
        @Override public void markSeen() { seen = true; }
    }

    @Test
    void hiddenTargetsAreLeftOut(FxRobot robot) {
        robot.interact(() -> catalog.setVisible(false));
        FirstRunTour tour = onFx(() -> new FirstRunTour(List.of(
                new TourStep(slider, "one", "first"),
                new TourStep(catalog, "two", "hidden"))));
        robot.interact(tour::start);
        assertEquals(HelpText.text("tour.done"), robot.lookup("#tour-next").queryAs(Button.class).getText());
        CalloutRobot.click(robot, "#tour-next");
        assertFalse(tour.isShowing());
    }

    private static <T> T onFx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(action));
        } catch (TimeoutException e) {
            throw new AssertionError("FX thread did not answer", e);
        }
    }

    private static long openPopups(FxRobot robot) {
        return onFx(() -> Window.getWindows().stream().filter(w -> w instanceof PopupWindow)
                .filter(Window::isShowing).count());
    }
}
