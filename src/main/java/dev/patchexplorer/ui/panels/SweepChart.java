package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.grid.PatchSizes;
import dev.patchexplorer.core.tradeoff.PatchSweep;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import javafx.collections.FXCollections;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Line;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Patch tokens and GMACs against patch size at the current working resolution, on a log scale
 * (both span four orders of magnitude), with a marker line at the slider's patch size.
 */
public final class SweepChart extends LineChart<Number, Number> {
    private final ExplorerViewModel model;
    private final XYChart.Series<Number, Number> tokens = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> gmacs = new XYChart.Series<>();
    private final Line marker = new Line();
    private final NumberAxis yAxis;

    public SweepChart(ExplorerViewModel model) {
        super(new NumberAxis(0, PatchSizes.MAX, 16), new NumberAxis());
        this.model = model;
        this.yAxis = (NumberAxis) getYAxis();
        setId("sweep-chart");
        getStyleClass().add("sweep-chart");
        getXAxis().setLabel(Messages.get("chart.patchSize"));
        yAxis.setLabel(Messages.get("chart.logScale"));
        yAxis.setAutoRanging(false);
        yAxis.setTickUnit(1);
        yAxis.setMinorTickCount(0);
        yAxis.setTickLabelFormatter(new LogTicks());
        setCreateSymbols(false);
        setHorizontalZeroLineVisible(false);
        setAnimated(false);
        setLegendVisible(true);
        tokens.setName(Messages.get("chart.tokens"));
        gmacs.setName(Messages.get("chart.gmacs"));
        setData(FXCollections.observableArrayList(List.of(tokens, gmacs)));
        marker.getStyleClass().add("patch-marker");
        marker.setId("patch-marker");
        getPlotChildren().add(marker);

        model.workingProperty().addListener((o, was, now) -> rebuild());
        model.architectureProperty().addListener((o, was, now) -> rebuild());
        model.edgePolicyProperty().addListener((o, was, now) -> rebuild());
        model.patchProperty().addListener((o, was, now) -> requestChartLayout());
        rebuild();
    }

    /** The sweep depends on resolution and architecture, not on the patch: a slider tick only moves the marker. */
    private void rebuild() {
        var w = model.getWorking();
        if (w == null) return;
        List<Integer> sizes = IntStream.rangeClosed(PatchSizes.MIN, PatchSizes.MAX).boxed().toList();
        List<PatchSweep.Point> points = PatchSweep.over(model.architectureProperty().get(), w.width(), w.height(),
                model.getGrid().spec(), sizes, true, model.heapBytes());
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        var tokenData = FXCollections.<XYChart.Data<Number, Number>>observableArrayList();
        var gmacData = FXCollections.<XYChart.Data<Number, Number>>observableArrayList();
        for (PatchSweep.Point p : points) {
            double t = Math.log10(p.tradeOffs().patchTokens());
            double g = Math.log10(Math.max(1e-6, p.tradeOffs().gmacs()));
            tokenData.add(new XYChart.Data<>(p.patch(), t));
            gmacData.add(new XYChart.Data<>(p.patch(), g));
            min = Math.min(min, Math.min(t, g));
            max = Math.max(max, Math.max(t, g));
        }
        tokens.setData(tokenData);
        gmacs.setData(gmacData);
        if (!points.isEmpty()) {
            yAxis.setLowerBound(Math.floor(min));
            yAxis.setUpperBound(Math.ceil(max));
        }
        requestChartLayout();
    }

    /** Patch size the marker currently shows (for tests). */
    public double markerPatch() {
        return getXAxis().getValueForDisplay(marker.getStartX()).doubleValue();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double x = getXAxis().getDisplayPosition(model.getPatch());
        marker.setStartX(x);
        marker.setEndX(x);
        marker.setStartY(0);
        marker.setEndY(yAxis.getHeight());
        marker.toFront();
    }
}
