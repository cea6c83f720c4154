package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.rf.LayerField;
import dev.patchexplorer.core.rf.UnitField;
import dev.patchexplorer.model.CnnModel;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.VisionModel;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.GradientMap;
import dev.patchexplorer.ui.inference.GradientMapKind;
import dev.patchexplorer.ui.inference.ReceptiveFieldJob;
import dev.patchexplorer.ui.inference.ReceptiveFieldViewModel;
import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Receptive fields of the loaded model. For a CNN: the per-block table, a chart of RF against
 * depth, a layer picker, readouts linking the picked block's field to the patch grid, and its
 * top-5. For a ViT: what its theoretical fields are (one patch, then the whole image), a block
 * slider and the clicked token. For both: an input-gradient map (effective RF of the clicked unit
 * or token, or saliency) with its legend.
 */
public final class ReceptiveFieldPane extends VBox {
    private final ReceptiveFieldViewModel fields;
    private final ReceptiveFieldJob job;
    private final ExplorerViewModel explorer;
    private final Label modelName = label("rf-model", false);
    private final Label vitStatement = label("rf-vit", false);
    private final Label stackProblem = label("rf-stack-problem", true);
    private final ComboBox<String> layerPicker = new ComboBox<>();
    private final Label span = label("rf-span", false);
    private final Label first = label("rf-first", false);
    private final Label unitText = label("rf-unit", false);
    private final VBox cnnBox;
    private final VBox vitBox;
    private final Slider vitBlock = new Slider();
    private final Label vitBlockValue = label("rf-vit-block-value", false);
    private final Label tokenText = label("rf-token", false);
    private final ComboBox<GradientMapKind> mapKind;
    private final Region gradient = new Region();
    private final Label legendTitle = label("rf-legend-title", false);
    private final Label legendMin = new Label();
    private final Label legendMax = new Label();
    private final Label erfSummary = label("rf-erf-summary", false);
    private final Label predictionsTitle = label("rf-predictions-title", true);
    private final VBox predictions = new VBox(4);

    public ReceptiveFieldPane(ReceptiveFieldViewModel fields, ReceptiveFieldJob job) {
        super(8);
        this.fields = fields;
        this.job = job;
        this.explorer = fields.explorer();
        setId("rf-pane");
        setPadding(new Insets(8));

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("rf-busy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(job.busyProperty());
        HBox top = new HBox(8, modelName, busy);
        HBox.setHgrow(modelName, Priority.ALWAYS);

        layerPicker.setId("rf-layer");
        layerPicker.setMaxWidth(Double.MAX_VALUE);
        layerPicker.valueProperty().bindBidirectional(fields.selectedBlockProperty());
        Label clickHint = label("rf-click-hint", true);
        clickHint.setText(Messages.get("rf.hint.click"));
        cnnBox = new VBox(6, form(row("rf.layer", layerPicker)), new ReceptiveFieldTableView(fields), span, first, unitText,
                clickHint, new ReceptiveFieldChart(fields));
        cnnBox.setId("rf-cnn");
        vitBox = vitControls();

        mapKind = combo("rf-map", List.of(GradientMapKind.values()), job.mapKindProperty().get(), k -> Messages.get(k.messageKey()));
        mapKind.valueProperty().bindBidirectional(job.mapKindProperty());
        mapKind.setTooltip(new Tooltip(Messages.get("rf.map.tip")));
        ComboBox<ColorMap> colors = combo("rf-colors", List.of(ColorMap.values()), job.colorMapProperty().get(),
                c -> Messages.get("attention.colors." + c.name().toLowerCase(Locale.ROOT)));
        colors.valueProperty().bindBidirectional(job.colorMapProperty());
        Slider opacity = new Slider(0, 1, job.opacityProperty().get());
        opacity.setId("rf-opacity");
        opacity.valueProperty().bindBidirectional(job.opacityProperty());
        CheckBox show = new CheckBox(Messages.get("rf.map.show"));
        show.setId("rf-show");
        show.selectedProperty().bindBidirectional(job.showMapProperty());
        GridPane mapForm = form(row("rf.map", mapKind), row("attention.colors", colors), row("attention.opacity", opacity));
        mapForm.add(show, 0, 3, 2, 1);
        VBox mapBox = new VBox(6, mapForm, legend(), erfSummary, noteLabel());

        predictions.setId("rf-predictions");
        VBox predictionBox = new VBox(4, predictionsTitle, predictions);
        predictionBox.visibleProperty().bind(fields.models().cnnProperty().isNotNull());
        predictionBox.managedProperty().bind(predictionBox.visibleProperty());

        getChildren().addAll(top, vitStatement, vitBox, stackProblem, cnnBox, mapBox, predictionBox);

        for (Observable o : new Observable[] {fields.models().loadedProperty(), fields.models().loadingProperty(),
                fields.stackProblemProperty(), fields.blocksProperty(), explorer.workingProperty(), explorer.patchProperty()}) {
            o.addListener(x -> refreshModel());
        }
        for (Observable o : new Observable[] {fields.selectedLayerProperty(), fields.unitProperty(), explorer.patchProperty()}) {
            o.addListener(x -> refreshReadouts());
        }
        for (Observable o : new Observable[] {fields.tokenProperty(), fields.vitBlockProperty(), fields.vitDepthProperty()}) {
            o.addListener(x -> refreshToken());
        }
        job.mapProperty().addListener(x -> refreshMap());
        job.staleProperty().addListener(x -> refreshMap());
        job.colorMapProperty().addListener(x -> refreshMap());
        job.showMapProperty().addListener(x -> refreshMap());
        job.predictionsProperty().addListener((o, was, now) -> showPredictions(now));
        refreshModel();
        refreshReadouts();
        refreshToken();
        refreshMap();
    }

    /** The ViT's block slider (0 = patch embedding .. depth), its value in words, the token readout and a hint. */
    private VBox vitControls() {
        vitBlock.setId("rf-vit-block");
        vitBlock.setMin(0);
        vitBlock.setSnapToTicks(true);
        vitBlock.setShowTickMarks(true);
        vitBlock.setShowTickLabels(true);
        vitBlock.setBlockIncrement(1);
        vitBlock.setTooltip(new Tooltip(Messages.get("rf.vit.block.tip")));
        vitBlock.valueProperty().addListener((o, was, now) -> fields.vitBlockProperty().set((int) Math.round(now.doubleValue())));
        fields.vitBlockProperty().addListener((o, was, now) -> vitBlock.setValue(now.intValue()));
        fields.vitDepthProperty().addListener((o, was, now) -> fitBlockSlider(now.intValue()));
        fitBlockSlider(fields.vitDepthProperty().get());
        Label hint = label("rf-vit-hint", true);
        hint.setText(Messages.get("rf.vit.hint"));
        VBox box = new VBox(6, form(row("rf.vit.block", vitBlock)), vitBlockValue, tokenText, hint);
        box.setId("rf-vit-controls");
        return box;
    }

    /** Blocks 0 to {@code depth}, each a tick to snap to; a label on every block up to 12, then on every few. */
    private void fitBlockSlider(int depth) {
        int labelEvery = depth <= 12 ? 1 : (int) Math.ceil(depth / 6.0);
        vitBlock.setMax(Math.max(1, depth));
        vitBlock.setMajorTickUnit(labelEvery);
        vitBlock.setMinorTickCount(labelEvery - 1);
        vitBlock.setValue(fields.vitBlockProperty().get());
    }

    private void refreshToken() {
        ReceptiveFieldViewModel.PickedToken t = fields.getToken();
        int depth = fields.vitDepthProperty().get();
        show(vitBox, depth > 0);
        vitBlockValue.setText(depth > 0 ? ReceptiveFieldReadouts.vitBlock(fields.vitBlockProperty().get(), depth) : "");
        tokenText.setText(t == null ? "" : ReceptiveFieldReadouts.token(t));
    }

    private static Label label(String id, boolean hint) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        if (hint) l.getStyleClass().add("hint");
        return l;
    }

    private record Row(String key, Node field) {}

    private static Row row(String key, Node field) {
        return new Row(key, field);
    }

    /** Labels keep their full width; the fields take what is left (as in the attention pane). */
    private static GridPane form(Row... rows) {
        GridPane form = new GridPane();
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(names, values);
        form.setHgap(8);
        form.setVgap(6);
        for (int i = 0; i < rows.length; i++) form.addRow(i, new Label(Messages.get(rows[i].key())), rows[i].field());
        return form;
    }

    private static <T> ComboBox<T> combo(String id, List<T> items, T value, Function<T, String> name) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(items);
        c.setValue(value);
        StringConverter<T> converter = new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : name.apply(t); }
            @Override public T fromString(String s) { return null; }
        };
        c.setConverter(converter);
        c.setButtonCell(new ListCell<>() {
            @Override protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : name.apply(item));
            }
        });
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    private VBox legend() {
        gradient.setId("rf-gradient");
        gradient.setPrefHeight(12);
        gradient.setMaxWidth(Double.MAX_VALUE);
        legendMin.setId("rf-legend-min");
        legendMax.setId("rf-legend-max");
        Label stale = new Label(Messages.get("attention.stale"));
        stale.setId("rf-stale");
        stale.getStyleClass().add("hint");
        stale.visibleProperty().bind(job.staleProperty());
        BorderPane scale = new BorderPane();
        scale.setLeft(legendMin);
        scale.setRight(legendMax);
        scale.setCenter(stale);
        VBox legend = new VBox(2, legendTitle, gradient, scale);
        legend.setId("rf-legend");
        return legend;
    }

    private Label noteLabel() {
        Label note = label("rf-note", true);
        note.textProperty().bind(job.noteProperty());
        note.visibleProperty().bind(job.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    private void refreshModel() {
        VisionModel m = fields.models().getLoaded();
        boolean cnn = m instanceof CnnModel;
        if (fields.models().loadingProperty().get()) {
            modelName.setText(Messages.get("attention.model.loading"));
        } else if (m == null) {
            modelName.setText(Messages.get("rf.model.none"));
        } else if (m instanceof CnnModel c) {
            modelName.setText(ReceptiveFieldReadouts.cnnModel(c));
        } else {
            modelName.setText(Messages.format("attention.model.loaded", m.config().architecture()));
        }
        show(vitStatement, m instanceof ViTModel);
        if (m instanceof ViTModel vit) {
            vitStatement.setText(ReceptiveFieldReadouts.vit(vit.spec().architecture(), explorer.getPatch(), explorer.getWorking()));
        }
        String problem = fields.stackProblemProperty().get();
        stackProblem.setText(cnn && !problem.isEmpty() ? Messages.format("rf.stack.unknown", problem) : "");
        show(stackProblem, cnn && !problem.isEmpty());
        show(cnnBox, cnn && fields.getTable() != null);
        List<String> blocks = fields.blocksProperty().get().stream().map(f -> f.layer().block()).toList();
        if (!layerPicker.getItems().equals(blocks)) {
            String picked = fields.selectedBlockProperty().get();
            layerPicker.getItems().setAll(blocks);
            fields.selectedBlockProperty().set(picked); // setAll may have cleared the bound value
        }
        mapKind.setDisable(m == null);
        WorkingResolution w = explorer.getWorking();
        predictionsTitle.setText(w == null ? "" : Messages.format("rf.predictions", w.width(), w.height()));
    }

    private static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }

    private void refreshReadouts() {
        LayerField layer = fields.getSelectedLayer();
        UnitField unit = fields.getUnit();
        int patch = explorer.getPatch();
        span.setText(layer == null ? "" : ReceptiveFieldReadouts.span(layer, patch));
        first.setText(ReceptiveFieldReadouts.firstCovering(fields.blocksProperty().get(), patch));
        unitText.setText(layer == null || unit == null ? "" : ReceptiveFieldReadouts.unit(layer, unit, patch));
        if (fields.models().getLoaded() instanceof ViTModel vit) {
            vitStatement.setText(ReceptiveFieldReadouts.vit(vit.spec().architecture(), patch, explorer.getWorking()));
        }
    }

    private void refreshMap() {
        GradientMap m = job.getMap();
        ColorMap colors = job.colorMapProperty().get();
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i <= 16; i++) {
            int argb = colors.argb(i / 16.0);
            stops.add(new Stop(i / 16.0, Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff)));
        }
        gradient.setBackground(new Background(new BackgroundFill(
                new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops), null, null)));
        legendTitle.setText(m != null ? m.title()
                : job.showMapProperty().get() ? Messages.get("attention.legend.none") : Messages.get("rf.legend.hidden"));
        legendMin.setText(m == null ? "" : Messages.get("rf.legend.zero"));
        legendMax.setText(m == null ? "" : Messages.format("rf.legend.max", String.format(Locale.ROOT, "%.3g", m.displayMax()),
                GradientMap.DISPLAY_PERCENTILE, String.format(Locale.ROOT, "%.3g", m.max())));
        boolean summary = m != null && m.summary() != null;
        erfSummary.setText(summary ? ReceptiveFieldReadouts.erf(m.summary()) : "");
        show(erfSummary, summary);
    }

    private void showPredictions(List<Prediction> top) {
        PredictionBars.show(predictions, top, "rf-prediction-");
    }
}
