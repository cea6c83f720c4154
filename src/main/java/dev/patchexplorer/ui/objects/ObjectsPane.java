package dev.patchexplorer.ui.objects;

import dev.patchexplorer.core.objects.Box;
import dev.patchexplorer.core.objects.BoxMeasure;
import dev.patchexplorer.ui.Messages;
import javafx.beans.Observable;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.Locale;

/**
 * The Objects section: a toggle to draw boxes (Shift+drag draws too), one row per box (warning mark,
 * name to edit, patches touched and inside at the current patch size, delete), and a chart of patches
 * touched per object against the patch size.
 */
public final class ObjectsPane extends VBox {
    private final ObjectBoxes boxes;
    private final VBox rows = new VBox(6);
    private final Label empty = new Label(Messages.get("objects.empty"));
    private final LineChart<Number, Number> chart;

    public ObjectsPane(ObjectBoxes boxes) {
        super(8);
        this.boxes = boxes;
        setId("objects-pane");
        ToggleButton draw = new ToggleButton(Messages.get("objects.draw"));
        draw.setId("objects-draw");
        draw.selectedProperty().bindBidirectional(boxes.drawingProperty());
        draw.setTooltip(new Tooltip(Messages.get("objects.draw.tip")));
        Label hint = new Label(Messages.get("objects.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        empty.getStyleClass().add("hint");
        rows.setId("objects-rows");
        NumberAxis x = new NumberAxis(Messages.get("objects.chart.x"), 8, 64, 8);
        // log10 of the count: a whole object and a small part of it differ a hundredfold
        NumberAxis y = new NumberAxis(0, 1, 1);
        y.setLabel(Messages.get("objects.chart.y"));
        y.setAutoRanging(false);
        y.setMinorTickCount(0);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override public String toString(Number exponent) {
                double e = exponent.doubleValue();
                return Math.abs(e - Math.rint(e)) > 1e-9 ? "" : String.format(Locale.ROOT, "%.0f", Math.pow(10, e));
            }

            @Override public Number fromString(String text) {
                return null;
            }
        });
        chart = new LineChart<>(x, y);
        chart.setId("objects-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setPrefHeight(200);
        chart.setMinHeight(160);
        getChildren().addAll(draw, hint, empty, rows, chart);
        for (Observable o : new Observable[] {boxes.boxes(), boxes.model().gridProperty(), boxes.model().workingProperty()}) {
            o.addListener(ignored -> refresh());
        }
        refresh();
    }

    private void refresh() {
        rows.getChildren().clear();
        chart.getData().clear();
        empty.setVisible(boxes.boxes().isEmpty());
        empty.setManaged(boxes.boxes().isEmpty());
        chart.setVisible(!boxes.boxes().isEmpty());
        chart.setManaged(!boxes.boxes().isEmpty());
        int i = 0;
        int most = 1;
        for (Box b : boxes.boxes()) {
            rows.getChildren().add(row(b, i++));
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(b.name());
            for (BoxMeasure.Point p : boxes.series(b)) {
                if (p.touched() == 0) continue; // no point on a log axis: the object lies where no patch is
                s.getData().add(new XYChart.Data<>(p.patch(), Math.log10(p.touched())));
                most = Math.max(most, p.touched());
            }
            chart.getData().add(s);
        }
        ((NumberAxis) chart.getYAxis()).setUpperBound(Math.max(1, Math.ceil(Math.log10(most))));
    }

    private VBox row(Box b, int index) {
        BoxMeasure m = boxes.measure(b);
        String why = ObjectText.warning(m);
        Label mark = new Label(why == null ? "" : "\u26a0");
        mark.setId("object-warning-" + index);
        mark.getStyleClass().add("object-warning");
        mark.setMinWidth(16);
        if (why != null) {
            mark.setTooltip(new Tooltip(why));
            mark.setStyle("-fx-text-fill: " + (m.warning() == dev.patchexplorer.core.objects.BoxWarning.UNDER_ONE_PATCH
                    ? "#d32f2f" : "#e08a00") + ";");
        }
        TextField name = new TextField(b.name());
        name.setId("object-name-" + index);
        name.setPromptText(Messages.get("objects.name"));
        HBox.setHgrow(name, Priority.ALWAYS);
        Runnable commit = () -> {
            if (!name.getText().strip().equals(b.name())) boxes.rename(b, name.getText());
        };
        name.setOnAction(e -> commit.run());
        name.focusedProperty().addListener((o, was, now) -> {
            if (!now) commit.run();
        });
        Button delete = new Button("\u2715");
        delete.setId("object-delete-" + index);
        delete.setTooltip(new Tooltip(Messages.get("objects.delete")));
        delete.setOnAction(e -> boxes.boxes().remove(b));
        HBox top = new HBox(6, mark, name, delete);
        top.setAlignment(Pos.CENTER_LEFT);
        Label detail = new Label(ObjectText.detail(m));
        detail.setId("object-detail-" + index);
        detail.setWrapText(true);
        VBox box = new VBox(2, top, detail);
        if (why != null) {
            Label warn = new Label(why);
            warn.setWrapText(true);
            warn.getStyleClass().add("hint");
            box.getChildren().add(warn);
        }
        return box;
    }

    public LineChart<Number, Number> chart() {
        return chart;
    }
}
