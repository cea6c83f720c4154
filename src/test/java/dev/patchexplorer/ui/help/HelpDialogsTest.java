package dev.patchexplorer.ui.help;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class HelpDialogsTest {
    private static final Path LOGS = Path.of("/tmp/patch-explorer-test-logs");
    private Stage stage;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(new Label("main window")), 400, 300));
        stage.show();
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream()
                .filter(w -> w != stage && w instanceof Stage).toList()
                .forEach(w -> ((Stage) w).close()));
    }

    @Test
    void aboutShowsTheVersionAndTheLicences(FxRobot robot) {
        robot.interact(() -> AboutDialog.show(stage, "9.8.7"));

        Label version = robot.lookup("#about-version").queryAs(Label.class);
        assertTrue(version.getText().contains("9.8.7"), version.getText());
        Label licence = robot.lookup("#about-licence").queryAs(Label.class);
        assertTrue(licence.getText().contains(HelpText.text("licence.mit")), licence.getText());
        String javafxLine = HelpText.text("software.javafx", HelpText.text("licence.gpl2ce"));
        assertTrue(robot.lookup(".about-notice").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains(javafxLine)), "JavaFX licence line listed");
    }

    @Test
    void crashReportShowsTheMessageAndCopiesTheReport(FxRobot robot) {
        IllegalStateException error = new IllegalStateException("patch grid lost its image");
        robot.interact(() -> CrashReportDialog.show(stage, error, "9.8.7", LOGS));

        Label message = robot.lookup("#crash-message").queryAs(Label.class);
        assertTrue(message.getText().contains("patch grid lost its image"), message.getText());
        assertTrue(robot.lookup("#crash-log-folder").queryAs(Label.class).getText().contains(LOGS.toString()));

        robot.clickOn("#crash-copy");
        String copied = clipboardText(robot);
        assertTrue(copied != null && copied.startsWith("Patch Explorer 9.8.7"), String.valueOf(copied));
        assertTrue(copied.contains("java.lang.IllegalStateException: patch grid lost its image"), copied);
        assertTrue(copied.contains("Java:") && copied.contains("OS:"), copied);
        // copying must leave the dialog open
        assertTrue(robot.lookup("#crash-dialog").tryQuery().isPresent());
        assertEquals(copied, robot.lookup("#crash-report").queryAs(TextArea.class).getText());
    }

    @Test
    void exceptionsFromOtherThreadsReachTheDialog(FxRobot robot) throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        try {
            robot.interact(() -> UncaughtExceptionHandlers.install(() -> stage, "9.8.7", LOGS));
            Thread worker = new Thread(() -> { throw new IllegalArgumentException("from a worker"); }, "worker");
            worker.start();
            worker.join();
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> robot.lookup("#crash-message").tryQuery().isPresent());
            Label message = robot.lookup("#crash-message").queryAs(Label.class);
            assertTrue(message.getText().contains("from a worker"), message.getText());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
            robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(null));
        }
    }

    @Test
    void logFolderFallsBackToShowingThePath(FxRobot robot, @TempDir Path temp) {
        // surefire runs with java.awt.headless=true: no Desktop, as in a sandbox
        Path logs = temp.resolve("logs");
        robot.interact(() -> LogFolder.open(stage, logs));

        TextField path = robot.lookup("#log-folder-path").queryAs(TextField.class);
        assertEquals(logs.toAbsolutePath().toString(), path.getText());
        assertTrue(Files.isDirectory(logs), "the folder exists even before the first log line");
    }

    private static String clipboardText(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }
}
