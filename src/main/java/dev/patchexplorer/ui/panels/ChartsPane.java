package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.tradeoff.PublishedAccuracy;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;

import java.util.LinkedHashSet;
import java.util.Set;

/** The cost sweep and the published accuracy points, as two tabs; the sweep says when the readouts show a Swin. */
public final class ChartsPane extends TabPane {
    private final SweepChart sweep;

    public ChartsPane(ExplorerViewModel model) {
        setId("charts");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        sweep = new SweepChart(model);
        // a chosen Swin has no patch-size sweep (its patch is its own 4 px): the chart stays the ViT's, and says so
        Label swinNote = new Label();
        swinNote.setId("chart-swin-note");
        swinNote.getStyleClass().add("hint");
        swinNote.setWrapText(true);
        swinNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        swinNote.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.swinProperty().get() == null ? ""
                : Messages.format("chart.swinNote", model.swinProperty().get().name(), model.architectureProperty().get().name()),
                model.swinProperty(), model.architectureProperty()));
        swinNote.visibleProperty().bind(model.swinProperty().isNotNull());
        swinNote.managedProperty().bind(swinNote.visibleProperty());
        VBox costBox = new VBox(4, swinNote, sweep);
        VBox.setVgrow(sweep, javafx.scene.layout.Priority.ALWAYS);
        Tab cost = new Tab(Messages.get("chart.tab.cost"), costBox);
        cost.setId("tab-cost");
        Set<String> sources = new LinkedHashSet<>();
        PublishedAccuracy.all().forEach(p -> sources.add(p.source()));
        Label cite = new Label(Messages.get("chart.sources") + " " + String.join("; ", sources));
        cite.setWrapText(true);
        cite.getStyleClass().add("hint");
        AccuracyChart accuracyChart = new AccuracyChart();
        VBox accuracyBox = new VBox(4, accuracyChart, cite);
        VBox.setVgrow(accuracyChart, javafx.scene.layout.Priority.ALWAYS);
        Tab accuracy = new Tab(Messages.get("chart.tab.accuracy"), accuracyBox);
        accuracy.setId("tab-accuracy");
        getTabs().addAll(cost, accuracy);
    }

    public SweepChart sweep() {
        return sweep;
    }
}
