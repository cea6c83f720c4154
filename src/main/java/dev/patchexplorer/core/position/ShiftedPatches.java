package dev.patchexplorer.core.position;

/**
 * Which pixels change patch when the picture moves {@code dx} right and {@code dy} down under a fixed grid
 * of {@code patch}-pixel cells starting at the frame's corner. Only pixels that are still in the frame
 * after the move count; those that enter (the fill) and those that leave have no patch to compare.
 * Per axis a coordinate keeps its cell unless it lies within |d| of the cell's far edge, so with
 * 0 < |d| < P and no frame edge a share 1 - (1 - |d|/P)² of the pixels changes patch; |d| >= P moves all.
 */
public final class ShiftedPatches {
    private ShiftedPatches() {}

    /** Pixels still in the frame after the move, and how many of them sit in another cell than before. */
    public record Count(long kept, long changed) {
        public double fraction() {
            return kept == 0 ? 0 : (double) changed / kept;
        }
    }

    /** The share of pixels away from the frame's edges that change patch: 1 - (1 - min(1, |dx|/P))(1 - min(1, |dy|/P)). */
    public static double interiorFraction(int patch, int dx, int dy) {
        if (patch < 1) throw new IllegalArgumentException("patch must be at least 1, got " + patch);
        return 1 - (1 - Math.min(1.0, Math.abs(dx) / (double) patch)) * (1 - Math.min(1.0, Math.abs(dy) / (double) patch));
    }

    public static Count count(int width, int height, int patch, int dx, int dy) {
        if (patch < 1 || width < 1 || height < 1) throw new IllegalArgumentException("need a frame and a patch of at least 1 pixel");
        long[] x = axis(width, patch, dx);
        long[] y = axis(height, patch, dy);
        long kept = x[0] * y[0];
        return new Count(kept, kept - x[1] * y[1]); // the same cell needs the same column and the same row
    }

    /** The destination pixel (x, y) holds a pixel that came from another cell (false where the fill entered). */
    public static boolean changedAt(int x, int y, int width, int height, int patch, int dx, int dy) {
        int sx = x - dx, sy = y - dy;
        if (sx < 0 || sy < 0 || sx >= width || sy >= height) return false;
        return sx / patch != x / patch || sy / patch != y / patch;
    }

    /** {kept, kept in the same cell} along one axis of {@code length} pixels. */
    private static long[] axis(int length, int patch, int d) {
        long kept = 0, same = 0;
        for (int to = 0; to < length; to++) {
            int from = to - d;
            if (from < 0 || from >= length) continue;
            kept++;
            if (from / patch == to / patch) same++;
        }
        return new long[] {kept, same};
    }
}
