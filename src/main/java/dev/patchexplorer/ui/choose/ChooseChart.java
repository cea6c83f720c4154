package dev.patchexplorer.ui.choose;

import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.sweep.ParetoFront;
import dev.patchexplorer.core.tradeoff.PublishedAccuracy;
import dev.patchexplorer.core.tradeoff.TradeOffs;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.ViTSpec;
import dev.patchexplorer.ui.Messages;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The chosen metric against GMACs, one labelled point per patch size (click one to go there), with
 * its 95 % interval as a whisker when it is a mean over images, the Pareto front, the slider's patch
 * size, and beside them the published ImageNet top-1 of the loaded model PI-resized, when the
 * bwconrad table knows it and the metric is a percentage.
 */
final class ChooseChart extends LineChart<Number, Number> {
    /** The published table's image side. */
    private static final int PUBLISHED_SIZE = 224;
    /** Half the width of a whisker's end caps, pixels. */
    private static final double CAP = 4;
    private final IntConsumer goTo;
    private final List<Whisker> whiskers = new ArrayList<>();

    /** A 95 % interval drawn as a vertical line with end caps through one point. */
    private record Whisker(XYChart.Data<Number, Number> data, double low, double high, Path shape) {}

    ChooseChart(IntConsumer goTo) {
        super(new NumberAxis(), new NumberAxis());
        this.goTo = goTo;
        setId("choose-chart");
        setAnimated(false);
        setLegendVisible(true);
        ((NumberAxis) getXAxis()).setForceZeroInRange(false);
        ((NumberAxis) getYAxis()).setForceZeroInRange(false);
        getXAxis().setLabel(Messages.get("choose.chart.gmacs"));
        ((NumberAxis) getYAxis()).setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                // percent metrics: no tick beyond the scale's ends
                if (!getYAxis().isAutoRanging() && (v < 0 || v > 100)) return "";
                return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        setMinHeight(280);
        setPrefHeight(320);
    }

    /**
     * @param points     one per patch size, ascending by patch
     * @param seriesName the legend's name of the points ("This image", or "Mean of 20 images")
     */
    void show(List<ChartPoint> points, SweepMetric metric, int currentPatch, ViTModel vit, String seriesName) {
        getYAxis().setLabel(Messages.get(metric.key()));
        // percentages on their whole scale, so 0/100 agreement and published top-1 read at a glance
        NumberAxis y = (NumberAxis) getYAxis();
        y.setAutoRanging(!metric.percent());
        if (metric.percent()) {
            // a margin beyond 0 and 100 so the labelled points there are not cut by the plot's edge
            y.setLowerBound(-10);
            y.setUpperBound(110);
            y.setTickUnit(10);
        }
        getPlotChildren().removeAll(whiskers.stream().map(Whisker::shape).toList());
        whiskers.clear();
        List<Series<Number, Number>> all = new ArrayList<>();
        if (points.isEmpty()) {
            getData().clear();
            return;
        }
        Series<Number, Number> own = new Series<>();
        own.setName(seriesName);
        List<ParetoFront.Point> front = new ArrayList<>();
        for (ChartPoint p : points) {
            front.add(new ParetoFront.Point(p.gmacs(), p.value()));
            XYChart.Data<Number, Number> d = new XYChart.Data<>(p.gmacs(), p.value());
            d.setNode(pointLabel(p, metric));
            own.getData().add(d);
            if (p.hasInterval()) whiskers.add(new Whisker(d, p.low(), p.high(), new Path()));
        }
        all.add(own);
        if (metric.ranked()) {
            Series<Number, Number> pareto = new Series<>();
            pareto.setName(Messages.get("choose.series.pareto"));
            for (int i : ParetoFront.of(front, metric.higherIsBetter())) pareto.getData().add(quiet(front.get(i).cost(), front.get(i).value()));
            all.add(pareto);
        }
        points.stream().filter(p -> p.patch() == currentPatch).findFirst().ifPresent(p -> {
            Series<Number, Number> current = new Series<>();
            current.setName(Messages.format("choose.series.current", "P" + currentPatch));
            XYChart.Data<Number, Number> d = quiet(p.gmacs(), p.value());
            d.getNode().setId("choose-current");
            d.getNode().setStyle("-fx-padding: 8px;");
            current.getData().add(d);
            all.add(current);
        });
        if (metric.percent() && vit != null) {
            Series<Number, Number> published = published(vit.spec(), points);
            if (published != null) all.add(published);
        }
        getData().setAll(all);
        for (Whisker w : whiskers) {
            w.shape().getStyleClass().add("choose-whisker");
            w.shape().setStyle("-fx-stroke: -fx-text-base-color; -fx-stroke-width: 1.2; -fx-opacity: 0.7;");
            w.shape().setMouseTransparent(true);
            w.shape().setManaged(false);
        }
        getPlotChildren().addAll(0, whiskers.stream().map(Whisker::shape).toList()); // under the point labels
        // the points are joined only through the front: a line in cost order zig-zags across 0/1 agreement
        own.getNode().setStyle("-fx-stroke: transparent;");
    }

    /** The whiskers of the points shown, for tests: patch size to [low, high] on the metric's scale. */
    java.util.Map<Integer, double[]> whiskerEnds() {
        java.util.Map<Integer, double[]> out = new java.util.TreeMap<>();
        for (Whisker w : whiskers) {
            Label l = (Label) w.data().getNode();
            out.put(Integer.parseInt(l.getText()), new double[] {w.low(), w.high()});
        }
        return out;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        for (Whisker w : whiskers) {
            double px = x.getDisplayPosition(w.data().getXValue());
            double lo = y.getDisplayPosition(w.low());
            double hi = y.getDisplayPosition(w.high());
            w.shape().getElements().setAll(new MoveTo(px, lo), new LineTo(px, hi),
                    new MoveTo(px - CAP, lo), new LineTo(px + CAP, lo), new MoveTo(px - CAP, hi), new LineTo(px + CAP, hi));
        }
    }

    private Label pointLabel(ChartPoint p, SweepMetric metric) {
        Label l = new Label(String.valueOf(p.patch()));
        l.setId("choose-point-" + p.patch());
        l.setStyle("-fx-font-size: 9px; -fx-padding: 1 3 1 3;");
        String value = String.format(Locale.ROOT, "%.4g", p.value());
        if (p.hasInterval()) {
            value = Messages.format("choose.point.interval", value, String.format(Locale.ROOT, "%.4g", p.low()),
                    String.format(Locale.ROOT, "%.4g", p.high()), p.images());
        }
        Tooltip.install(l, new Tooltip(Messages.format("choose.point.tooltip", "P" + p.patch(),
                String.format(Locale.ROOT, "%.3f", p.gmacs()), Messages.get(metric.key()), value)));
        l.setOnMouseClicked(e -> goTo.accept(p.patch()));
        return l;
    }

    private static XYChart.Data<Number, Number> quiet(double x, double y) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(x, y);
        Region dot = new Region();
        dot.setMouseTransparent(true);
        d.setNode(dot);
        return d;
    }

    /** The published curve over the sweep's patch range, at the published 224 px; null when unknown. */
    private static Series<Number, Number> published(ViTSpec spec, List<ChartPoint> points) {
        List<PublishedAccuracy.Point> table = PublishedAccuracy.piResize(spec.dim(), spec.depth(), spec.nativePatch());
        int lo = points.get(0).patch();
        int hi = points.get(points.size() - 1).patch();
        Series<Number, Number> s = new Series<>();
        var architecture = spec.readoutArchitecture();
        for (PublishedAccuracy.Point p : table) {
            if (p.patch() < lo || p.patch() > hi) continue;
            double gmacs = TradeOffs.of(architecture, PatchGrid.of(PUBLISHED_SIZE, PUBLISHED_SIZE, GridSpec.of(p.patch())),
                    Runtime.getRuntime().maxMemory()).gmacs();
            XYChart.Data<Number, Number> d = new XYChart.Data<>(gmacs, p.top1());
            Region dot = new Region();
            Tooltip.install(dot, new Tooltip(String.format(Locale.ROOT, "%s, P%d: %.2f %%%n%s", p.series(), p.patch(), p.top1(), p.source())));
            d.setNode(dot);
            s.getData().add(d);
        }
        if (s.getData().isEmpty()) return null;
        s.setName(Messages.format("choose.series.published", table.get(0).series()));
        return s;
    }
}
