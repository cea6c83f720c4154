/**
 * Where a patch is: seeded permutations of the patch sequence (a jigsaw), applied to the tokens or to
 * the pixels, and whole-image shifts, for the concept page on position embeddings and translation.
 */
package dev.patchexplorer.core.position;
