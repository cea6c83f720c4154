/**
 * Receptive-field arithmetic, pure Java: theoretical receptive fields of CNN layer stacks
 * (Araujo, Norris, Sim, "Computing Receptive Fields of Convolutional Neural Networks",
 * Distill 2019, https://distill.pub/2019/computing-receptive-fields/), the ViT facts,
 * links to patch grids, and statistics of effective receptive fields (Luo et al., NeurIPS 2016).
 *
 * <p>Coordinates: input pixel {@code i} has its centre at {@code i} (Araujo's convention);
 * boxes are half-open pixel ranges; negative coordinates or coordinates past the image
 * lie on padding.
 */
package dev.patchexplorer.core.rf;
