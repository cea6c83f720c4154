package dev.patchexplorer.ui.help;

import atlantafx.base.controls.Popover;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.prefs.Preferences;

/**
 * A short first-run tour: one callout at a time next to the node it explains, with Next
 * and Skip. Uses AtlantaFX's Popover, which follows the app theme (ControlsFX's PopOver
 * would need its CSS variables mapped to AtlantaFX first).
 */
public final class FirstRunTour {
    static final String SEEN_KEY = "firstRunTourSeen";
    private static final String TARGET_STYLE = "tour-target";

    private final List<TourStep> steps;
    private final ReadOnlyIntegerWrapper stepIndex = new ReadOnlyIntegerWrapper(this, "stepIndex", -1);
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private Popover callout;
    private Scene styledScene;
    private Runnable onFinished = () -> {};

    public FirstRunTour(List<TourStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The tour the main window shows: patch size, readouts, model catalog, heatmap picker. */
    public static FirstRunTour standard(Node patchSizeSlider, Node readouts, Node modelCatalog, Node heatmapPicker) {
        return new FirstRunTour(List.of(
                step(patchSizeSlider, "tour.patchSize"),
                step(readouts, "tour.readouts"),
                step(modelCatalog, "tour.catalog"),
                step(heatmapPicker, "tour.heatmap")));
    }

    public static TourStep step(Node target, String key) {
        return new TourStep(target, HelpText.text(key + ".title"), HelpText.text(key + ".text"));
    }

    public static boolean shouldShow(Preferences prefs) {
        return !prefs.getBoolean(SEEN_KEY, false);
    }

    public static void markSeen(Preferences prefs) {
        prefs.putBoolean(SEEN_KEY, true);
    }

    /** Starts the tour if this user has not seen it, and remembers once it is done or skipped. */
    public boolean startIfFirstRun(Preferences prefs) {
        if (!shouldShow(prefs)) return false;
        Runnable previous = onFinished;
        setOnFinished(() -> {
            markSeen(prefs);
            previous.run();
        });
        start();
        return isShowing();
    }

    /** Shows the first step whose target is on screen; steps whose target is hidden are left out. */
    public void start() {
        close();
        showing.set(true);
        showFrom(0);
    }

    /** The next step, or the end of the tour after the last one. */
    public void next() {
        if (isShowing()) showFrom(stepIndex.get() + 1);
    }

    /** Ends the tour now (Skip, Escape, a click elsewhere). */
    public void skip() {
        if (isShowing()) finish();
    }

    /** Runs once the tour ends, whether finished or skipped. */
    public void setOnFinished(Runnable onFinished) {
        this.onFinished = onFinished == null ? () -> {} : onFinished;
    }

    public ReadOnlyIntegerProperty stepIndexProperty() {
        return stepIndex.getReadOnlyProperty();
    }

    public int getStepIndex() {
        return stepIndex.get();
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public boolean isShowing() {
        return showing.get();
    }

    private void showFrom(int index) {
        hideCallout();
        int i = index;
        while (i < steps.size() && !onScreen(steps.get(i).target())) i++;
        if (i >= steps.size()) {
            finish();
            return;
        }
        stepIndex.set(i);
        show(steps.get(i), i);
    }

    private void show(TourStep step, int index) {
        Node target = step.target();
        highlight(target);
        Label text = new Label(step.text());
        text.getStyleClass().add("tour-callout-text");
        text.setMaxWidth(320);
        text.setId("tour-text");
        Label count = new Label(HelpText.text("tour.stepOf", index + 1, steps.size()));
        count.getStyleClass().add("tour-step-count");
        Button skip = new Button(HelpText.text("tour.skip"));
        skip.setId("tour-skip");
        skip.setOnAction(e -> skip());
        boolean last = steps.subList(index + 1, steps.size()).stream().noneMatch(s -> onScreen(s.target()));
        Button next = new Button(HelpText.text(last ? "tour.done" : "tour.next"));
        next.setId("tour-next");
        next.setDefaultButton(true);
        next.setOnAction(e -> next());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        VBox content = new VBox(text, new HBox(8, count, gap, skip, next));
        content.getStyleClass().add("tour-callout");
        content.getStylesheets().add(Dialogs.STYLESHEET);

        callout = new Popover(content);
        callout.setTitle(step.title());
        callout.setHeaderAlwaysVisible(true);
        callout.setDetachable(false);
        callout.setCloseButtonEnabled(false);
        callout.setAnimated(false);
        callout.setArrowLocation(arrowFor(target));
        callout.setOnAutoHide(e -> skip());
        callout.show(target);
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

    private static boolean onScreen(Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null
                || !node.getScene().getWindow().isShowing()) return false;
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) return false;
        }
        return true;
    }

    private void highlight(Node target) {
        Scene scene = target.getScene();
        if (styledScene == null && !scene.getStylesheets().contains(Dialogs.STYLESHEET)) {
            scene.getStylesheets().add(Dialogs.STYLESHEET);
            styledScene = scene;
        }
        target.getStyleClass().add(TARGET_STYLE);
    }

    private void hideCallout() {
        if (callout != null) {
            callout.setOnAutoHide(null);
            callout.hide();
            callout = null;
        }
        steps.forEach(s -> s.target().getStyleClass().remove(TARGET_STYLE));
    }

    private void finish() {
        close();
        onFinished.run();
    }

    private void close() {
        hideCallout();
        if (styledScene != null) {
            styledScene.getStylesheets().remove(Dialogs.STYLESHEET);
            styledScene = null;
        }
        stepIndex.set(-1);
        showing.set(false);
    }
}
