package dev.patchexplorer.ui.objects;

import dev.patchexplorer.core.objects.Box;
import dev.patchexplorer.ui.viewer.ImageViewer;
import javafx.scene.input.MouseEvent;

/** Draws a box on the image with Shift+drag, or with a plain drag while the Draw boxes toggle is on. */
public final class BoxDrawing implements ImageViewer.DragTool {
    private final ObjectBoxes boxes;

    public BoxDrawing(ObjectBoxes boxes) {
        this.boxes = boxes;
    }

    @Override
    public boolean claims(MouseEvent press) {
        return press.isShiftDown() || boxes.drawingProperty().get();
    }

    @Override
    public void dragged(double x0, double y0, double x1, double y1) {
        if (x0 == x1 || y0 == y1) boxes.draftProperty().set(null);
        else boxes.draftProperty().set(Box.between("", x0, y0, x1, y1));
    }

    @Override
    public void released(double x0, double y0, double x1, double y1) {
        boxes.addDragged(x0, y0, x1, y1);
    }
}
