package dev.patchexplorer.core.tiling;

/**
 * Square tiles of {@code tile} pixels laid over a width x height image with {@code overlap} pixels shared
 * by neighbours (stride = tile − overlap), as sliding-window segmentation of large images does. Along
 * each axis the tiles start at 0, stride, 2·stride, ... and the last one is moved back to end at the
 * image's edge, so every pixel is covered and no tile reaches past the image (a side shorter than a
 * tile gets one tile, cut by the image).
 */
public record Tiling(int imageWidth, int imageHeight, int tile, int overlap) {
    public Tiling {
        if (imageWidth <= 0 || imageHeight <= 0) throw new IllegalArgumentException("the image is empty");
        if (tile <= 0) throw new IllegalArgumentException("a tile must be at least 1 px, got " + tile);
        if (overlap < 0 || overlap >= tile) {
            throw new IllegalArgumentException("the overlap must be at least 0 and less than the tile (" + tile + " px), got " + overlap);
        }
    }

    /** The overlap as a share of the tile, rounded to whole pixels. */
    public static Tiling withOverlapShare(int imageWidth, int imageHeight, int tile, double share) {
        return new Tiling(imageWidth, imageHeight, tile, Math.min(tile - 1, (int) Math.round(tile * share)));
    }

    public int stride() {
        return tile - overlap;
    }

    public int columns() {
        return along(imageWidth);
    }

    public int rows() {
        return along(imageHeight);
    }

    public long count() {
        return (long) columns() * rows();
    }

    /** ceil((L − T) / stride) + 1 tiles when the side L is longer than the tile T, else 1. */
    private int along(int length) {
        if (length <= tile) return 1;
        return (length - tile + stride() - 1) / stride() + 1;
    }

    /** Where tile {@code i} starts along a side of {@code length}: i·stride, the last one flush with the edge. */
    public int start(int i, int length) {
        int n = along(length);
        if (i < 0 || i >= n) throw new IndexOutOfBoundsException("tile " + i + " of " + n);
        if (length <= tile) return 0;
        return i == n - 1 ? length - tile : i * stride();
    }
}
