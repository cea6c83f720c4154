package dev.patchexplorer.core.grid;

/**
 * The patch grid laid over an image of {@code width x height} working-resolution pixels.
 * Counts follow PATCH_MATH.md: g = floor((H - P) / S) + 1 when cropping; padding adds the
 * patches needed to reach the far edge.
 */
public record PatchGrid(int width, int height, GridSpec spec, int cols, int rows) {

    public static PatchGrid of(int width, int height, GridSpec spec) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image must not be empty");
        int cols = count(width - spec.offsetX(), spec.patch(), spec.stride(), spec.edge());
        int rows = count(height - spec.offsetY(), spec.patch(), spec.stride(), spec.edge());
        return new PatchGrid(width, height, spec, cols, rows);
    }

    /** Patches along one axis of {@code span} usable pixels. */
    static int count(int span, int patch, int stride, EdgePolicy edge) {
        if (span <= 0) return 0;
        if (edge == EdgePolicy.CROP) return span < patch ? 0 : (span - patch) / stride + 1;
        // Pad: enough patches that the last one reaches the edge (ceil division).
        return span <= patch ? 1 : (span - patch + stride - 1) / stride + 1;
    }

    public boolean isEmpty() {
        return cols == 0 || rows == 0;
    }

    public int patchCount() {
        return cols * rows;
    }

    public int patch() {
        return spec.patch();
    }

    public int stride() {
        return spec.stride();
    }

    /** Left edge of column {@code c} in working pixels (may lie past the image when padding). */
    public int cellX(int c) {
        return spec.offsetX() + c * spec.stride();
    }

    public int cellY(int r) {
        return spec.offsetY() + r * spec.stride();
    }

    /** Image pixels inside at least one patch. */
    public long coveredPixels() {
        return (long) union(cols, spec.offsetX(), width) * union(rows, spec.offsetY(), height);
    }

    /** Image pixels no patch sees: the remainder, the offset margin and the gaps when stride > patch. */
    public long droppedPixels() {
        return (long) width * height - coveredPixels();
    }

    /** Padding pixels the patches cover outside the image (zero when cropping). */
    public long paddedPixels() {
        long all = (long) union(cols, spec.offsetX(), Integer.MAX_VALUE) * union(rows, spec.offsetY(), Integer.MAX_VALUE);
        return all - coveredPixels();
    }

    /** Length of the union of the patch intervals along one axis, clipped to [0, limit). */
    private int union(int n, int offset, int limit) {
        if (n == 0) return 0;
        int p = spec.patch();
        int s = spec.stride();
        if (s <= p) return Math.min(offset + (n - 1) * s + p, limit) - Math.min(offset, limit);
        long total = 0;
        for (int i = 0; i < n; i++) {
            int start = offset + i * s;
            total += Math.max(0, Math.min(start + p, limit) - Math.min(start, limit));
        }
        return (int) total;
    }

    /**
     * Row-major index of the patch whose stride cell holds the working-pixel point, or -1 if no patch
     * covers it. With overlap a point lies in several patches; the one that starts nearest wins.
     */
    public int indexAt(double x, double y) {
        int c = axisIndex(x, spec.offsetX(), cols);
        int r = axisIndex(y, spec.offsetY(), rows);
        return c < 0 || r < 0 ? -1 : r * cols + c;
    }

    private int axisIndex(double v, int offset, int n) {
        if (v < offset || n == 0) return -1;
        int i = (int) Math.min(Math.floor((v - offset) / spec.stride()), n - 1);
        return v < offset + (double) i * spec.stride() + spec.patch() ? i : -1;
    }

    public int column(int index) {
        return index % cols;
    }

    public int row(int index) {
        return index / cols;
    }
}
