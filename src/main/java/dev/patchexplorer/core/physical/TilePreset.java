package dev.patchexplorer.core.physical;

/**
 * Tile conventions of published pathology encoders (TRIDENT README): the tile side in pixels and the
 * magnification it is read at. With an image's µm/px they say what working resolution reads a tile at
 * that magnification, and how many of the image's own pixels one tile covers.
 */
public enum TilePreset {
    TILE_224_AT_20X(224, 20, "Virchow, Phikon, H-Optimus"),
    TILE_256_AT_20X(256, 20, "UNI, Prov-GigaPath"),
    TILE_512_AT_20X(512, 20, "CONCH"),
    TILE_256_AT_10X(256, 10, "CTransPath-CHIEF");

    private final int tilePixels;
    private final double magnification;
    private final String encoders;

    TilePreset(int tilePixels, double magnification, String encoders) {
        this.tilePixels = tilePixels;
        this.magnification = magnification;
        this.encoders = encoders;
    }

    public int tilePixels() {
        return tilePixels;
    }

    public double magnification() {
        return magnification;
    }

    /** Encoders that expect this tile (names, not translated). */
    public String encoders() {
        return encoders;
    }

    /** µm per pixel at the preset's magnification: 20x is 0.5. */
    public double micronsPerPixel() {
        return PhysicalScale.MAGNIFICATION_TIMES_MPP / magnification;
    }

    /** The tile's side on the slide: 256 px at 20x is 128 µm. */
    public double tileMicrons() {
        return tilePixels * micronsPerPixel();
    }

    /** The image's pixels one tile side reads: 512 px at 20x on a 0.265 µm/px slide reads about 966. */
    public double sourcePixelsPerTile(double imageMicronsPerPixel) {
        requireValid(imageMicronsPerPixel);
        return tileMicrons() / imageMicronsPerPixel;
    }

    /** Image pixels per working pixel at this preset (above 1: the image is shrunk). */
    public double resampling(double imageMicronsPerPixel) {
        requireValid(imageMicronsPerPixel);
        return micronsPerPixel() / imageMicronsPerPixel;
    }

    /**
     * The working size (shorter side, aspect kept) that puts the image at this magnification: the
     * original's shorter side divided by {@link #resampling}.
     */
    public int workingSize(int originalShorterSide, double imageMicronsPerPixel) {
        if (originalShorterSide <= 0) throw new IllegalArgumentException("image side must be positive, got " + originalShorterSide);
        return (int) Math.round(originalShorterSide / resampling(imageMicronsPerPixel));
    }

    private static void requireValid(double mpp) {
        if (!PhysicalScale.isValid(mpp)) throw new IllegalArgumentException("µm per pixel must be positive and finite, got " + mpp);
    }
}
