package dev.patchexplorer.ui.choose;

import dev.patchexplorer.core.sweep.Estimate;
import dev.patchexplorer.core.sweep.PatchAggregate;
import dev.patchexplorer.core.sweep.SweepQuantity;
import dev.patchexplorer.ui.Messages;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * A sweep over several images, one row per patch size: each quantity's mean over the images with its
 * 95 % interval in brackets; sortable by the means; clicking a row goes to its patch size.
 */
final class AggregateTable extends TableView<PatchAggregate> {
    AggregateTable(ObservableList<PatchAggregate> aggregates, IntConsumer goTo) {
        super(aggregates);
        setId("choose-aggregate-table");
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setPrefHeight(260);
        setPlaceholder(new Label(Messages.get("choose.table.empty")));
        getColumns().add(plain("choose.col.patch", "choose.tip.patch", a -> a.patch(), "%d"));
        getColumns().add(plain("choose.col.tokens", "choose.tip.tokens", a -> a.tokens(), "%d"));
        getColumns().add(plain("choose.col.gmacs", "choose.tip.gmacs", a -> a.gmacs(), "%.3f"));
        getColumns().add(plain("choose.col.images", "choose.tip.images", a -> a.images(), "%d"));
        getColumns().add(mean("choose.col.accuracy1", "choose.tip.accuracy1", SweepQuantity.ACCURACY_TOP1, 100, "%.1f"));
        getColumns().add(mean("choose.col.accuracy5", "choose.tip.accuracy5", SweepQuantity.ACCURACY_TOP5, 100, "%.1f"));
        getColumns().add(mean("choose.col.agree1pct", "choose.tip.agree1pct", SweepQuantity.AGREE_TOP1, 100, "%.1f"));
        getColumns().add(mean("choose.col.agree5pct", "choose.tip.agree5pct", SweepQuantity.AGREE_TOP5, 100, "%.1f"));
        getColumns().add(mean("choose.col.kl", "choose.tip.kl", SweepQuantity.KL, 1, "%.4f"));
        getColumns().add(mean("choose.col.confidence", "choose.tip.confidence", SweepQuantity.CONFIDENCE, 100, "%.1f"));
        getColumns().add(mean("choose.col.iou", "choose.tip.iou", SweepQuantity.HEATMAP_IOU, 1, "%.3f"));
        getColumns().add(mean("choose.col.ms", "choose.tip.ms", SweepQuantity.MS, 1, "%.0f"));
        setRowFactory(t -> {
            TableRow<PatchAggregate> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) goTo.accept(row.getItem().patch());
            });
            return row;
        });
    }

    /** The text of a mean with its interval, as the table shows it: "85.0 [62.1, 95.3]", or "-" without a value. */
    static String text(Estimate e, double scale, String format) {
        if (Double.isNaN(e.mean())) return "\u2013";
        String mean = String.format(Locale.ROOT, format, scale * e.mean());
        if (!e.hasInterval()) return mean;
        return mean + " [" + String.format(Locale.ROOT, format, scale * e.low()) + ", "
                + String.format(Locale.ROOT, format, scale * e.high()) + "]";
    }

    private static TableColumn<PatchAggregate, Number> plain(String title, String tip, Function<PatchAggregate, Number> value, String format) {
        TableColumn<PatchAggregate, Number> c = header(new TableColumn<>(), title, tip);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format(Locale.ROOT, format, v));
            }
        });
        c.setPrefWidth(90);
        return c;
    }

    /** A mean column: sorts by the mean (patch sizes without one last), shows it with its interval. */
    private static TableColumn<PatchAggregate, Number> mean(String title, String tip, SweepQuantity q, double scale, String format) {
        TableColumn<PatchAggregate, Number> c = header(new TableColumn<>(), title, tip);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().mean(q)));
        c.setComparator((x, y) -> Double.compare(nanLast(x), nanLast(y)));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                int i = getIndex();
                PatchAggregate a = empty || i < 0 || i >= getTableView().getItems().size() ? null : getTableView().getItems().get(i);
                setText(a == null ? null : text(a.estimate(q), scale, format));
            }
        });
        c.setPrefWidth(150); // "66.7 [20.8, 93.9]" whole
        return c;
    }

    private static double nanLast(Number n) {
        return Double.isNaN(n.doubleValue()) ? Double.POSITIVE_INFINITY : n.doubleValue();
    }

    private static <T> TableColumn<PatchAggregate, T> header(TableColumn<PatchAggregate, T> c, String title, String tip) {
        Label header = new Label(Messages.get(title));
        header.setTooltip(new Tooltip(Messages.get(tip)));
        c.setGraphic(header);
        c.setId("choose-aggregate-" + title.substring(title.lastIndexOf('.') + 1));
        return c;
    }
}
