package dev.patchexplorer.ui.help;

import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;

/**
 * Tells the user, in one plain sentence, that something failed, and keeps the full report
 * (version, OS, Java, stack trace) one click away with a button that copies it.
 */
public final class CrashReportDialog {
    private final Alert alert = new Alert(Alert.AlertType.ERROR);
    private final CrashReport report;

    public CrashReportDialog(Window owner, CrashReport report) {
        this.report = report;
        alert.setTitle(HelpText.text("crash.title"));
        alert.setHeaderText(HelpText.text("crash.header"));
        Label message = new Label(HelpText.text("crash.message", report.shortMessage()));
        message.setWrapText(true);
        message.setId("crash-message");
        Label logs = new Label(HelpText.text("crash.logFolder", report.logFolder()));
        logs.getStyleClass().add("crash-log-folder");
        logs.setWrapText(true);
        logs.setId("crash-log-folder");
        alert.getDialogPane().setContent(new VBox(10, message, logs));
        alert.getDialogPane().setExpandableContent(reportArea(report.text()));
        alert.getDialogPane().setId("crash-dialog");
        ButtonType copyType = new ButtonType(HelpText.text("crash.copy"), ButtonBar.ButtonData.LEFT);
        alert.getButtonTypes().setAll(copyType, new ButtonType(HelpText.text("crash.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Button copy = (Button) alert.getDialogPane().lookupButton(copyType);
        copy.setId("crash-copy");
        // consumed, so that copying does not close the dialog as a button normally would
        copy.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            copyReport();
            copy.setText(HelpText.text("crash.copied"));
        });
        alert.getDialogPane().setPrefWidth(560);
        Dialogs.prepare(alert, owner);
    }

    /** Shows the report without blocking, so it is safe to call from any FX event or pulse. */
    public static CrashReportDialog show(Window owner, Throwable error, String appVersion, Path logFolder) {
        CrashReportDialog dialog = new CrashReportDialog(owner,
                new CrashReport(appVersion, Thread.currentThread().getName(), error, logFolder));
        dialog.alert.show();
        return dialog;
    }

    public Alert dialog() {
        return alert;
    }

    public void copyReport() {
        ClipboardContent content = new ClipboardContent();
        content.putString(report.text());
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static VBox reportArea(String text) {
        Label title = new Label(HelpText.text("crash.details"));
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefRowCount(16);
        area.getStyleClass().add("crash-report");
        area.setId("crash-report");
        VBox.setVgrow(area, Priority.ALWAYS);
        return new VBox(6, title, area);
    }
}
