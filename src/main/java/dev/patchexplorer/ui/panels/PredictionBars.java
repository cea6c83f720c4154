package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.ui.Messages;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/** Top-k predictions as rows of class name, probability bar and percentage. */
final class PredictionBars {
    private PredictionBars() {}

    /** Replaces {@code box}'s children by one row per prediction; names get the ids {@code idPrefix + rank}. */
    static void show(Pane box, List<Prediction> top, String idPrefix) {
        box.getChildren().clear();
        for (int i = 0; i < top.size(); i++) {
            Prediction p = top.get(i);
            Label name = new Label(p.label());
            name.setId(idPrefix + i);
            name.setWrapText(true);
            ProgressBar bar = new ProgressBar(p.probability());
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.setPrefHeight(10);
            Label pct = new Label(Messages.format("attention.probability", String.format(Locale.ROOT, "%.1f", p.probability() * 100)));
            HBox row = new HBox(6, bar, pct);
            HBox.setHgrow(bar, Priority.ALWAYS);
            box.getChildren().add(new VBox(1, name, row));
        }
    }
}
