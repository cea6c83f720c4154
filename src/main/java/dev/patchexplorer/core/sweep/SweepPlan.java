package dev.patchexplorer.core.sweep;

import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;

/**
 * One run of a sweep at {@code patch}: the side of the square image that is cut into patches, the
 * model input, and {@code cellPixels}, the side of one grid cell in pixels of the working image
 * (the --size square), the unit that distances, areas and heatmap masks are measured in so that
 * runs at different patch sizes and modes compare.
 * <ul>
 * <li>FLEXI: the working image, grid size/P, kernel PI-resized to P; a cell is P pixels.</li>
 * <li>RESIZE: grid size/P, the image resized to grid x native; a cell is P working pixels.</li>
 * <li>TOKENS: the reference's grid size/R held; the image scaled to grid x P with the kernel at P,
 *     so each cell shows the same R working pixels at P input pixels.</li>
 * </ul>
 *
 * @param side the square the grid is laid over (the working size, or grid x P in TOKENS mode)
 */
public record SweepPlan(SweepMode mode, int patch, int side, InputPlan input, int cellPixels) {

    public static SweepPlan of(SweepSettings s, int patch) {
        if (patch < 1) throw new IllegalArgumentException("patch must be at least 1, got " + patch);
        return switch (s.mode()) {
            case FLEXI -> new SweepPlan(s.mode(), patch, s.size(), InputPlan.of(PatchMode.FLEXI, patch, s.nativePatch(), s.size(), s.size()), patch);
            case RESIZE -> new SweepPlan(s.mode(), patch, s.size(), InputPlan.of(PatchMode.RESIZE, patch, s.nativePatch(), s.size(), s.size()), patch);
            case TOKENS -> {
                int grid = s.size() / s.referencePatch();
                int side = grid * patch;
                yield new SweepPlan(s.mode(), patch, side, InputPlan.of(PatchMode.FLEXI, patch, s.nativePatch(), side, side), s.referencePatch());
            }
        };
    }

    public int gridH() {
        return input.gridH();
    }

    public int gridW() {
        return input.gridW();
    }
}
