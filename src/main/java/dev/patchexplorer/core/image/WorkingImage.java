package dev.patchexplorer.core.image;

import dev.patchexplorer.core.grid.WorkingResolution;

/**
 * The image the grid is laid on: the original resized (Pillow-style bicubic) to the working resolution, or
 * the original itself when the sizes already agree. One function, so the window's model input, its
 * exported view and the {@code render} command see the same pixels.
 */
public final class WorkingImage {
    private WorkingImage() {}

    public static RgbImage of(RgbImage original, WorkingResolution w) {
        return original.width() == w.width() && original.height() == w.height()
                ? original : Preprocess.resizeBicubic(original, w.width(), w.height());
    }
}
