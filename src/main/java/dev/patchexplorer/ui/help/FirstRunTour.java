package dev.patchexplorer.ui.help;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.List;

/**
 * A short first-run tour: one {@link TourCallout} at a time next to the node it explains, with
 * Next and Skip; Escape skips. Uses AtlantaFX's Popover, which follows the app theme (ControlsFX's
 * PopOver would need its CSS variables mapped to AtlantaFX first).
 */
public final class FirstRunTour {
    private static final String TARGET_STYLE = "tour-target";
    /** A pane gets a tint rather than the glow, which would blur every letter in it. */
    private static final String TARGET_AREA_STYLE = "tour-target-area";

    private final List<TourStep> steps;
    private final ReadOnlyIntegerWrapper stepIndex = new ReadOnlyIntegerWrapper(this, "stepIndex", -1);
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private final EventHandler<KeyEvent> escapeSkips = e -> {
        if (e.getCode() == KeyCode.ESCAPE) {
            e.consume();
            skip();
        }
    };
    private TourCallout callout;
    private Scene styledScene;
    private boolean addedStylesheet;
    private Runnable onFinished = () -> {};

    public FirstRunTour(List<TourStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * The tour the main window shows: patch size, readouts, model catalog, heatmap picker, then
     * clicking a patch on the image and the Receptive field view. Steps in other views than the one
     * open bring their view up first.
     */
    public static FirstRunTour standard(Node patchSizeSlider, TourStep readouts, Node modelCatalog, TourStep heatmapPicker,
                                        TourStep clickPatch, TourStep receptiveField) {
        return new FirstRunTour(List.of(
                step(patchSizeSlider, "tour.patchSize"),
                readouts,
                step(modelCatalog, "tour.catalog"),
                heatmapPicker,
                clickPatch,
                receptiveField));
    }

    public static TourStep step(Node target, String key) {
        return step(target, key, TourStep.NOTHING);
    }

    /** A step whose target shows only once {@code reveal} has run (for example, navigated to its view). */
    public static TourStep step(Node target, String key, Runnable reveal) {
        return new TourStep(target, HelpText.text(key + ".title"), HelpText.text(key + ".text"), reveal);
    }

    /** Starts the tour if this user has not seen it, and remembers once it is done or skipped. */
    public boolean startIfFirstRun(TourMemory memory) {
        if (memory.seen()) return false;
        Runnable previous = onFinished;
        setOnFinished(() -> {
            memory.markSeen();
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

    /** Ends the tour now (Skip, or Escape in the window). */
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
        while (i < steps.size() && !revealed(steps.get(i))) i++;
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
        boolean last = steps.subList(index + 1, steps.size()).stream().noneMatch(s -> s.reveals() || onScreen(s.target()));
        callout = new TourCallout(step, HelpText.text("tour.stepOf", index + 1, steps.size()), last, this::next, this::skip);
        callout.show(target, () -> Platform.runLater(this::calloutLost));
    }

    /**
     * Popover hides itself when the window is resized (a window manager may do that just after the
     * window appears): show the same step again at the new place. A closing window ends the tour
     * without marking it seen, so it comes back next time.
     */
    private void calloutLost() {
        if (!isShowing()) return;
        Node target = steps.get(stepIndex.get()).target();
        if (target.getScene() != null && target.getScene().getWindow() != null && target.getScene().getWindow().isShowing()) {
            showFrom(stepIndex.get());
        } else {
            close();
        }
    }

    /** Brings the step's target into view, laid out so the callout can find its place; false if it stays hidden. */
    private boolean revealed(TourStep step) {
        step.reveal().run();
        Node target = step.target();
        // a panel just put in the window has no skins yet: its content (the target) joins the scene with them
        Scene scene = target.getScene() != null ? target.getScene() : styledScene;
        if (scene != null && scene.getRoot() != null) {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        }
        return onScreen(target);
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
        if (styledScene == null) {
            styledScene = scene;
            addedStylesheet = !scene.getStylesheets().contains(Dialogs.STYLESHEET);
            if (addedStylesheet) scene.getStylesheets().add(Dialogs.STYLESHEET);
            scene.addEventFilter(KeyEvent.KEY_PRESSED, escapeSkips);
        }
        target.getStyleClass().add(TARGET_STYLE);
        if (!(target instanceof Control)) target.getStyleClass().add(TARGET_AREA_STYLE);
    }

    private void hideCallout() {
        if (callout != null) {
            callout.close();
            callout = null;
        }
        steps.forEach(s -> s.target().getStyleClass().removeAll(TARGET_STYLE, TARGET_AREA_STYLE));
    }

    private void finish() {
        close();
        onFinished.run();
    }

    private void close() {
        hideCallout();
        if (styledScene != null) {
            styledScene.removeEventFilter(KeyEvent.KEY_PRESSED, escapeSkips);
            if (addedStylesheet) styledScene.getStylesheets().remove(Dialogs.STYLESHEET);
            styledScene = null;
        }
        stepIndex.set(-1);
        showing.set(false);
    }
}
