package dev.patchexplorer.ui.help;

import javafx.scene.Node;

import java.util.Objects;

/**
 * One callout of the {@link FirstRunTour}: the node it points at, what it says, and how to bring the
 * node into view first (the window's view holding it: the side panel shows one view at a time).
 */
public record TourStep(Node target, String title, String text, Runnable reveal) {
    public TourStep {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reveal, "reveal");
    }

    /** The reveal of a step whose target is always in view. */
    public static final Runnable NOTHING = () -> {};

    /** A step whose target is always in view. */
    public TourStep(Node target, String title, String text) {
        this(target, title, text, NOTHING);
    }

    /** Whether the step brings its target into view itself, so a target hidden now may still show. */
    public boolean reveals() {
        return reveal != NOTHING;
    }
}
