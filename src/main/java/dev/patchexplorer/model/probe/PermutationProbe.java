package dev.patchexplorer.model.probe;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.position.PatchPermutation;
import dev.patchexplorer.model.ModelLoadException;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.ViTPass;

import java.util.function.BooleanSupplier;

/**
 * The jigsaw of concept 5, three passes on one input: the plain model; the patch tokens shuffled after
 * the embedding, each keeping its own position embedding (attention is permutation-equivariant and the
 * class token pools by attention, so the logits stay the same up to float rounding); and the pixels
 * shuffled in the same order with the position embeddings left in place (the logits change: only the
 * position embedding tells the model where a patch was).
 */
public final class PermutationProbe {
    private PermutationProbe() {}

    /**
     * @param order where each patch goes: {@code order[j]} is the patch shown in place j
     *              ({@link PatchPermutation#seeded})
     */
    public record Result(int[] order, float[] plain, float[] keepingPositions, float[] shuffledPixels) {
        public Result {
            order = order.clone();
        }

        @Override
        public int[] order() {
            return order.clone();
        }

        /** max |Δ logit| with each patch keeping its position embedding: float rounding only. */
        public double keepingPositionsDifference() {
            return Logits.maxAbsDifference(plain, keepingPositions);
        }

        /** max |Δ logit| with the pixels shuffled under fixed position embeddings. */
        public double shuffledPixelsDifference() {
            return Logits.maxAbsDifference(plain, shuffledPixels);
        }
    }

    public static Result run(ViTModel vit, ChwImage input, int patch, long seed) throws ModelLoadException {
        return run(vit, input, patch, seed, Supersession.NEVER);
    }

    /** As above; stops with a CancellationException between blocks once {@code superseded} says so. */
    public static Result run(ViTModel vit, ChwImage input, int patch, long seed, BooleanSupplier superseded)
            throws ModelLoadException {
        float[] plain = vit.logits(input, patch);
        float[] kept;
        int[] order;
        try (ViTPass pass = ViTPass.start(vit, input, patch)) {
            order = PatchPermutation.seeded(pass.gridH() * pass.gridW(), seed);
            int prefix = vit.spec().prefixTokens();
            pass.replaceTokens(PatchPermutation.tokens(pass.tokens(), vit.spec().dim(), prefix, order), pass.tokenCount());
            for (int l = 0; l < vit.spec().depth(); l++) {
                Supersession.check(superseded, l);
                pass.block(l);
            }
            kept = pass.logits();
        }
        Supersession.check(superseded, 0);
        float[] shuffled = vit.logits(PatchPermutation.pixels(input, patch, order), patch);
        return new Result(order, plain, kept, shuffled);
    }
}
