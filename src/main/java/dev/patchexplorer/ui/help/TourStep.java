package dev.patchexplorer.ui.help;

import javafx.scene.Node;

import java.util.Objects;

/** One callout of the {@link FirstRunTour}: the node it points at, and what it says. */
public record TourStep(Node target, String title, String text) {
    public TourStep {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }
}
