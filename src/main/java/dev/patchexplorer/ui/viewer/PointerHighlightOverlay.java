package dev.patchexplorer.ui.viewer;

import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.ui.ExplorerViewModel;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Presentation mode's pointer: the patch under the mouse outlined thick, black under yellow, so it
 * reads on a projector over any image. The grid's own thin hover outline is too faint from afar.
 */
public final class PointerHighlightOverlay implements Overlay {
    private static final Color UNDER = Color.BLACK;
    private static final Color OVER = Color.web("#ffd400");
    private final ExplorerViewModel model;
    private final ObservableBooleanValue active;

    public PointerHighlightOverlay(ExplorerViewModel model, ObservableBooleanValue active) {
        this.model = model;
        this.active = active;
    }

    /** The patch outlined now, or -1. */
    public int highlightedPatch() {
        return active.get() ? model.hoverPatchProperty().get() : -1;
    }

    /** The outlined patch's rectangle on screen (viewer coordinates), or null. */
    public Rectangle2D cellOnScreen(ViewTransform view) {
        int index = highlightedPatch();
        PatchGrid grid = model.getGrid();
        WorkingResolution w = model.getWorking();
        if (index < 0 || grid == null || w == null || index >= grid.patchCount()) return null;
        double x0 = view.toScreenX(grid.cellX(grid.column(index)) * w.scaleX());
        double y0 = view.toScreenY(grid.cellY(grid.row(index)) * w.scaleY());
        double x1 = view.toScreenX((grid.cellX(grid.column(index)) + grid.patch()) * w.scaleX());
        double y1 = view.toScreenY((grid.cellY(grid.row(index)) + grid.patch()) * w.scaleY());
        return new Rectangle2D(x0, y0, x1 - x0, y1 - y0);
    }

    @Override
    public void paint(GraphicsContext g, ViewTransform view) {
        Rectangle2D r = cellOnScreen(view);
        if (r == null) return;
        g.setStroke(UNDER);
        g.setLineWidth(7);
        g.strokeRect(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
        g.setStroke(OVER);
        g.setLineWidth(3.5);
        g.strokeRect(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }
}
