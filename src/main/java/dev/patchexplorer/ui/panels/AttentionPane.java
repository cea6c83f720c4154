package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.color.HeatScale;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.AttentionJob;
import dev.patchexplorer.ui.inference.HeadChoice;
import dev.patchexplorer.ui.inference.Heatmap;
import dev.patchexplorer.ui.inference.MapKind;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Heatmap settings, its legend and the model's top-5 predictions. */
public final class AttentionPane extends VBox {
    private final AttentionJob job;
    private final ComboBox<HeadChoice> head = new ComboBox<>();
    private final Spinner<Integer> layer = new Spinner<>();
    private final Region gradient = new Region();
    private final Label legendTitle = new Label();
    private final Label legendMin = new Label();
    private final Label legendMax = new Label();
    private final Label legendMid = new Label();
    private final Label artifactCount = new Label();
    private final Label legendMass = new Label();
    private final Label staleLabel = new Label(Messages.get("attention.stale"));
    private final Label modelName = new Label();
    private final VBox predictions = new VBox(4);
    private javafx.stage.Stage headsWindow;
    /** The model line with its busy indicator. */
    private final HBox top;

    public AttentionPane(AttentionJob job) {
        super(8);
        this.job = job;
        setId("attention-pane");
        setPadding(new Insets(8));

        modelName.setId("attention-model");
        modelName.setWrapText(true);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("attention-busy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(job.busyProperty());
        top = new HBox(8, modelName, busy);
        top.setId("attention-model-line");
        HBox.setHgrow(modelName, Priority.ALWAYS);

        ComboBox<PatchMode> mode = combo("attention-mode", List.of(PatchMode.values()), job.modeProperty().get(),
                m -> Messages.get("attention.mode." + m.name().toLowerCase(Locale.ROOT)));
        mode.valueProperty().bindBidirectional(job.modeProperty());
        mode.setTooltip(new Tooltip(Messages.get("attention.mode.tip")));

        ComboBox<MapKind> kind = combo("attention-kind", List.of(MapKind.values()), job.mapKindProperty().get(),
                k -> Messages.get(k.messageKey()));
        kind.valueProperty().bindBidirectional(job.mapKindProperty());

        layer.setId("attention-layer");
        layer.setEditable(true);
        layer.setPrefWidth(90);
        setLayers(12);
        layer.valueProperty().addListener((o, was, now) -> { if (now != null) job.layerProperty().set(now); });
        job.layerProperty().addListener((o, was, now) -> layer.getValueFactory().setValue(now.intValue()));
        layer.disableProperty().bind(job.mapKindProperty().isEqualTo(MapKind.ROLLOUT));

        head.setId("attention-head");
        head.setConverter(converter(AttentionPane::headName));
        head.setButtonCell(cell(AttentionPane::headName));
        head.setCellFactory(v -> cell(AttentionPane::headName));
        setHeads(3);
        head.valueProperty().bindBidirectional(job.headProperty());

        ComboBox<ColorMap> colors = combo("attention-colors", List.of(ColorMap.values()), job.colorMapProperty().get(),
                c -> Messages.get("attention.colors." + c.name().toLowerCase(Locale.ROOT)));
        colors.valueProperty().bindBidirectional(job.colorMapProperty());

        ComboBox<HeatScale.Kind> scaleKind = combo("attention-scale", List.of(HeatScale.Kind.values()), job.colorScaleProperty().get(),
                k -> Messages.get("attention.scale." + k.name().toLowerCase(Locale.ROOT)));
        scaleKind.valueProperty().bindBidirectional(job.colorScaleProperty());
        scaleKind.setTooltip(new Tooltip(Messages.get("attention.scale.tip")));

        Slider opacity = new Slider(0, 1, job.opacityProperty().get());
        opacity.setId("attention-opacity");
        opacity.valueProperty().bindBidirectional(job.opacityProperty());
        CheckBox show = new CheckBox(Messages.get("attention.show"));
        show.setId("attention-show");
        show.selectedProperty().bindBidirectional(job.showHeatmapProperty());
        HBox mass = massThreshold(job);

        GridPane form = new GridPane();
        // Labels keep their full width; the pickers take what is left.
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        form.getColumnConstraints().addAll(names, fields);
        form.setHgap(8);
        form.setVgap(6);
        int r = 0;
        form.addRow(r++, new Label(Messages.get("attention.mode")), mode);
        form.addRow(r++, new Label(Messages.get("attention.kind")), kind);
        form.addRow(r++, new Label(Messages.get("attention.layer")), layer);
        form.addRow(r++, new Label(Messages.get("attention.head")), head);
        form.addRow(r++, new Label(Messages.get("attention.colors")), colors);
        form.addRow(r++, new Label(Messages.get("attention.scale")), scaleKind);
        form.addRow(r++, new Label(Messages.get("attention.opacity")), opacity);
        form.addRow(r++, new Label(Messages.get("attention.mass")), mass);
        form.add(show, 0, r++, 2, 1);
        form.add(artifacts(), 0, r, 2, 1);

        gradient.setId("attention-gradient");
        gradient.setPrefHeight(12);
        gradient.setMaxWidth(Double.MAX_VALUE);
        legendTitle.setId("attention-legend-title");
        legendTitle.setWrapText(true);
        legendMin.setId("attention-legend-min");
        legendMax.setId("attention-legend-max");
        staleLabel.setId("attention-stale");
        staleLabel.getStyleClass().add("hint");
        staleLabel.visibleProperty().bind(job.staleProperty());
        staleLabel.managedProperty().bind(job.staleProperty()); // else its empty room pushes the middle tick off centre
        legendMid.setId("attention-legend-mid");
        BorderPane scale = new BorderPane();
        scale.setLeft(legendMin);
        scale.setRight(legendMax);
        HBox middle = new HBox(8, legendMid, staleLabel);
        middle.setAlignment(javafx.geometry.Pos.CENTER);
        scale.setCenter(middle);
        Label note = new Label();
        note.setId("attention-note");
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        note.textProperty().bind(job.noteProperty());
        // the map's note belongs to the map: gone with it when another map has the viewer
        note.visibleProperty().bind(job.showHeatmapProperty());
        note.managedProperty().bind(note.textProperty().isNotEmpty().and(job.showHeatmapProperty()));
        legendMass.setId("attention-legend-mass");
        legendMass.setWrapText(true);
        Label gridNote = new Label();
        gridNote.setId("attention-grid-note");
        gridNote.setWrapText(true);
        gridNote.getStyleClass().add("hint");
        gridNote.textProperty().bind(job.gridNoteProperty());
        gridNote.managedProperty().bind(gridNote.textProperty().isNotEmpty());
        VBox legend = new VBox(2, legendTitle, gradient, scale, legendMass, note, gridNote);
        legend.setId("attention-legend");

        predictions.setId("attention-predictions");
        Label predTitle = new Label(Messages.get("attention.predictions"));
        predTitle.getStyleClass().add("hint");

        Button allHeads = new Button(Messages.get("attention.allHeads"));
        allHeads.setId("attention-all-heads");
        allHeads.setTooltip(new Tooltip(Messages.get("attention.allHeads.tip")));
        allHeads.setOnAction(e -> showHeads());

        getChildren().addAll(top, form, allHeads, legend, predTitle, predictions);

        job.heatmapProperty().addListener(x -> updateLegend());
        job.colorMapProperty().addListener(x -> updateLegend());
        job.showHeatmapProperty().addListener(x -> updateLegend());
        job.predictionsProperty().addListener((o, was, now) -> showPredictions(now));
        job.models().modelProperty().addListener((o, was, now) -> modelChanged(now));
        job.models().loadingProperty().addListener(x -> modelChanged(job.models().getModel()));
        job.models().cnnProperty().addListener(x -> modelChanged(job.models().getModel()));
        modelChanged(job.models().getModel());
        updateLegend();
    }

    /**
     * Puts {@code offer} (what to do without a model) under the model line in place of the line's
     * own hint, or takes it away again with null.
     */
    public void showOffer(javafx.scene.Node offer) {
        getChildren().removeIf(n -> "model-offer".equals(n.getId()));
        if (offer != null) getChildren().add(1, offer);
        // the offer says "No model loaded" itself, and goes once a model is loading
        top.setVisible(offer == null);
        top.setManaged(offer == null);
    }

    /** Opens the small-multiples window, once per pane; asked again, brings it to the front. */
    private void showHeads() {
        if (headsWindow == null) headsWindow = HeadsWindow.create(getScene() == null ? null : getScene().getWindow(), job);
        headsWindow.show();
        headsWindow.toFront();
    }

    /**
     * The artifact patches (Darcet et al. 2024): outline them, discount them, a one-line explanation and how
     * many this pass has.
     */
    private VBox artifacts() {
        CheckBox mark = new CheckBox(Messages.get("attention.artifacts.mark"));
        mark.setId("attention-artifacts-mark");
        mark.selectedProperty().bindBidirectional(job.markArtifactsProperty());
        CheckBox discount = new CheckBox(Messages.get("attention.artifacts.discount"));
        discount.setId("attention-artifacts-discount");
        discount.selectedProperty().bindBidirectional(job.discountArtifactsProperty());
        Label explain = new Label(Messages.get("attention.artifacts.explain"));
        explain.setId("attention-artifacts-explain");
        explain.setWrapText(true);
        explain.getStyleClass().add("hint");
        explain.setTooltip(new Tooltip(Messages.get("attention.artifacts.tip")));
        mark.setTooltip(new Tooltip(Messages.get("attention.artifacts.tip")));
        discount.setTooltip(new Tooltip(Messages.get("attention.artifacts.tip")));
        artifactCount.setId("attention-artifacts-count");
        artifactCount.setWrapText(true);
        artifactCount.getStyleClass().add("hint");
        artifactCount.managedProperty().bind(artifactCount.textProperty().isNotEmpty());
        HBox toggles = new HBox(12, mark, discount);
        VBox box = new VBox(4, toggles, explain, artifactCount);
        box.setId("attention-artifacts");
        return box;
    }

    /** DINO's threshold: a check box to switch it on and the share of the mass to keep, in percent. */
    private static HBox massThreshold(AttentionJob job) {
        CheckBox on = new CheckBox();
        on.setId("attention-mass-on");
        on.selectedProperty().bindBidirectional(job.massThresholdProperty());
        Spinner<Integer> percent = new Spinner<>(1, 100, job.massPercentProperty().get(), 5);
        percent.setId("attention-mass-percent");
        percent.setEditable(true);
        percent.setPrefWidth(90);
        percent.disableProperty().bind(on.selectedProperty().not());
        percent.valueProperty().addListener((o, was, now) -> { if (now != null) job.massPercentProperty().set(now); });
        job.massPercentProperty().addListener((o, was, now) -> percent.getValueFactory().setValue(now.intValue()));
        Label unit = new Label("%");
        HBox row = new HBox(6, on, percent, unit);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Tooltip tip = new Tooltip(Messages.get("attention.mass.tip"));
        on.setTooltip(tip);
        percent.setTooltip(tip);
        return row;
    }

    private static <T> ComboBox<T> combo(String id, List<T> items, T value, Function<T, String> name) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(items);
        c.setValue(value);
        c.setConverter(converter(name));
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    private static <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : name.apply(t); }
            @Override public T fromString(String s) { return null; }
        };
    }

    private static <T> ListCell<T> cell(Function<T, String> name) {
        return new ListCell<>() {
            @Override protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : name.apply(item));
            }
        };
    }

    static String headName(HeadChoice h) {
        return h.isSingle() ? Messages.format("attention.head.single", h.head() + 1)
                : Messages.get("attention.head." + h.fusion().name().toLowerCase(Locale.ROOT));
    }

    private void setLayers(int depth) {
        int current = job.layerProperty().get();
        layer.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, depth, Math.max(1, Math.min(depth, current))));
    }

    private void setHeads(int heads) {
        HeadChoice current = job.headProperty().get();
        List<HeadChoice> items = new ArrayList<>(List.of(HeadChoice.MEAN, HeadChoice.MAX, HeadChoice.MIN));
        for (int h = 0; h < heads; h++) items.add(HeadChoice.single(h));
        head.getItems().setAll(items);
        head.setValue(items.contains(current) ? current : HeadChoice.MEAN);
    }

    private void modelChanged(ViTModel model) {
        if (job.models().loadingProperty().get()) {
            modelName.setText(Messages.get("attention.model.loading"));
        } else if (model == null && job.models().getCnn() != null) {
            modelName.setText(Messages.format("attention.model.needsVit", job.models().getCnn().config().architecture()));
        } else if (model == null) {
            modelName.setText(Messages.get("attention.model.none"));
        } else {
            modelName.setText(Messages.format("attention.model.loaded", model.spec().architecture()));
        }
        if (model != null) {
            setLayers(model.spec().depth());
            setHeads(model.spec().heads());
        }
    }

    private void updateLegend() {
        // a legend only for the map that is drawn: when the gradient map (or nothing) replaces the
        // heatmap, this one says so instead of describing colours that are not on screen
        boolean drawn = job.showHeatmapProperty().get();
        Heatmap h = drawn ? job.getHeatmap() : null;
        ColorMap colors = job.colorMapProperty().get();
        gradient.setBackground(ColorScale.bar(colors));
        gradient.setVisible(drawn);
        gradient.setManaged(drawn);
        legendTitle.setText(!drawn ? Messages.get("attention.legend.hidden")
                : h == null ? Messages.get("attention.legend.none") : h.title());
        // the ticks follow the scale: a log scale's middle tick is the geometric mean, a percentile scale's ends clip
        legendMin.setText(h == null ? "" : h.scale().tickLabel(0, ColorScale::value));
        legendMid.setText(h == null ? "" : h.scale().tickLabel(0.5, ColorScale::value));
        legendMax.setText(h == null ? "" : h.scale().tickLabel(1, ColorScale::value));
        artifactCount.setText(h == null || h.artifacts() == null ? ""
                : h.artifactCount() == 0 ? Messages.get("attention.artifacts.none")
                : Messages.format("attention.artifacts.found", h.artifactCount()));
        legendMass.setText(massText(h));
        legendMass.setManaged(!legendMass.getText().isEmpty());
    }

    /** "Top 60 % of attention mass: 23 of 196 patches", or "" without a threshold. */
    static String massText(Heatmap h) {
        if (h == null || h.mask() == null) return "";
        return Messages.format("attention.legend.mass", Math.round(h.mask().fraction() * 100), h.mask().kept(), h.values().length);
    }

    private void showPredictions(List<Prediction> top) {
        PredictionBars.show(predictions, top, "prediction-");
    }
}
