package dev.patchexplorer.ui.choose;

import dev.patchexplorer.core.sweep.SweepMode;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.ModelViewModel;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * "Choose a patch size": sweeps the loaded ViT over a range of patch sizes on the shown image, or on
 * several images (then means with 95 % intervals, accuracy when they have true classes), and lays
 * out the evidence: a chart of a metric against GMACs, thumbnails of the rollout on one scale (one
 * image only), a sortable table, and a recommendation. Clicking a point, row or thumbnail moves the
 * patch slider.
 */
public final class ChoosePatchPane extends VBox {
    private final ChooseViewModel view = new ChooseViewModel();
    private final ChooseSweep sweep;
    private final ExplorerViewModel explorer;
    private final ModelViewModel models;
    private final ChooseChart chart;
    private final ThumbnailStrip thumbnails;
    private final SweepResultsExport export;

    public ChoosePatchPane(ExplorerViewModel explorer, ModelViewModel models, Executor inference) {
        super(8);
        this.explorer = explorer;
        this.models = models;
        this.sweep = new ChooseSweep(view, explorer, models, inference);
        setId("choose-pane");
        setPadding(new Insets(8));
        chart = new ChooseChart(explorer::setPatch);
        thumbnails = new ThumbnailStrip(explorer::setPatch);

        ChoiceBox<SweepMode> mode = new ChoiceBox<>(FXCollections.observableArrayList(SweepMode.values()));
        mode.setId("choose-mode");
        mode.setConverter(names(ChooseSweep::modeName));
        mode.valueProperty().bindBidirectional(view.modeProperty());
        mode.setTooltip(new Tooltip(Messages.get("choose.mode.tooltip")));
        Spinner<Integer> from = intSpinner("choose-from", view.fromProperty().get(), "choose.from.tooltip");
        Spinner<Integer> to = intSpinner("choose-to", view.toProperty().get(), "choose.to.tooltip");
        Spinner<Integer> step = intSpinner("choose-step", view.stepProperty().get(), "choose.step.tooltip");
        from.valueProperty().addListener((o, was, now) -> view.fromProperty().set(now));
        to.valueProperty().addListener((o, was, now) -> view.toProperty().set(now));
        step.valueProperty().addListener((o, was, now) -> view.stepProperty().set(now));
        // and back, for a session that sets the range
        view.fromProperty().addListener((o, was, now) -> from.getValueFactory().setValue(now.intValue()));
        view.toProperty().addListener((o, was, now) -> to.getValueFactory().setValue(now.intValue()));
        view.stepProperty().addListener((o, was, now) -> step.getValueFactory().setValue(now.intValue()));
        Button run = new Button(Messages.get("choose.run"));
        run.setId("choose-run");
        run.setTooltip(new Tooltip(Messages.get("choose.run.tooltip")));
        run.setOnAction(e -> sweep.run());
        run.disableProperty().bind(view.runningProperty().or(models.modelProperty().isNull()));
        Button cancel = new Button(Messages.get("choose.cancel"));
        cancel.setId("choose-cancel");
        cancel.setOnAction(e -> sweep.cancel());
        cancel.disableProperty().bind(view.runningProperty().not());
        export = new SweepResultsExport(view, explorer, models, sweep::labelledFiles, () -> getScene() == null ? null : getScene().getWindow());
        Button exportButton = new Button(Messages.get("choose.export"));
        exportButton.setId("choose-export");
        exportButton.setTooltip(new Tooltip(Messages.get("choose.export.tooltip")));
        exportButton.setOnAction(e -> export.export());
        exportButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> view.runningProperty().get()
                        || (view.imagesProperty().get() == ChooseImages.FILES ? view.aggregates().isEmpty() : view.results().isEmpty()),
                view.runningProperty(), view.imagesProperty(), view.results(), view.aggregates()));
        // every row fits the panel at its narrowest: long choices shrink (their text ends in "..."),
        // and a label wraps with the field it names
        mode.setMinWidth(80);
        mode.setPrefWidth(120);
        mode.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(mode, Priority.ALWAYS);
        HBox modeRow = row(new Label(Messages.get("choose.mode")), mode);
        FlowPane range = new FlowPane(10, 6, row(new Label(Messages.get("choose.from")), from),
                row(new Label(Messages.get("choose.to")), to), row(new Label(Messages.get("choose.step")), step));
        range.setAlignment(Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar();
        progress.setId("choose-progress");
        progress.progressProperty().bind(view.progressProperty());
        progress.setMinWidth(40);
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox runRow = row(run, cancel, exportButton, progress);
        Label status = new Label();
        status.setId("choose-status");
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.textProperty().bind(view.statusProperty());

        Spinner<Double> x = doubleSpinner("choose-min-agreement", 0, 100, view.minAgreementProperty().get(), 5, "choose.x.tooltip");
        Spinner<Double> y = doubleSpinner("choose-max-kl", 0, 100, view.maxKlProperty().get(), 0.05, "choose.y.tooltip");
        x.valueProperty().addListener((o, was, now) -> view.minAgreementProperty().set(now));
        y.valueProperty().addListener((o, was, now) -> view.maxKlProperty().set(now));
        view.minAgreementProperty().addListener((o, was, now) -> x.getValueFactory().setValue(now.doubleValue()));
        view.maxKlProperty().addListener((o, was, now) -> y.getValueFactory().setValue(now.doubleValue()));
        FlowPane thresholds = new FlowPane(10, 6, row(wrapping(Messages.get("choose.x")), x), row(wrapping(Messages.get("choose.y")), y));
        thresholds.setAlignment(Pos.CENTER_LEFT);
        Label recommendation = new Label();
        recommendation.setId("choose-recommendation");
        recommendation.setWrapText(true);
        recommendation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        recommendation.textProperty().bind(view.recommendationTextProperty());
        recommendation.setStyle("-fx-font-weight: bold;");

        ChoiceBox<SweepMetric> metric = new ChoiceBox<>(FXCollections.observableArrayList(metricsFor(view.imagesProperty().get())));
        metric.setId("choose-metric");
        metric.setConverter(names(m -> Messages.get(m.key())));
        metric.valueProperty().bindBidirectional(view.metricProperty());
        metric.setTooltip(new Tooltip(Messages.get("choose.metric.tooltip")));
        // as wide as its longest name: once its items are swapped it no longer measures the name shown
        double longest = java.util.Arrays.stream(SweepMetric.values())
                .mapToDouble(m -> new javafx.scene.text.Text(Messages.get(m.key())).getLayoutBounds().getWidth()).max().orElse(0);
        metric.setPrefWidth(longest * 1.15 + 48);
        metric.setMinWidth(80);
        HBox.setHgrow(metric, Priority.SOMETIMES);
        HBox metricRow = row(new Label(Messages.get("choose.metric")), metric);

        ChooseTable table = new ChooseTable(view.results(), explorer::setPatch);
        AggregateTable aggregateTable = new AggregateTable(view.aggregates(), explorer::setPatch);
        Label thumbsTitle = new Label(Messages.get("choose.thumbs"));
        // one image's evidence (thumbnails, rows) or the means over several images, never both
        var shownOnly = view.imagesProperty().isEqualTo(ChooseImages.SHOWN);
        for (var n : List.of(thumbsTitle, thumbnails, table)) {
            n.visibleProperty().bind(shownOnly);
            n.managedProperty().bind(shownOnly);
        }
        aggregateTable.visibleProperty().bind(shownOnly.not());
        aggregateTable.managedProperty().bind(shownOnly.not());
        VBox.setVgrow(chart, Priority.SOMETIMES);
        // the chart (the evidence) right under the run, so that it and its legend fit the default window;
        // the thresholds beside the sentence they set
        getChildren().addAll(new ImagesPicker(view, sweep), modeRow, range, runRow, status, metricRow, chart, thresholds, recommendation,
                thumbsTitle, thumbnails, table, aggregateTable);

        view.imagesProperty().addListener((o, was, now) -> {
            SweepMetric chosen = view.metricProperty().get();
            metric.getItems().setAll(metricsFor(now));
            view.metricProperty().set(metric.getItems().contains(chosen) ? chosen : SweepMetric.AGREE_TOP1);
        });
        Runnable redraw = () -> {
            SweepMetric m = view.metricProperty().get();
            if (m == null) return; // only while the metric list is being replaced
            int patch = explorer.getPatch();
            if (view.imagesProperty().get() == ChooseImages.FILES) {
                int images = view.aggregates().stream().mapToInt(a -> a.images()).max().orElse(0);
                chart.show(ChartPoint.ofAggregates(view.aggregates(), m), m, patch, models.getModel(),
                        Messages.format("choose.series.mean", images));
                view.aggregates().stream().filter(a -> a.patch() == patch).findFirst().ifPresentOrElse(
                        a -> aggregateTable.getSelectionModel().select(a), () -> aggregateTable.getSelectionModel().clearSelection());
                return;
            }
            chart.show(ChartPoint.ofResults(view.results(), m), m, patch, models.getModel(), Messages.get("choose.series.image"));
            thumbnails.show(view.results(), patch);
            view.results().stream().filter(r -> r.patch() == patch).findFirst()
                    .ifPresentOrElse(r -> table.getSelectionModel().select(r), () -> table.getSelectionModel().clearSelection());
        };
        view.results().addListener((javafx.collections.ListChangeListener<PatchResult>) c -> redraw.run());
        view.aggregates().addListener((javafx.collections.ListChangeListener<dev.patchexplorer.core.sweep.PatchAggregate>) c -> redraw.run());
        view.metricProperty().addListener(x2 -> redraw.run());
        view.imagesProperty().addListener(x2 -> redraw.run());
        explorer.patchProperty().addListener(x2 -> redraw.run());
        redraw.run();
    }

    /** Controls side by side, centred on one line, kept together when their row wraps. */
    static HBox row(javafx.scene.Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A field's name that wraps rather than pushing its field past the panel's edge. */
    private static Label wrapping(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinWidth(60);
        return l;
    }

    /** The metrics the chart offers: scores against true classes only for a sweep over several images. */
    private static List<SweepMetric> metricsFor(ChooseImages images) {
        return java.util.Arrays.stream(SweepMetric.values()).filter(m -> images == ChooseImages.FILES || !m.needsTrueClasses()).toList();
    }

    /** The chart's whiskers, for tests: patch size to the [low, high] drawn, on the metric's scale. */
    public java.util.Map<Integer, double[]> chartWhiskers() {
        return chart.whiskerEnds();
    }

    public ChooseViewModel viewModel() {
        return view;
    }

    public ChooseSweep sweep() {
        return sweep;
    }

    public SweepResultsExport export() {
        return export;
    }

    private static <T> StringConverter<T> names(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static Spinner<Integer> intSpinner(String id, int value, String tip) {
        Spinner<Integer> s = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1024, value));
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(76);
        s.getValueFactory().setConverter(lenient(s, Integer::valueOf));
        s.setTooltip(new Tooltip(Messages.get(tip)));
        return s;
    }

    private static Spinner<Double> doubleSpinner(String id, double min, double max, double value, double step, String tip) {
        Spinner<Double> s = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value, step));
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(84);
        s.getValueFactory().setConverter(lenient(s, Double::valueOf));
        s.setTooltip(new Tooltip(Messages.get(tip)));
        return s;
    }

    /** Typed text that is no number keeps the previous value rather than throwing on the FX thread. */
    private static <T extends Number> StringConverter<T> lenient(Spinner<T> s, java.util.function.Function<String, T> parse) {
        return new StringConverter<>() {
            @Override
            public String toString(T v) {
                if (v == null) return "";
                double d = v.doubleValue();
                return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(v);
            }

            @Override
            public T fromString(String text) {
                try {
                    T v = parse.apply(text.strip());
                    return Double.isFinite(v.doubleValue()) ? v : s.getValue();
                } catch (RuntimeException e) {
                    return s.getValue();
                }
            }
        };
    }
}
