package dev.patchexplorer.imagefile;

/**
 * How many pixels an image may be decoded into, and the subsampling that brings a larger one within it.
 *
 * @param maxPixels    most pixels decoded; a larger image is read subsampled
 * @param maxSourcePixels most pixels a file may declare at all: subsampling still reads every pixel of
 *                     the file, so past this the wait is minutes and the file is refused instead
 */
public record PixelBudget(long maxPixels, long maxSourcePixels) {
    /** 100 megapixels = 400 MB as ARGB; beyond this a desktop viewer stops being pleasant. */
    public static final long DISPLAY_PIXELS = 100_000_000L;
    /** 2,500 megapixels (50,000 x 50,000): a subsampled read of that many takes about a minute. */
    public static final long SOURCE_PIXELS = 2_500_000_000L;
    /**
     * Heap bytes one decoded pixel may cost while it is opened: the decoder's raster (up to 8 bytes for
     * 16-bit RGBA), the ARGB copy (4) and the window's image (4).
     */
    static final long BYTES_PER_PIXEL = 16;

    public PixelBudget {
        if (maxPixels < 1 || maxSourcePixels < maxPixels) throw new IllegalArgumentException(maxPixels + " / " + maxSourcePixels);
    }

    /** 100 megapixels, or fewer where the heap could not hold that many. */
    public static PixelBudget forThisHeap() {
        long heapPixels = Runtime.getRuntime().maxMemory() / BYTES_PER_PIXEL;
        return new PixelBudget(Math.max(1, Math.min(DISPLAY_PIXELS, heapPixels)), SOURCE_PIXELS);
    }

    /** Smallest factor s with ceil(w/s) * ceil(h/s) within {@link #maxPixels()}; 1 when the image fits. */
    public int subsampling(long width, long height) {
        long s = Math.max(1, (long) Math.ceil(Math.sqrt(width * (double) height / maxPixels)));
        while (ceilDiv(width, s) * ceilDiv(height, s) > maxPixels) s++;
        return (int) Math.min(Integer.MAX_VALUE, s);
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
