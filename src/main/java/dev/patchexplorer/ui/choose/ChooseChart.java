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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The chosen metric against GMACs, one labelled point per patch size (click one to go there), the
 * Pareto front, the slider's patch size, and beside them the published ImageNet top-1 of the loaded
 * model PI-resized, when the bwconrad table knows it and the metric is a percentage.
 */
final class ChooseChart extends LineChart<Number, Number> {
    /** The published table's image side. */
    private static final int PUBLISHED_SIZE = 224;
    private final IntConsumer goTo;

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

    void show(List<PatchResult> results, SweepMetric metric, int currentPatch, ViTModel vit) {
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
        List<Series<Number, Number>> all = new ArrayList<>();
        if (results.isEmpty()) {
            getData().clear();
            return;
        }
        Series<Number, Number> own = new Series<>();
        own.setName(Messages.get("choose.series.image"));
        List<ParetoFront.Point> points = new ArrayList<>();
        for (PatchResult r : results) {
            double v = metric.of(r.row());
            points.add(new ParetoFront.Point(r.row().gmacs(), v));
            XYChart.Data<Number, Number> d = new XYChart.Data<>(r.row().gmacs(), v);
            d.setNode(pointLabel(r, metric, v));
            own.getData().add(d);
        }
        all.add(own);
        if (metric.ranked()) {
            Series<Number, Number> front = new Series<>();
            front.setName(Messages.get("choose.series.pareto"));
            for (int i : ParetoFront.of(points, metric.higherIsBetter())) front.getData().add(quiet(points.get(i).cost(), points.get(i).value()));
            all.add(front);
        }
        results.stream().filter(r -> r.patch() == currentPatch).findFirst().ifPresent(r -> {
            Series<Number, Number> current = new Series<>();
            current.setName(Messages.format("choose.series.current", "P" + currentPatch));
            XYChart.Data<Number, Number> d = quiet(r.row().gmacs(), metric.of(r.row()));
            d.getNode().setId("choose-current");
            d.getNode().setStyle("-fx-padding: 8px;");
            current.getData().add(d);
            all.add(current);
        });
        if (metric.percent() && vit != null) {
            Series<Number, Number> published = published(vit.spec(), results);
            if (published != null) all.add(published);
        }
        getData().setAll(all);
        // this image's points are joined only through the front: a line in cost order zig-zags across 0/1 agreement
        own.getNode().setStyle("-fx-stroke: transparent;");
    }

    private Label pointLabel(PatchResult r, SweepMetric metric, double v) {
        Label l = new Label(String.valueOf(r.patch()));
        l.setId("choose-point-" + r.patch());
        l.setStyle("-fx-font-size: 9px; -fx-padding: 1 3 1 3;");
        Tooltip.install(l, new Tooltip(Messages.format("choose.point.tooltip", "P" + r.patch(),
                String.format(Locale.ROOT, "%.3f", r.row().gmacs()), Messages.get(metric.key()), String.format(Locale.ROOT, "%.4g", v))));
        l.setOnMouseClicked(e -> goTo.accept(r.patch()));
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
    private static Series<Number, Number> published(ViTSpec spec, List<PatchResult> results) {
        List<PublishedAccuracy.Point> table = PublishedAccuracy.piResize(spec.dim(), spec.depth(), spec.nativePatch());
        int lo = results.get(0).patch();
        int hi = results.get(results.size() - 1).patch();
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
