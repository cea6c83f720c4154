package dev.patchexplorer.ui.objects;

import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.objects.Box;
import dev.patchexplorer.core.objects.BoxMeasure;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The objects of interest drawn on the image (boxes in original pixels), the box being drawn, and
 * whether a plain drag draws a box instead of panning. Boxes belong to their image: opening another
 * clears them. FX thread.
 */
public final class ObjectBoxes {
    /** Patch sizes of the patches-per-object chart. */
    public static final List<Integer> CHART_PATCHES = List.of(8, 16, 24, 32, 40, 48, 56, 64);

    private final ExplorerViewModel model;
    private final ObservableList<Box> boxes = FXCollections.observableArrayList();
    private final ObjectProperty<Box> draft = new SimpleObjectProperty<>(this, "draft");
    private final BooleanProperty drawing = new SimpleBooleanProperty(this, "drawing", false);

    public ObjectBoxes(ExplorerViewModel model) {
        this.model = model;
        model.imageProperty().addListener((o, was, now) -> {
            if (was != null) boxes.clear();
        });
    }

    /** The next free default name: "Object 1", "Object 2", ... */
    public String nextName() {
        for (int n = 1; ; n++) {
            String name = Messages.format("objects.defaultName", String.valueOf(n));
            if (boxes.stream().noneMatch(b -> b.name().equals(name))) return name;
        }
    }

    /** Adds the box dragged between two image points, clipped to the image; false when nothing is left. */
    public boolean addDragged(double x0, double y0, double x1, double y1) {
        draft.set(null);
        WorkingResolution w = model.getWorking();
        if (model.getImage() == null || w == null) return false;
        double ax = clamp(Math.min(x0, x1), w.originalWidth()), bx = clamp(Math.max(x0, x1), w.originalWidth());
        double ay = clamp(Math.min(y0, y1), w.originalHeight()), by = clamp(Math.max(y0, y1), w.originalHeight());
        if (bx - ax < 1 || by - ay < 1) return false;
        boxes.add(new Box(nextName(), ax, ay, bx - ax, by - ay));
        return true;
    }

    public void rename(Box box, String name) {
        int i = boxes.indexOf(box);
        String trimmed = name == null ? "" : name.strip();
        if (i >= 0 && !trimmed.isEmpty()) boxes.set(i, box.renamed(trimmed));
    }

    /** How the box sits on the current grid, or null without one. */
    public BoxMeasure measure(Box box) {
        WorkingResolution w = model.getWorking();
        PatchGrid g = model.getGrid();
        if (model.getImage() == null || w == null || g == null || g.isEmpty()) return null;
        return BoxMeasure.of(box, w, g);
    }

    /** Patches touched per patch size of {@link #CHART_PATCHES}, on grids like the current one. */
    public List<BoxMeasure.Point> series(Box box) {
        WorkingResolution w = model.getWorking();
        PatchGrid g = model.getGrid();
        if (model.getImage() == null || w == null || g == null) return List.of();
        return BoxMeasure.series(box, w, g.spec(), model.strideFollowsPatchProperty().get(), CHART_PATCHES);
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    public ObservableList<Box> boxes() { return boxes; }
    public ObjectProperty<Box> draftProperty() { return draft; }
    public BooleanProperty drawingProperty() { return drawing; }
    public ExplorerViewModel model() { return model; }
}
