package dev.patchexplorer.ui.help;

import atlantafx.base.controls.Popover;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One callout of the tour: an AtlantaFX Popover beside its target with the step's text, a step
 * count, Skip and Next (or Done). It never hides itself on a click or a focus change; the tour
 * decides when it goes.
 */
final class TourCallout {
    private static final double GAP = 6;

    private final Popover popover;
    private final Region content;
    private boolean closing;

    TourCallout(TourStep step, String stepCount, boolean last, Runnable onNext, Runnable onSkip) {
        Label text = new Label(step.text());
        text.getStyleClass().add("tour-callout-text");
        text.setMaxWidth(320);
        text.setId("tour-text");
        Label count = new Label(stepCount);
        count.getStyleClass().add("tour-step-count");
        Button skip = new Button(HelpText.text("tour.skip"));
        skip.setId("tour-skip");
        skip.setOnAction(e -> onSkip.run());
        // Otherwise Skip, the first button, takes the callout's focus and Enter ends the tour
        // instead of going on; Escape skips from the keyboard.
        skip.setFocusTraversable(false);
        Button next = new Button(HelpText.text(last ? "tour.done" : "tour.next"));
        next.setId("tour-next");
        next.setDefaultButton(true);
        // Later, not now: Enter reaches every popup of the window, so a callout shown while this
        // key event is still being delivered would take it too and skip ahead.
        next.setOnAction(e -> Platform.runLater(onNext));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        content = new VBox(text, new HBox(8, count, gap, skip, next));
        content.getStyleClass().add("tour-callout");
        content.getStylesheets().add(Dialogs.STYLESHEET);

        popover = new Popover(content);
        popover.setTitle(step.title());
        popover.setHeaderAlwaysVisible(true);
        popover.setDetachable(false);
        popover.setCloseButtonEnabled(false);
        popover.setAnimated(false);
        // Auto-hide would end the tour on any focus change: the window being mapped, or the user
        // switching apps or trying the slider the callout explains.
        popover.setAutoHide(false);
        popover.setHideOnEscape(false);
    }

    /** Shows the callout at its target; {@code onLost} runs if something else hides it (Popover does when the window is resized). */
    void show(Node target, Runnable onLost) {
        popover.setArrowLocation(arrowFor(target));
        popover.setOnHidden(e -> {
            if (!closing) onLost.run();
        });
        popover.show(target, -GAP); // a small gap, so the arrow does not cover the target's first letters
    }

    void close() {
        closing = true;
        popover.hide();
    }

    /** Points the arrow from the side of the window the target is not on, so the callout fits. */
    private static Popover.ArrowLocation arrowFor(Node target) {
        Bounds b = target.localToScene(target.getLayoutBounds());
        double sceneWidth = target.getScene().getWidth();
        double sceneHeight = target.getScene().getHeight();
        boolean right = b.getCenterX() > sceneWidth / 2;
        boolean low = b.getCenterY() > sceneHeight / 2;
        if (right) return low ? Popover.ArrowLocation.RIGHT_BOTTOM : Popover.ArrowLocation.RIGHT_TOP;
        return low ? Popover.ArrowLocation.LEFT_BOTTOM : Popover.ArrowLocation.LEFT_TOP;
    }
}
