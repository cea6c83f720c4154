package dev.patchexplorer.ui.help;

import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Dialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

/** What every window of this package does the same way: owner, icon, stylesheet, Esc to close. */
public final class Dialogs {
    static final String STYLESHEET = Dialogs.class.getResource("help.css").toExternalForm();

    private Dialogs() {}

    static void prepare(Dialog<?> dialog, Window owner) {
        if (owner != null) dialog.initOwner(owner);
        dialog.getDialogPane().getStylesheets().add(STYLESHEET);
        dialog.setResizable(true);
        if (dialog.getDialogPane().getScene().getWindow() instanceof Stage stage) AppIcons.applyTo(stage);
    }

    /**
     * Esc closes {@code stage}, as it closes a dialog with a Close button. A filter, since lists
     * consume Esc (to cancel an edit that these windows never start); an open drop-down still
     * keeps its Esc, which only closes the drop-down.
     */
    public static void closeOnEscape(Stage stage) {
        stage.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !(e.getTarget() instanceof ComboBoxBase<?> c && c.isShowing())) {
                e.consume();
                stage.close();
            }
        });
    }
}
