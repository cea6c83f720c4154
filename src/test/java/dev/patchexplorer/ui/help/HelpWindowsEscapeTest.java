package dev.patchexplorer.ui.help;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
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

import java.nio.file.Path;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Esc closes every help window, as a person expects of a window that only shows something. */
@ExtendWith(ApplicationExtension.class)
class HelpWindowsEscapeTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void closeOthers(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream()
                .filter(w -> w != stage && w instanceof Stage).toList()
                .forEach(w -> ((Stage) w).close()));
    }

    /** Opens a window, gives it the keyboard, presses Esc, and says whether it closed. */
    private void assertEscapeCloses(FxRobot robot, Supplier<Window> open, String what) {
        Window[] window = new Window[1];
        robot.interact(() -> window[0] = open.get());
        robot.interact(() -> ((Stage) window[0]).requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window[0].isShowing(), what + " opened");
        robot.targetWindow(window[0]).type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window[0].isShowing(), what + " closes with Esc");
    }

    @Test
    void escapeClosesTheUserGuide(FxRobot robot) {
        assertEscapeCloses(robot, () -> UserGuideWindow.show(stage).stage(), "the user guide");
    }

    @Test
    void escapeClosesTheUserGuideWhileItsContentsListHasTheFocus(FxRobot robot) {
        assertEscapeCloses(robot, () -> {
            UserGuideWindow guide = UserGuideWindow.show(stage);
            guide.stage().getScene().lookup("#guide-contents").requestFocus();
            return guide.stage();
        }, "the user guide with the contents focused");
    }

    @Test
    void escapeClosesAbout(FxRobot robot) {
        assertEscapeCloses(robot, () -> AboutDialog.show(stage, "1.0").dialog().getDialogPane().getScene().getWindow(),
                "About");
    }

    @Test
    void escapeClosesTheLogFolderPath(FxRobot robot, @TempDir Path temp) {
        assertEscapeCloses(robot, () -> LogFolder.showPath(stage, temp).getDialogPane().getScene().getWindow(),
                "the log folder path");
    }

    @Test
    void escapeClosesTheCrashReport(FxRobot robot, @TempDir Path temp) {
        assertEscapeCloses(robot, () -> CrashReportDialog.show(stage, new IllegalStateException("test"), "1.0", temp)
                .dialog().getDialogPane().getScene().getWindow(), "the crash report");
    }
}

