package dev.patchexplorer.render;

import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.image.RgbImage;

import java.util.List;

/**
 * Everything one exported view shows: the working image, its grid and how it is drawn, the heatmap
 * (or null), the caption naming the settings, and the objects' boxes (in working pixels, drawn over the grid). The window and the {@code render} command each build one
 * and hand it to {@link ViewRenderer}.
 */
public record ViewScene(RgbImage working, PatchGrid grid, GridLook gridLook, HeatLayer heat, String caption,
                        List<SceneBox> boxes) {
    /** A scene without boxes. */
    public ViewScene(RgbImage working, PatchGrid grid, GridLook gridLook, HeatLayer heat, String caption) {
        this(working, grid, gridLook, heat, caption, List.of());
    }

    public ViewScene {
        if (grid.width() != working.width() || grid.height() != working.height()) {
            throw new IllegalArgumentException("grid is for " + grid.width() + "x" + grid.height() + ", image is "
                    + working.width() + "x" + working.height());
        }
        if (heat != null && !heat.grid().equals(grid)) throw new IllegalArgumentException("the heatmap was made on another grid");
        if (caption == null) throw new IllegalArgumentException("caption is required (may be empty)");
        boxes = boxes == null ? List.of() : List.copyOf(boxes);
    }
}
