package dev.patchexplorer.core.adaptive;

import dev.patchexplorer.core.image.RgbImage;

/**
 * How much a patch needs splitting. As in Quadformer's min-heap, the LOWEST score splits first,
 * so a scorer returns minus its measure of detail.
 */
public interface PatchScorer {
    /** @param minSize the finest patch side of the tokenization (what a token is resized to) */
    double score(RgbImage image, QuadCell cell, int minSize);
}
