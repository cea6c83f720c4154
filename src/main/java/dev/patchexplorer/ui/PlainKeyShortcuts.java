package dev.patchexplorer.ui;

import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

/**
 * Single-key shortcuts for the actions a user repeats most (zoom, patch size, grid), ignored while
 * typing in a text field so they never eat input.
 */
final class PlainKeyShortcuts {
    private final ExplorerView view;

    PlainKeyShortcuts(ExplorerView view) {
        this.view = view;
    }

    void handle(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown() || e.getTarget() instanceof TextInputControl) return;
        boolean handled = true;
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> view.zoomTarget().zoomIn();
            case MINUS, SUBTRACT -> view.zoomTarget().zoomOut();
            case DIGIT0, NUMPAD0 -> view.zoomTarget().fitToWindow();
            case DIGIT1, NUMPAD1 -> view.zoomTarget().actualSize();
            case CLOSE_BRACKET, PAGE_UP -> view.model().stepPatch(1);
            case OPEN_BRACKET, PAGE_DOWN -> view.model().stepPatch(-1);
            case G -> view.toggleGrid();
            case L -> view.toggleLabels();
            case ESCAPE -> view.model().selectedPatchProperty().set(-1);
            default -> handled = false;
        }
        if (handled) e.consume();
    }
}
