package dev.patchexplorer.core.rf;

/**
 * The receptive fields of a ViT's patch tokens, which need no layer arithmetic: the patch
 * embedding (a P x P conv with stride P) sees exactly its own patch, and self-attention lets
 * every token read every other token, so after the first attention layer each token's field is
 * the whole image that the grid covers. Pixels right or below the last full patch are cropped
 * by the grid and are in no field.
 */
public record VitReceptiveField(int patch, int imageHeight, int imageWidth) {
    public VitReceptiveField {
        if (patch < 1 || imageHeight < patch || imageWidth < patch) {
            throw new IllegalArgumentException("need an image of at least one " + patch + "x" + patch
                    + " patch, got " + imageHeight + "x" + imageWidth);
        }
    }

    public int gridRows() {
        return imageHeight / patch;
    }

    public int gridColumns() {
        return imageWidth / patch;
    }

    /** A patch token by its place in the grid. */
    public record Token(int row, int column) {}

    /**
     * The token whose patch holds input point (x, y), in continuous coordinates (pixel i covers
     * [i, i + 1)); a point right of or below the grid, in the margin whole patches leave, goes to
     * the nearest token, as a click on a CNN goes to the nearest unit.
     */
    public Token tokenAt(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) throw new IllegalArgumentException("no point: " + x + ", " + y);
        return new Token(clamp(Math.floor(y / patch), gridRows()), clamp(Math.floor(x / patch), gridColumns()));
    }

    private static int clamp(double index, int count) {
        return (int) Math.max(0, Math.min(count - 1, index));
    }

    /** The patch embedding as a layer, e.g. for {@link ReceptiveFieldTable}: kernel = stride = P, no padding. */
    public LayerSpec patchEmbedding() {
        return new LayerSpec("patch_embed.proj", "patch_embed", patch, patch, 0, 1);
    }

    /**
     * @param blocksApplied 0 right after the patch embedding, n after n transformer blocks
     *                      (each opens with attention)
     */
    public PixelBox tokenField(int blocksApplied, int row, int column) {
        if (row < 0 || row >= gridRows() || column < 0 || column >= gridColumns()) {
            throw new IndexOutOfBoundsException("no patch (" + row + ", " + column + ") in a "
                    + gridRows() + "x" + gridColumns() + " grid");
        }
        if (blocksApplied < 0) throw new IllegalArgumentException("blocksApplied must be >= 0");
        if (blocksApplied == 0) {
            return new PixelBox(column * patch, row * patch, (column + 1) * patch, (row + 1) * patch);
        }
        return new PixelBox(0, 0, gridColumns() * patch, gridRows() * patch);
    }

    /** How many patches a token sees: 1 after the embedding, the whole grid after any block. */
    public int patchesSeen(int blocksApplied) {
        if (blocksApplied < 0) throw new IllegalArgumentException("blocksApplied must be >= 0");
        return blocksApplied == 0 ? 1 : gridRows() * gridColumns();
    }
}
