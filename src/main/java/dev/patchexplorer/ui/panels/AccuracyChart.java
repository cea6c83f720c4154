package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.tradeoff.PublishedAccuracy;
import dev.patchexplorer.ui.Messages;
import javafx.collections.FXCollections;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Published ImageNet top-1 accuracy against patch size, one line per model family, sources in tooltips. */
public final class AccuracyChart extends LineChart<Number, Number> {
    public AccuracyChart() {
        super(new NumberAxis(0, 50, 8), new NumberAxis(0, 90, 10));
        setId("accuracy-chart");
        getXAxis().setLabel(Messages.get("chart.patchSize"));
        getYAxis().setLabel(Messages.get("chart.top1"));
        setAnimated(false);
        setCreateSymbols(true);
        Map<String, XYChart.Series<Number, Number>> bySeries = new LinkedHashMap<>();
        for (PublishedAccuracy.Point p : PublishedAccuracy.all()) {
            XYChart.Series<Number, Number> s = bySeries.computeIfAbsent(p.series(), name -> {
                XYChart.Series<Number, Number> created = new XYChart.Series<>();
                created.setName(name);
                return created;
            });
            s.getData().add(new XYChart.Data<>(p.patch(), p.top1()));
        }
        setData(FXCollections.observableArrayList(bySeries.values()));
        // Tooltips need the symbol nodes, which exist once the data is in the chart.
        for (XYChart.Series<Number, Number> s : getData()) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                PublishedAccuracy.Point p = PublishedAccuracy.all().stream()
                        .filter(q -> q.series().equals(s.getName()) && q.patch() == d.getXValue().intValue())
                        .findFirst().orElseThrow();
                Tooltip.install(d.getNode(), new Tooltip(String.format(Locale.ROOT, "%s, P%d: %.2f %%%n%s",
                        p.series(), p.patch(), p.top1(), p.source())));
            }
        }
    }
}
