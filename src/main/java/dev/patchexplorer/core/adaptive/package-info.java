/**
 * Adaptive, mixed-size patches: a quadtree that splits where the content is complex, under a token
 * budget (Ronen, Levy, Golbert, "Vision Transformers with Mixed-Resolution Tokenization", CVPRW 2023,
 * "Quadformer"), and grey-level entropy of a patch (Choudhury et al., "Accelerating Vision
 * Transformers with Adaptive Patch Sizes", "APT"). Facts: SWEEP_AND_CONCEPTS.md section 3.
 *
 * <p>Coordinates are pixels of the working image; a cell covers the half-open square
 * [x, x + size) x [y, y + size).
 */
package dev.patchexplorer.core.adaptive;
