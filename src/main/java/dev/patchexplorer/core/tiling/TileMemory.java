package dev.patchexplorer.core.tiling;

import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.tradeoff.PassMemory;
import dev.patchexplorer.core.tradeoff.VitArchitecture;

/**
 * One tile's forward pass against one pass over the whole image at the same detail, from the app's
 * memory estimate ({@link PassMemory}, class scores only). Each tile is resized to the model's input
 * (its native size, e.g. 224 px, at its native patch), as tile pipelines feed an encoder; the whole
 * image at that detail is the image scaled by input / tile, cut to whole native patches.
 *
 * @param tileTokens  tokens of one tile's pass (prefix tokens included)
 * @param wholeTokens tokens of the whole image's pass
 */
public record TileMemory(long tileTokens, PassMemory tile, long wholeTokens, PassMemory whole) {

    /** @param tile the tile's side in the same pixels as imageWidth and imageHeight */
    public static TileMemory of(VitArchitecture a, int imageWidth, int imageHeight, int tile) {
        int input = a.nativeSize();
        int p = a.nativePatch();
        int g = input / p;
        PassMemory one = PassMemory.vit(a.shape(), PassKind.LOGITS, a.depth(), g, g, g * p, g * p);
        double scale = (double) input / tile;
        int gw = Math.max(1, (int) (imageWidth * scale / p));
        int gh = Math.max(1, (int) (imageHeight * scale / p));
        PassMemory whole;
        try {
            whole = PassMemory.vit(a.shape(), PassKind.LOGITS, a.depth(), gh, gw, gh * p, gw * p);
        } catch (ArithmeticException tooLarge) { // past a long: fits nowhere, as PassMemory.vitAt counts it
            whole = new PassMemory(Long.MAX_VALUE, 0, 0, 0);
        }
        return new TileMemory(a.prefixTokens() + (long) g * g, one, a.prefixTokens() + (long) gh * gw, whole);
    }

    /** How many times one tile's pass the whole image's pass needs. */
    public double ratio() {
        return (double) whole.nativeBytes() / tile.nativeBytes();
    }
}
