package dev.patchexplorer.ui.help;

import javafx.application.HostServices;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Help > Open log folder: opens the folder in the system file manager, or, where that is
 * not possible (no desktop integration, a sandbox), shows the path so it can be copied.
 */
public final class LogFolder {
    private static final Logger LOG = Logger.getLogger(LogFolder.class.getName());

    private LogFolder() {}

    /** Opens {@code folder} with java.awt.Desktop, falling back to a message with the path. */
    public static void open(Window owner, Path folder) {
        open(owner, folder, null);
    }

    /**
     * As {@link #open(Window, Path)}; when Desktop cannot open folders here and the caller has
     * the Application's HostServices, asks those instead (they cannot report failure, so
     * Desktop goes first).
     */
    public static void open(Window owner, Path folder, HostServices hostServices) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot create " + folder, e);
        }
        if (desktopCanOpen()) {
            // Desktop.open may block while the file manager starts: keep it off the FX thread
            Thread opener = new Thread(() -> {
                try {
                    Desktop.getDesktop().open(folder.toFile());
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.INFO, "could not open the log folder with Desktop", e);
                    Platform.runLater(() -> showPath(owner, folder));
                }
            }, "open-log-folder");
            opener.setDaemon(true);
            opener.start();
        } else if (hostServices != null) {
            hostServices.showDocument(folder.toUri().toString());
        } else {
            showPath(owner, folder);
        }
    }

    private static boolean desktopCanOpen() {
        try {
            return Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The fallback: the path in a field that can be selected and copied. */
    static Alert showPath(Window owner, Path folder) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle(HelpText.text("logs.title"));
        alert.setHeaderText(HelpText.text("logs.header"));
        TextField path = new TextField(folder.toAbsolutePath().toString());
        path.setEditable(false);
        path.setId("log-folder-path");
        Label intro = new Label(HelpText.text("logs.content"));
        intro.setWrapText(true);
        alert.getDialogPane().setContent(new VBox(8, intro, path));
        ButtonType copyType = new ButtonType(HelpText.text("logs.copyPath"), ButtonBar.ButtonData.LEFT);
        alert.getButtonTypes().setAll(copyType, ButtonType.CLOSE);
        Button copy = (Button) alert.getDialogPane().lookupButton(copyType);
        copy.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            ClipboardContent content = new ClipboardContent();
            content.putString(path.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Dialogs.prepare(alert, owner);
        alert.show();
        return alert;
    }
}
