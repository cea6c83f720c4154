package dev.patchexplorer.ui.help;

import javafx.scene.control.Dialog;
import javafx.stage.Stage;
import javafx.stage.Window;

/** What every window of this package does the same way: owner, icon, stylesheet. */
final class Dialogs {
    static final String STYLESHEET = Dialogs.class.getResource("help.css").toExternalForm();

    private Dialogs() {}

    static void prepare(Dialog<?> dialog, Window owner) {
        if (owner != null) dialog.initOwner(owner);
        dialog.getDialogPane().getStylesheets().add(STYLESHEET);
        dialog.setResizable(true);
        if (dialog.getDialogPane().getScene().getWindow() instanceof Stage stage) AppIcons.applyTo(stage);
    }
}
