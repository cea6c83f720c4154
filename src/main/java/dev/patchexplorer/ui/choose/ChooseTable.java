package dev.patchexplorer.ui.choose;

import dev.patchexplorer.core.sweep.SweepRow;
import dev.patchexplorer.ui.Messages;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntConsumer;

/** Every row of the sweep, one per patch size, sortable by any column; clicking a row goes to its patch size. */
final class ChooseTable extends TableView<PatchResult> {
    ChooseTable(ObservableList<PatchResult> results, IntConsumer goTo) {
        super(results);
        setId("choose-table");
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setPrefHeight(260);
        setPlaceholder(new javafx.scene.control.Label(Messages.get("choose.table.empty")));
        getColumns().add(column("choose.col.patch", "choose.tip.patch", r -> r.patch(), "%d"));
        getColumns().add(column("choose.col.grid", "choose.tip.grid", r -> r.gridH(), "%d"));
        getColumns().add(column("choose.col.tokens", "choose.tip.tokens", r -> r.tokens(), "%d"));
        getColumns().add(column("choose.col.gmacs", "choose.tip.gmacs", r -> r.gmacs(), "%.3f"));
        getColumns().add(column("choose.col.ms", "choose.tip.ms", r -> r.ms(), "%.0f"));
        TableColumn<PatchResult, String> label = new TableColumn<>(Messages.get("choose.col.top1"));
        label.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().row().top1Label()));
        label.setPrefWidth(130);
        getColumns().add(label);
        getColumns().add(column("choose.col.confidence", "choose.tip.confidence", r -> 100 * r.top1Prob(), "%.1f"));
        getColumns().add(column("choose.col.agree1", "choose.tip.agree1", r -> r.agreeTop1(), "%d"));
        getColumns().add(column("choose.col.agree5", "choose.tip.agree5", r -> r.agreeTop5(), "%d"));
        getColumns().add(column("choose.col.kl", "choose.tip.kl", r -> r.kl(), "%.4f"));
        getColumns().add(column("choose.col.margin", "choose.tip.margin", r -> r.margin(), "%.3f"));
        getColumns().add(column("choose.col.entropy", "choose.tip.entropy", r -> r.entropy(), "%.3f"));
        getColumns().add(column("choose.col.attnEntropy", "choose.tip.attnEntropy", r -> r.attentionEntropy(), "%.3f"));
        getColumns().add(column("choose.col.distance", "choose.tip.distance", r -> r.meanAttentionDistancePx(), "%.1f"));
        getColumns().add(column("choose.col.area", "choose.tip.area", r -> r.rolloutArea60Px2(), "%.0f"));
        getColumns().add(column("choose.col.iou", "choose.tip.iou", r -> r.heatmapIou60(), "%.3f"));
        setRowFactory(t -> {
            TableRow<PatchResult> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) goTo.accept(row.getItem().patch());
            });
            return row;
        });
    }

    /** A numeric column: sorts by value, shows it formatted, explains itself in the header's tooltip. */
    private static TableColumn<PatchResult, Number> column(String title, String tip, Function<SweepRow, Number> value, String format) {
        TableColumn<PatchResult, Number> c = new TableColumn<>();
        javafx.scene.control.Label header = new javafx.scene.control.Label(Messages.get(title));
        header.setTooltip(new Tooltip(Messages.get(tip)));
        c.setGraphic(header);
        c.setId(title.replace('.', '-'));
        // wide enough for its header whole (and the sort arrow), which otherwise ends in "..."
        c.setPrefWidth(Math.max(80, 1.25 * new javafx.scene.text.Text(header.getText()).getLayoutBounds().getWidth() + 40));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue().row())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format(Locale.ROOT, format, v));
            }
        });
        return c;
    }
}
