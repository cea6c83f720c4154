package dev.patchexplorer.ui.present;

import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Presentation mode: the stage full screen, a style class on the window's root for larger,
 * high-contrast type, the rail and the side panel folded away (a toggle brings them back), Left and
 * Right stepping through {@link PresentationPatches#PRESETS}, Esc leaving. The pointer highlight and
 * the caption show while {@link #activeProperty()} is true.
 */
public final class PresentationMode {
    public static final String STYLE_CLASS = "presentation";

    private final Parent root;
    private final ExplorerViewModel model;
    private final Node rail;
    private final SplitPane split;
    private final Node side;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final BooleanProperty panelsShown = new SimpleBooleanProperty(this, "panelsShown");
    private double[] dividers;
    /** Whether this mode made the stage full screen: the stage leaving it (its own Esc) then ends the mode. */
    private Stage fullScreened;
    private final javafx.beans.value.ChangeListener<Boolean> stageLeftFullScreen = (o, was, now) -> {
        if (was && !now && fullScreened != null) leave();
    };

    /**
     * @param root  the window's root, which carries {@link #STYLE_CLASS}
     * @param rail  the navigation rail, hidden while presenting
     * @param split the split holding {@code side} first and the image after it
     */
    public PresentationMode(Parent root, ExplorerViewModel model, Node rail, SplitPane split, Node side) {
        this.root = root;
        this.model = model;
        this.rail = rail;
        this.split = split;
        this.side = side;
        panelsShown.addListener((o, was, now) -> {
            if (active.get()) showPanels(now);
        });
    }

    public void toggle() {
        if (active.get()) leave();
        else enter();
    }

    public void enter() {
        if (active.get()) return;
        active.set(true);
        if (!root.getStyleClass().contains(STYLE_CLASS)) root.getStyleClass().add(STYLE_CLASS);
        panelsShown.set(false);
        showPanels(false);
        // the side panel may have held the focus: without an owner, keys reach only the scene and never
        // this window's filter, so the arrows would do nothing
        root.requestFocus();
        if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreenExitHint(Messages.get("presentation.exitHint"));
            fullScreened = stage;
            stage.setFullScreen(true);
            stage.fullScreenProperty().addListener(stageLeftFullScreen);
        }
    }

    public void leave() {
        if (!active.get()) return;
        active.set(false);
        root.getStyleClass().remove(STYLE_CLASS);
        showPanels(true);
        if (fullScreened != null) {
            Stage stage = fullScreened;
            fullScreened = null;
            stage.fullScreenProperty().removeListener(stageLeftFullScreen);
            stage.setFullScreen(false);
        }
    }

    private void showPanels(boolean shown) {
        rail.setVisible(shown);
        rail.setManaged(shown);
        boolean there = split.getItems().contains(side);
        if (shown && !there) {
            split.getItems().add(0, side);
            if (dividers != null) split.setDividerPositions(dividers);
        } else if (!shown && there) {
            dividers = split.getDividerPositions();
            split.getItems().remove(side);
        }
    }

    /** The window's key filter: arrows step through the presets and Esc leaves, only while presenting. */
    public void handle(KeyEvent e) {
        if (!active.get() || e.isShortcutDown() || e.isAltDown() || e.getTarget() instanceof TextInputControl) return;
        switch (e.getCode()) {
            case LEFT, KP_LEFT -> step(-1);
            case RIGHT, KP_RIGHT -> step(1);
            case ESCAPE -> leave();
            default -> { return; }
        }
        e.consume();
    }

    /**
     * Moves the patch to the next preset in {@code direction}. A preset the model adjusts back (snapping
     * to divisors) is passed over for the one after it, so the keys never stick.
     */
    public void step(int direction) {
        WorkingResolution w = model.getWorking();
        if (w == null) return;
        int current = model.getPatch();
        for (int p : PresentationPatches.beyond(current, direction, w.width(), w.height())) {
            model.setPatch(p);
            if (Integer.signum(model.getPatch() - current) == Integer.signum(direction)) return;
        }
        model.setPatch(current);
    }

    public ReadOnlyBooleanProperty activeProperty() { return active.getReadOnlyProperty(); }
    public boolean isActive() { return active.get(); }
    /** While presenting: whether the rail and side panel are shown again. */
    public BooleanProperty panelsShownProperty() { return panelsShown; }
}
