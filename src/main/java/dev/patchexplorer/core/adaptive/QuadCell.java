package dev.patchexplorer.core.adaptive;

import java.util.List;

/** One square patch of a mixed-size grid: its top-left pixel and side, in working-image pixels. */
public record QuadCell(int x, int y, int size) {
    public QuadCell {
        if (x < 0 || y < 0 || size <= 0) throw new IllegalArgumentException("cell " + size + " at " + x + "," + y);
    }

    /** The four quarters, in raster order (top-left, top-right, bottom-left, bottom-right). */
    public List<QuadCell> quarters() {
        if (size % 2 != 0) throw new IllegalStateException("a cell of odd side " + size + " cannot split into four");
        int h = size / 2;
        return List.of(new QuadCell(x, y, h), new QuadCell(x + h, y, h), new QuadCell(x, y + h, h), new QuadCell(x + h, y + h, h));
    }
}
