/**
 * Passes through a loaded ViT that look inside it, for the concept pages and their commands: tokens
 * and their similarities after any block, the logit lens, the patch sequence permuted with or without
 * its position embeddings, and token merging (ToMe). Each runs the model's own steps through
 * {@link dev.patchexplorer.model.ViTPass} and returns plain arrays and records.
 */
package dev.patchexplorer.model.probe;
