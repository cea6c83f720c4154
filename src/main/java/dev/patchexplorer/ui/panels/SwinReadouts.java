package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.tradeoff.SwinArchitecture;
import dev.patchexplorer.core.tradeoff.SwinCosts;
import dev.patchexplorer.ui.Messages;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The readouts for a chosen Swin: its own 4 px patch, not the slider's (a Swin's stages merge 4 px tokens
 * up to 32 px, so the slider's size has no place in it), on the working image cut to whole 32 px blocks;
 * tokens and windows per stage, compute with window attention beside global attention, and the attention
 * memory of one block per stage in windows against over the whole grid. Value labels have the ids
 * {@code readout-swin-<name>}.
 */
final class SwinReadouts extends VBox {
    static final String[] ROWS = {"input", "tokens", "compute", "global", "params", "memory"};

    private final Map<String, Label> values = new LinkedHashMap<>();
    private final Label note = new Label();

    SwinReadouts() {
        setSpacing(6);
        setId("swin-readouts");
        note.setId("readout-swin-note");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        GridPane table = new GridPane();
        table.setHgap(10);
        table.setVgap(3);
        ColumnConstraints nameCol = new ColumnConstraints();
        nameCol.setMinWidth(170);
        ColumnConstraints valueCol = new ColumnConstraints();
        valueCol.setHgrow(Priority.ALWAYS);
        table.getColumnConstraints().addAll(nameCol, valueCol);
        int row = 0;
        for (String name : ROWS) {
            Label key = new Label(Messages.get("readout.swin." + name));
            key.getStyleClass().add("readout-name");
            key.setTooltip(ControlsPane.tip("readout.swin." + name + ".tip"));
            Label value = new Label("—");
            value.setId("readout-swin-" + name);
            value.getStyleClass().add("readout-value");
            value.setWrapText(true);
            value.setMinHeight(Region.USE_PREF_SIZE);
            values.put(name, value);
            table.addRow(row++, key, value);
        }
        getChildren().addAll(note, table);
    }

    String value(String name) {
        return values.get(name).getText();
    }

    void show(SwinArchitecture a, WorkingResolution w) {
        int patch = a.nativePatch();
        int block = a.finalStride(patch);
        note.setText(Messages.format("readout.swin.note", a.name(), patch, block));
        int width = w == null ? 0 : w.width() / block * block;
        int height = w == null ? 0 : w.height() / block * block;
        if (width == 0 || height == 0) {
            values.values().forEach(l -> l.setText("—"));
            values.get("input").setText(Messages.format("readout.swin.tooSmall", block));
            return;
        }
        SwinCosts c = SwinCosts.of(a, width, height, patch);
        values.get("input").setText(width == w.width() && height == w.height()
                ? Messages.format("readout.swin.inputOf", width, height)
                : Messages.format("readout.swin.inputCut", width, height, w.width(), w.height(), block));
        StringJoiner tokens = new StringJoiner("\n");
        StringJoiner memory = new StringJoiner("\n");
        for (SwinCosts.Stage s : c.stages()) {
            tokens.add(Messages.format("readout.swin.stageTokens", s.index() + 1, s.gridCols(), s.gridRows(), Units.count(s.tokens()),
                    Units.count(s.windows()), s.window(), patch << s.index()));
            memory.add(Messages.format("readout.swin.stageMemory", s.index() + 1, Units.bytes(s.attentionBytesPerBlock()),
                    Units.bytes(s.globalAttentionBytesPerBlock())));
        }
        values.get("tokens").setText(tokens.toString());
        values.get("compute").setText(Messages.format("readout.compute.value", Units.giga(c.totalMacs()), Units.giga(2 * c.totalMacs())));
        values.get("global").setText(Messages.format("readout.swin.globalOf", Units.giga(c.globalTotalMacs()), Units.percent(c.windowSaving())));
        values.get("params").setText(Units.compact(a.parameters()));
        values.get("memory").setText(memory.toString());
    }
}
