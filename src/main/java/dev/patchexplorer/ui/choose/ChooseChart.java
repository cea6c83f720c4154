package dev.patchexplorer.ui.choose;

import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.sweep.ParetoFront;
import dev.patchexplorer.core.tradeoff.PublishedAccuracy;
import dev.patchexplorer.core.tradeoff.TradeOffs;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.ViTSpec;
import dev.patchexplorer.ui.Messages;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Cursor;
import javafx.scene.Node;
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
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The chosen metric against GMACs on a log axis ({@link LogGmacsAxis}), one dot per patch size (click
 * one to go there), with its 95 % interval as a whisker when it is a mean over images, the Pareto
 * front, the slider's patch size, and beside them the published ImageNet top-1 of the loaded model
 * PI-resized, when the bwconrad table knows it and the metric is a percentage. Every series is placed
 * through {@link LogGmacsAxis#position}. Patch sizes are written beside their dots where there is room:
 * the slider's size first, then the Pareto front, then the rest; a label that would cover another
 * label or a dot is left out (the dot's tooltip still names it), since a sweep in steps of one puts
 * twenty-five dots on the chart and neighbours at large patch sizes sit a few pixels apart.
 */
final class ChooseChart extends LineChart<Number, Number> {
    /** The published table's image side. */
    private static final int PUBLISHED_SIZE = 224;
    /** Half the width of a whisker's end caps, pixels. */
    private static final double CAP = 4;
    /** Gap between a dot and its label, pixels. */
    private static final double GAP = 2;
    private final IntConsumer goTo;
    private final List<Whisker> whiskers = new ArrayList<>();
    /** The patch-size labels in the order they claim room: the slider's size, the Pareto front, the rest. */
    private final List<PointLabel> labels = new ArrayList<>();
    /** The values whose ticks are labelled: the margin beyond the data's own scale gets ticks but no numbers. */
    private double labelLow = Double.NEGATIVE_INFINITY;
    private double labelHigh = Double.POSITIVE_INFINITY;
    /** A percentage: ticks every 10, numbers every 20. */
    private boolean percent;

    /** A 95 % interval drawn as a vertical line with end caps through one point. */
    private record Whisker(int patch, XYChart.Data<Number, Number> data, double low, double high, Path shape) {}

    /** A patch size written beside its dot. */
    private record PointLabel(XYChart.Data<Number, Number> data, Label text) {}

    ChooseChart(IntConsumer goTo) {
        super(new LogGmacsAxis(), new NumberAxis());
        this.goTo = goTo;
        setId("choose-chart");
        setAnimated(false);
        setLegendVisible(true);
        // x = 0 is 1 GMAC on the log axis, not a zero worth a line; 0 % is a grid line like the others
        setVerticalZeroLineVisible(false);
        setHorizontalZeroLineVisible(false);
        getXAxis().setLabel(Messages.get("choose.chart.gmacs"));
        ((NumberAxis) getYAxis()).setForceZeroInRange(false);
        ((NumberAxis) getYAxis()).setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                if (!Double.isFinite(v)) return ""; // an axis being laid out before it has a range
                double unit = ((NumberAxis) getYAxis()).getTickUnit();
                if (v < labelLow - 1e-9 * unit || v > labelHigh + 1e-9 * unit) return "";
                // percent metrics: a label every 20 (ticks every 10)
                if (percent && Math.abs(v / 20 - Math.rint(v / 20)) > 1e-9) return "";
                return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        setMinHeight(300);
        setPrefHeight(360);
        setMinWidth(0);
    }

    /**
     * @param points     one per patch size, ascending by patch
     * @param seriesName the legend's name of the points ("This image", or "Mean of 20 images")
     */
    void show(List<ChartPoint> points, SweepMetric metric, int currentPatch, ViTModel vit, String seriesName) {
        getYAxis().setLabel(Messages.get(metric.key()));
        // percentages on their whole scale, so 0/100 agreement and published top-1 read at a glance
        NumberAxis y = (NumberAxis) getYAxis();
        y.setAutoRanging(false);
        percent = metric.percent();
        if (percent) {
            // a margin beyond 0 and 100 so the dots and labels there are not cut by the plot's edge
            y.setLowerBound(-10);
            y.setUpperBound(110);
            y.setTickUnit(10);
            labelLow = 0;
            labelHigh = 100;
        } else {
            fitValueAxis(points);
        }
        getPlotChildren().removeAll(whiskers.stream().map(Whisker::shape).toList());
        getPlotChildren().removeAll(labels.stream().map(PointLabel::text).toList());
        whiskers.clear();
        labels.clear();
        List<Series<Number, Number>> all = new ArrayList<>();
        // a pass has a positive cost; anything else has no place on a log axis
        points = points.stream().filter(p -> p.gmacs() > 0 && Double.isFinite(p.gmacs())).toList();
        if (points.isEmpty()) {
            getData().clear();
            return;
        }
        Series<Number, Number> own = new Series<>();
        own.setName(seriesName);
        List<ParetoFront.Point> front = new ArrayList<>();
        Map<Integer, PointLabel> byPatch = new java.util.LinkedHashMap<>();
        for (ChartPoint p : points) {
            front.add(new ParetoFront.Point(p.gmacs(), p.value()));
            XYChart.Data<Number, Number> d = new XYChart.Data<>(LogGmacsAxis.position(p.gmacs()), p.value());
            d.setNode(dot(p, metric));
            own.getData().add(d);
            byPatch.put(p.patch(), new PointLabel(d, patchLabel(p.patch())));
            if (p.hasInterval()) whiskers.add(new Whisker(p.patch(), d, p.low(), p.high(), new Path()));
        }
        all.add(own);
        PointLabel current = byPatch.remove(currentPatch);
        if (current != null) labels.add(current);
        if (metric.ranked()) {
            Series<Number, Number> pareto = new Series<>();
            pareto.setName(Messages.get("choose.series.pareto"));
            for (int i : ParetoFront.of(front, metric.higherIsBetter())) {
                pareto.getData().add(quiet(front.get(i).cost(), front.get(i).value()));
                PointLabel onFront = byPatch.remove(points.get(i).patch());
                if (onFront != null) labels.add(onFront);
            }
            all.add(pareto);
        }
        labels.addAll(byPatch.values());
        points.stream().filter(p -> p.patch() == currentPatch).findFirst().ifPresent(p -> {
            Series<Number, Number> marker = new Series<>();
            marker.setName(Messages.format("choose.series.current", "P" + currentPatch));
            XYChart.Data<Number, Number> d = quiet(p.gmacs(), p.value());
            d.getNode().setId("choose-current");
            d.getNode().setStyle("-fx-padding: 8px;");
            marker.getData().add(d);
            all.add(marker);
        });
        if (metric.percent() && vit != null) {
            Series<Number, Number> published = published(vit.spec(), points);
            if (published != null) all.add(published);
        }
        getData().setAll(all);
        for (Whisker w : whiskers) {
            w.shape().getStyleClass().add("choose-whisker");
            w.shape().setStyle("-fx-stroke: -fx-text-base-color; -fx-stroke-width: 1.2; -fx-opacity: 0.55;");
            w.shape().setMouseTransparent(true);
            w.shape().setManaged(false);
        }
        getPlotChildren().addAll(0, whiskers.stream().map(Whisker::shape).toList()); // under the dots
        getPlotChildren().addAll(labels.stream().map(PointLabel::text).toList());
        // the points are joined only through the front: a line in cost order zig-zags across 0/1 agreement
        own.getNode().setStyle("-fx-stroke: transparent;");
    }

    /**
     * The value axis over the points and their whiskers with a margin, so that a dot at the extreme (the
     * reference's KL of 0) is not cut in half at the plot's edge; the bounds on whole ticks, because a
     * {@link NumberAxis} counts its ticks from its lower bound; no numbers below 0 for a quantity that
     * has none there.
     */
    private void fitValueAxis(List<ChartPoint> points) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ChartPoint p : points) {
            for (double v : new double[] {p.value(), p.low(), p.high()}) {
                if (!Double.isFinite(v)) continue;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        NumberAxis y = (NumberAxis) getYAxis();
        if (lo > hi) { // nothing finite to show
            y.setAutoRanging(true);
            return;
        }
        double span = hi > lo ? hi - lo : Math.max(Math.abs(hi), 1) * 0.2;
        double unit = niceUnit(span / 5);
        double pad = 0.08 * span;
        y.setTickUnit(unit);
        y.setLowerBound(Math.floor((lo - pad) / unit) * unit);
        y.setUpperBound(Math.ceil((hi + pad) / unit) * unit);
        labelLow = lo >= 0 ? 0 : Double.NEGATIVE_INFINITY;
        labelHigh = Double.POSITIVE_INFINITY;
    }

    /** The 1, 2 or 5 times a power of ten at or above {@code raw}. */
    static double niceUnit(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / magnitude;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * magnitude;
    }

    /** The whiskers of the points shown, for tests: patch size to [low, high] on the metric's scale. */
    Map<Integer, double[]> whiskerEnds() {
        Map<Integer, double[]> out = new java.util.TreeMap<>();
        for (Whisker w : whiskers) out.put(w.patch(), new double[] {w.low(), w.high()});
        return out;
    }

    /** The patch sizes written beside their dots after the last layout, for tests. */
    List<Integer> labelledPatches() {
        return labels.stream().filter(l -> l.text().isVisible()).map(l -> Integer.parseInt(l.text().getText())).sorted().toList();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis y = (NumberAxis) getYAxis();
        for (Whisker w : whiskers) {
            double px = getXAxis().getDisplayPosition(w.data().getXValue());
            double lo = y.getDisplayPosition(w.low());
            double hi = y.getDisplayPosition(w.high());
            w.shape().getElements().setAll(new MoveTo(px, lo), new LineTo(px, hi),
                    new MoveTo(px - CAP, lo), new LineTo(px + CAP, lo), new MoveTo(px - CAP, hi), new LineTo(px + CAP, hi));
        }
        placeLabels();
    }

    /** Each label above, right of, below or left of its dot, the first of those that covers nothing already there. */
    private void placeLabels() {
        List<Bounds> taken = new ArrayList<>();
        for (Series<Number, Number> s : getData()) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                Node n = d.getNode();
                if (n != null && n.isVisible() && n.getId() != null && n.getId().startsWith("choose-point-")) taken.add(n.getBoundsInParent());
            }
        }
        double plotW = getXAxis().getWidth();
        double plotH = getYAxis().getHeight();
        for (PointLabel l : labels) {
            Label text = l.text();
            text.applyCss();
            double w = text.prefWidth(-1);
            double h = text.prefHeight(w);
            Bounds dot = l.data().getNode().getBoundsInParent();
            double cx = dot.getCenterX();
            double cy = dot.getCenterY();
            double r = dot.getWidth() / 2 + GAP;
            double[][] spots = {
                    {cx - w / 2, cy - r - h}, {cx + r, cy - h / 2}, {cx - w / 2, cy + r}, {cx - r - w, cy - h / 2}};
            Bounds chosen = null;
            for (double[] at : spots) {
                Bounds b = new BoundingBox(at[0], at[1], w, h);
                boolean inside = b.getMinX() >= 0 && b.getMaxX() <= plotW && b.getMinY() >= 0 && b.getMaxY() <= plotH;
                if (inside && taken.stream().noneMatch(t -> t.intersects(b))) {
                    chosen = b;
                    break;
                }
            }
            text.setVisible(chosen != null);
            if (chosen == null) continue;
            text.resizeRelocate(chosen.getMinX(), chosen.getMinY(), w, h);
            taken.add(chosen);
        }
    }

    /** A patch size's dot: the click target, its tooltip naming the size, its cost and its value. */
    private Region dot(ChartPoint p, SweepMetric metric) {
        Region dot = new Region();
        dot.setId("choose-point-" + p.patch());
        dot.setCursor(Cursor.HAND);
        String value = String.format(Locale.ROOT, "%.4g", p.value());
        if (p.hasInterval()) {
            value = Messages.format("choose.point.interval", value, String.format(Locale.ROOT, "%.4g", p.low()),
                    String.format(Locale.ROOT, "%.4g", p.high()), p.images());
        }
        Tooltip.install(dot, new Tooltip(Messages.format("choose.point.tooltip", "P" + p.patch(),
                String.format(Locale.ROOT, "%.3f", p.gmacs()), Messages.get(metric.key()), value)));
        dot.setOnMouseClicked(e -> goTo.accept(p.patch()));
        return dot;
    }

    /** The number written beside a dot; clicking it goes there too. */
    private Label patchLabel(int patch) {
        Label l = new Label(String.valueOf(patch));
        l.setId("choose-label-" + patch);
        l.getStyleClass().add("choose-point-label");
        // on the plot's own colour, so a whisker or a grid line behind it does not cross the digits
        l.setStyle("-fx-font-size: 10px; -fx-padding: 0 1 0 1; -fx-background-color: -color-bg-default; -fx-background-radius: 2;");
        l.setManaged(false);
        l.setCursor(Cursor.HAND);
        l.setOnMouseClicked(e -> goTo.accept(patch));
        return l;
    }

    /** A point of a series drawn for its line only: not a click target, no tooltip. */
    private static XYChart.Data<Number, Number> quiet(double gmacs, double value) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(LogGmacsAxis.position(gmacs), value);
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
            XYChart.Data<Number, Number> d = new XYChart.Data<>(LogGmacsAxis.position(gmacs), p.top1());
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
