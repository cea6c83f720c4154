package dev.patchexplorer.render;

import dev.patchexplorer.core.grid.GridLines;
import dev.patchexplorer.core.grid.PatchGrid;

import java.util.Locale;

/**
 * The patch grid as vector lines over the working image, in working pixels (so it lies exactly on the 1x
 * PNG): one {@code <line>} per position of {@link GridLines}, spanning the grid's extent, in layer "grid"
 * with the grid's colour, width and opacity.
 */
public final class GridSvg {
    public static final String LAYER = "grid";

    private GridSvg() {}

    public static SvgDocument of(PatchGrid grid, GridLook look) {
        SvgDocument doc = new SvgDocument(grid.width(), grid.height());
        add(doc, grid, look);
        return doc;
    }

    public static void add(SvgDocument doc, PatchGrid grid, GridLook look) {
        String style = String.format(Locale.ROOT, "fill=\"none\" stroke=\"#%06x\" stroke-width=\"%s\" stroke-opacity=\"%s\"",
                look.rgb() & 0xffffff, SvgDocument.num(look.lineWidth()), SvgDocument.num(look.opacity()));
        SvgDocument.Layer layer = doc.layer(LAYER, style);
        if (grid.isEmpty()) return;
        int x0 = grid.spec().offsetX(), y0 = grid.spec().offsetY();
        int x1 = x0 + GridLines.spanX(grid), y1 = y0 + GridLines.spanY(grid);
        for (int x : GridLines.xs(grid)) layer.line(x, y0, x, y1);
        for (int y : GridLines.ys(grid)) layer.line(x0, y, x1, y);
    }
}
