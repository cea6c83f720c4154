package dev.patchexplorer.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Lists the keyboard shortcuts, so a classroom demo never needs the mouse. */
final class ShortcutsDialog {
    private static final String[] KEYS = {"open", "paste", "session", "export", "zoom", "fit", "actual", "patch", "grid", "labels", "select",
            "theme", "pan", "box"};

    private ShortcutsDialog() {}

    static void show(Window owner) {
        GridPane table = new GridPane();
        table.setHgap(16);
        table.setVgap(4);
        for (int i = 0; i < KEYS.length; i++) {
            Label keys = new Label(Messages.get("shortcuts." + KEYS[i] + ".keys"));
            keys.getStyleClass().add("shortcut-keys");
            table.addRow(i, keys, new Label(Messages.get("shortcuts." + KEYS[i])));
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle(Messages.get("menu.help.shortcuts"));
        a.setHeaderText(Messages.get("shortcuts.header"));
        a.getDialogPane().setContent(table);
        a.show();
    }
}
