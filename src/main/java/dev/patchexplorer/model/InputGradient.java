package dev.patchexplorer.model;

import dev.patchexplorer.core.image.ChwImage;

/** d logit[classIndex] / d input, same layout as the input; {@code logits} from the same pass. */
public record InputGradient(int classIndex, float[] logits, ChwImage gradient) {}
