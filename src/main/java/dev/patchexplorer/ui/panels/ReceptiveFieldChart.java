package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.rf.LayerField;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.ReceptiveFieldViewModel;
import javafx.collections.FXCollections;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Line;

import java.util.List;

/**
 * Receptive field (px) of each block against its depth, with the slider's patch size and the
 * working image's longer side as reference lines, and a marker at the picked block.
 */
public final class ReceptiveFieldChart extends LineChart<Number, Number> {
    private final ReceptiveFieldViewModel fields;
    private final XYChart.Series<Number, Number> rf = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> patch = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> image = new XYChart.Series<>();
    private final Line marker = new Line();
    private final NumberAxis xAxis;

    public ReceptiveFieldChart(ReceptiveFieldViewModel fields) {
        super(new NumberAxis(), new NumberAxis());
        this.fields = fields;
        this.xAxis = (NumberAxis) getXAxis();
        setId("rf-chart");
        getStyleClass().add("rf-chart");
        xAxis.setLabel(Messages.get("rf.chart.depth"));
        xAxis.setAutoRanging(false);
        xAxis.setMinorTickCount(0);
        getYAxis().setLabel(Messages.get("rf.chart.size"));
        setAnimated(false);
        setCreateSymbols(true);
        setLegendVisible(true);
        setHorizontalZeroLineVisible(false);
        setPrefHeight(230);
        setMinHeight(200);
        rf.setName(Messages.get("rf.chart.rf"));
        setData(FXCollections.observableArrayList(List.of(rf, patch, image)));
        marker.getStyleClass().add("layer-marker");
        marker.setId("rf-layer-marker");
        getPlotChildren().add(marker);

        fields.blocksProperty().addListener(x -> rebuild());
        fields.explorer().patchProperty().addListener(x -> rebuild());
        fields.selectedLayerProperty().addListener(x -> requestChartLayout());
        rebuild();
    }

    private void rebuild() {
        List<LayerField> blocks = fields.blocksProperty().get();
        if (blocks.isEmpty()) { // no CNN: nothing to chart, and no work for the FX thread on every slider tick
            if (!rf.getData().isEmpty()) getData().forEach(series -> series.getData().clear());
            return;
        }
        var points = FXCollections.<XYChart.Data<Number, Number>>observableArrayList();
        for (int i = 0; i < blocks.size(); i++) points.add(new XYChart.Data<>(i + 1, blocks.get(i).size()));
        rf.setData(points);
        int n = Math.max(1, blocks.size());
        int p = fields.explorer().getPatch();
        patch.setName(Messages.format("rf.chart.patch", p));
        patch.setData(FXCollections.observableArrayList(new XYChart.Data<>(1, p), new XYChart.Data<>(n, p)));
        WorkingResolution w = fields.explorer().getWorking();
        int side = w == null ? 0 : Math.max(w.width(), w.height());
        image.setName(Messages.format("rf.chart.image", side));
        image.setData(FXCollections.observableArrayList(new XYChart.Data<>(1, side), new XYChart.Data<>(n, side)));
        xAxis.setLowerBound(0);
        xAxis.setUpperBound(n + 1);
        xAxis.setTickUnit(n > 20 ? 5 : n > 10 ? 2 : 1);
        requestChartLayout();
    }

    /** Depth (1-based block number) the marker currently points at, or 0. */
    public int markerDepth() {
        LayerField f = fields.getSelectedLayer();
        return f == null ? 0 : fields.blocksProperty().get().indexOf(f) + 1;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        int depth = markerDepth();
        marker.setVisible(depth > 0);
        double x = xAxis.getDisplayPosition(depth);
        marker.setStartX(x);
        marker.setEndX(x);
        marker.setStartY(0);
        marker.setEndY(getYAxis().getHeight());
        marker.toFront();
    }
}
