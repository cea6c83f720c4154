package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.ui.Messages;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page's readouts: a name column and a value column. Each value label has the id
 * {@code concept-<page>-<name>} and its name comes from {@code concept.<page>.<name>}.
 */
final class ConceptReadouts extends GridPane {
    private final String page;
    private final Map<String, Label> values = new LinkedHashMap<>();

    ConceptReadouts(String page, String... names) {
        this.page = page;
        setHgap(10);
        setVgap(3);
        ColumnConstraints nameCol = new ColumnConstraints();
        nameCol.setPercentWidth(45);
        ColumnConstraints valueCol = new ColumnConstraints();
        valueCol.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(nameCol, valueCol);
        int row = 0;
        for (String name : names) {
            Label key = new Label(Messages.get("concept." + page + "." + name));
            key.getStyleClass().add("readout-name");
            key.setWrapText(true);
            Label value = new Label("—");
            value.setId("concept-" + page + "-" + name);
            value.getStyleClass().add("readout-value");
            value.setWrapText(true);
            addRow(row++, key, value);
            values.put(name, value);
        }
    }

    void set(String name, String text) {
        Label l = values.get(name);
        if (l == null) throw new IllegalArgumentException("no readout " + name + " on page " + page);
        l.setText(text);
    }

    void clear() {
        values.values().forEach(l -> l.setText("—"));
    }
}
