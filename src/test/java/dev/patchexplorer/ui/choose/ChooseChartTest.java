package dev.patchexplorer.ui.choose;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The choose chart on points made by hand: x is log10 of GMACs for every series (dots, whiskers,
 * the slider's marker, the Pareto front), the tick labels are 1-2-5 GMACs, patch-size labels never
 * cover one another or a dot, and a click on a dot asks for its patch size.
 */
@ExtendWith(ApplicationExtension.class)
class ChooseChartTest {
    private final List<Integer> asked = new CopyOnWriteArrayList<>();
    private ChooseChart chart;

    @Start
    void start(Stage stage) {
        chart = new ChooseChart(asked::add);
        stage.setScene(new Scene(new StackPane(chart), 480, 380));
        stage.show();
    }

    @Test
    void everySeriesIsPlacedAtLog10OfItsGmacs(FxRobot robot) {
        // GMACs chosen so the positions are known by hand: log10 10 = 1, log10 2 = 0.30103, log10 1 = 0, log10 0.1 = -1
        List<ChartPoint> points = List.of(
                new ChartPoint(8, 10, 100, 90, 100, 5),
                new ChartPoint(12, 2, 80, 60, 95, 5),
                new ChartPoint(16, 1, 90, 70, 98, 5),
                new ChartPoint(32, 0.1, 40, 20, 60, 5));
        show(points, 16);

        double p8 = centreX("#choose-point-8");
        double p12 = centreX("#choose-point-12");
        double p16 = centreX("#choose-point-16");
        double p32 = centreX("#choose-point-32");
        // the axis maps positions linearly, so in pixels a decade is a decade wherever it lies ...
        assertEquals(p8 - p16, p16 - p32, 0.5, "10 -> 1 GMACs spans as many pixels as 1 -> 0.1");
        assertTrue(p8 - p16 > 50, "a decade is drawn wide: " + (p8 - p16));
        // ... and 2 GMACs sits log10(2) = 0.30103 of a decade right of 1 GMAC
        assertEquals(0.30103, (p12 - p16) / (p8 - p16), 0.01);
        // each dot at the axis's own place for log10 of its GMACs, worked by hand for two
        assertEquals(fx(() -> chart.getXAxis().getDisplayPosition(1.0)), p8, 0.5);
        assertEquals(fx(() -> chart.getXAxis().getDisplayPosition(-1.0)), p32, 0.5);
        for (ChartPoint p : points) {
            assertEquals(fx(() -> chart.getXAxis().getDisplayPosition(Math.log10(p.gmacs()))), centreX("#choose-point-" + p.patch()), 0.5);
        }
        // the data themselves hold the positions
        List<Double> xs = fx(() -> chart.getData().get(0).getData().stream().map(d -> d.getXValue().doubleValue()).toList());
        assertEquals(1.0, xs.get(0), 1e-12);
        assertEquals(0.30103, xs.get(1), 1e-5);
        assertEquals(0.0, xs.get(2), 1e-12);
        assertEquals(-1.0, xs.get(3), 1e-12);

        // the slider's marker over P16's dot, every whisker through a dot
        assertEquals(p16, centreX("#choose-current"), 0.5);
        List<Double> whiskerXs = fx(() -> chart.lookupAll(".choose-whisker").stream().map(n -> n.getBoundsInParent().getCenterX()).sorted().toList());
        assertEquals(4, whiskerXs.size());
        List<Double> dotXs = List.of(p32, p16, p12, p8);
        for (int i = 0; i < 4; i++) assertEquals(dotXs.get(i), whiskerXs.get(i), 0.5);
        // the Pareto front (more agreement for less cost): P32, P16, P8, on the same transform
        XYChart.Series<Number, Number> pareto = fx(() -> chart.getData().get(1));
        List<Double> frontXs = fx(() -> pareto.getData().stream().map(d -> d.getXValue().doubleValue()).sorted().toList());
        assertEquals(List.of(-1.0, 0.0, 1.0), frontXs.stream().map(x -> Math.rint(x * 1e9) / 1e9).toList());

        // tick labels are GMACs on a 1-2-5 sequence
        List<String> ticks = fx(() -> chart.getXAxis().getTickMarks().stream()
                .map(t -> ((LogGmacsAxis) chart.getXAxis()).getTickMarkLabel(t.getValue())).toList());
        assertEquals(List.of("0.1", "0.2", "0.5", "1", "2", "5", "10"), ticks);

        // a click on a dot asks for its patch size; one on its label too
        robot.clickOn(fx(() -> chart.lookup("#choose-point-12")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(12), asked);
        assertTrue(fx(() -> chart.lookup("#choose-label-32").isVisible()));
        robot.clickOn(fx(() -> chart.lookup("#choose-label-32")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(12, 32), asked);
    }

    @Test
    void labelsOfCrowdedPointsNeverCoverOneAnotherOrADot() {
        // every size 8..32: the costs of neighbours at large patches lie a few pixels apart
        List<ChartPoint> points = new ArrayList<>();
        for (int p = 8; p <= 32; p++) {
            double gmacs = 1.254 * Math.pow(16.0 / p, 2);
            double value = p <= 16 ? 100 : 100 - 3 * (p - 16);
            points.add(new ChartPoint(p, gmacs, value, Double.NaN, Double.NaN, 1));
        }
        show(points, 16);
        List<Bounds> shown = fx(() -> chart.lookupAll(".choose-point-label").stream().filter(Node::isVisible)
                .map(Node::getBoundsInParent).toList());
        List<Bounds> dots = new ArrayList<>();
        for (ChartPoint p : points) dots.add(fx(() -> chart.lookup("#choose-point-" + p.patch()).getBoundsInParent()));
        assertFalse(shown.isEmpty());
        for (int i = 0; i < shown.size(); i++) {
            for (int j = i + 1; j < shown.size(); j++) assertFalse(shown.get(i).intersects(shown.get(j)), "labels " + i + " and " + j + " overlap");
            for (Bounds d : dots) assertFalse(shown.get(i).intersects(d), "a label covers a dot");
        }
        List<Integer> labelled = fx(chart::labelledPatches);
        assertTrue(labelled.contains(16), "the slider's size is labelled: " + labelled);
        assertTrue(labelled.size() < points.size(), "crowded labels are left out: " + labelled);
        assertEquals("16", fx(() -> ((Label) chart.lookup("#choose-label-16")).getText()));
    }

    @Test
    void aDotAtTheLeastValueIsDrawnWholeWithNoNegativeTick() {
        // the reference's own KL is 0: on a tight axis its dot and the slider's ring were cut in half
        List<ChartPoint> points = List.of(new ChartPoint(8, 7.0, 0.8, Double.NaN, Double.NaN, 1),
                new ChartPoint(16, 1.25, 0, Double.NaN, Double.NaN, 1), new ChartPoint(32, 0.3, 3.5, Double.NaN, Double.NaN, 1));
        show(points, 16, SweepMetric.KL);
        double height = fx(() -> chart.getYAxis().getHeight());
        for (String id : List.of("#choose-point-16", "#choose-current", "#choose-point-32")) {
            Bounds b = fx(() -> chart.lookup(id).getBoundsInParent());
            assertTrue(b.getMinY() >= 0 && b.getMaxY() <= height, id + " within the plot: " + b);
        }
        javafx.scene.chart.NumberAxis y = fx(() -> (javafx.scene.chart.NumberAxis) chart.getYAxis());
        assertTrue(fx(y::getLowerBound) < 0);
        List<String> labels = fx(() -> y.getTickMarks().stream().filter(t -> t.getValue().doubleValue() < -1e-9)
                .map(t -> y.getTickLabelFormatter().toString(t.getValue())).toList());
        assertFalse(labels.isEmpty(), "the margin below 0 has a tick");
        assertTrue(labels.stream().allMatch(String::isEmpty), "but no negative KL is written: " + labels);
        assertEquals("0", fx(() -> y.getTickLabelFormatter().toString(0.0)));
    }

    private void show(List<ChartPoint> points, int current) {
        show(points, current, SweepMetric.AGREE_TOP1);
    }

    private void show(List<ChartPoint> points, int current, SweepMetric metric) {
        fx(() -> {
            chart.show(points, metric, current, null, "Mean");
            chart.applyCss();
            chart.layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private double centreX(String id) {
        return fx(() -> chart.lookup(id).getBoundsInParent().getCenterX());
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
