package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.rf.LayerField;
import dev.patchexplorer.core.rf.LayerSpec;
import dev.patchexplorer.core.rf.ReceptiveFieldTable;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.ReceptiveFieldViewModel;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One row per block of the loaded CNN: output size at the working resolution, RF, effective
 * stride and effective padding; each row's tooltip lists the block's convolutions and pools.
 * Selecting a row picks that block, and picking a block elsewhere selects its row.
 */
public final class ReceptiveFieldTableView extends TableView<LayerField> {
    private final ReceptiveFieldViewModel fields;
    private boolean syncing;

    public ReceptiveFieldTableView(ReceptiveFieldViewModel fields) {
        this.fields = fields;
        setId("rf-table");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPrefHeight(230);
        setMinHeight(150);
        getColumns().add(column("rf.table.block", 100, f -> f.layer().block()));
        getColumns().add(column("rf.table.output", 78, f -> Messages.format("rf.table.size", f.outputHeight(), f.outputWidth())));
        getColumns().add(column("rf.table.rf", 72, f -> Integer.toString(f.size())));
        getColumns().add(column("rf.table.stride", 62, f -> Integer.toString(f.stride())));
        getColumns().add(column("rf.table.padding", 80, f -> Integer.toString(f.padding())));
        setRowFactory(t -> new TableRow<>() {
            @Override protected void updateItem(LayerField f, boolean empty) {
                super.updateItem(f, empty);
                setTooltip(empty || f == null ? null : new Tooltip(layersOf(f)));
            }
        });
        setPlaceholder(new javafx.scene.control.Label(Messages.get("rf.table.empty")));

        fields.blocksProperty().addListener((o, was, now) -> {
            syncing = true;
            getItems().setAll(now);
            syncing = false;
            selectPicked();
        });
        fields.selectedLayerProperty().addListener(x -> selectPicked());
        getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!syncing && now != null) fields.selectedBlockProperty().set(now.layer().block());
        });
        getItems().setAll(fields.blocksProperty().get());
        selectPicked();
    }

    private static TableColumn<LayerField, String> column(String key, double width, Function<LayerField, String> value) {
        TableColumn<LayerField, String> c = new TableColumn<>(Messages.get(key));
        c.setId(key.replace('.', '-'));
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setReorderable(false);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    private void selectPicked() {
        LayerField f = fields.getSelectedLayer();
        syncing = true;
        if (f == null) {
            getSelectionModel().clearSelection();
        } else {
            getSelectionModel().select(f);
            scrollTo(Math.max(0, getItems().indexOf(f) - 1));
        }
        syncing = false;
    }

    /** The block's layers, e.g. "blocks.1.0.conv_dw  3×3 / 2, pad 1". */
    private String layersOf(LayerField block) {
        ReceptiveFieldTable t = fields.getTable();
        if (t == null) return block.layer().block();
        List<LayerSpec> in = t.layers().stream().map(LayerField::layer)
                .filter(l -> l.block().equals(block.layer().block())).toList();
        return in.stream().map(l -> Messages.format("rf.table.layer", l.name(), l.kernel(), l.stride(), l.padding(), l.dilation()))
                .collect(Collectors.joining("\n"));
    }
}
