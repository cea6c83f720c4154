package dev.patchexplorer.model.probe;

import dev.patchexplorer.core.features.TokenSimilarity;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.model.ModelLoadException;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.ViTPass;

import java.util.function.BooleanSupplier;

/**
 * Concept 2 in one pass: the tokens after a chosen block (for the similarity heatmap) and the logit
 * lens, the class token after every block through the final norm and the classifier. After the last
 * block the lens is the model's own answer.
 */
public final class TokenProbe {
    private TokenProbe() {}

    /**
     * The sequence after {@code layer} blocks (0: the embedding with position embeddings), {@code [tokens][dim]}.
     */
    public record Tokens(int layer, float[] values, int dim, int prefix, int gridH, int gridW) {
        /** Cosine similarity of patch (row, col) to every patch, row-major gridH x gridW. */
        public double[] similarityMap(int row, int col) {
            return TokenSimilarity.cosineMap(values, dim, prefix, gridH, gridW, row, col);
        }
    }

    /**
     * @param lens lens[b] the logits from the sequence after block b (0-based), b = 0..depth-1; empty
     *             for a model without a classifier head
     */
    public record Result(Tokens tokens, float[][] lens) {}

    public static Result run(ViTModel vit, ChwImage input, int patch, int layer) throws ModelLoadException {
        return run(vit, input, patch, layer, Supersession.NEVER);
    }

    /** As above; stops with a CancellationException between blocks once {@code superseded} says so. */
    public static Result run(ViTModel vit, ChwImage input, int patch, int layer, BooleanSupplier superseded)
            throws ModelLoadException {
        int depth = vit.spec().depth();
        if (layer < 0 || layer > depth) {
            throw new IllegalArgumentException("block must be 0 (the embedding) to " + depth + ", got " + layer);
        }
        boolean head = vit.spec().numClasses() > 0;
        float[][] lens = new float[head ? depth : 0][];
        try (ViTPass pass = ViTPass.start(vit, input, patch)) {
            Tokens kept = layer == 0 ? tokens(vit, pass, 0) : null;
            for (int l = 0; l < depth; l++) {
                Supersession.check(superseded, l);
                pass.block(l);
                if (head) lens[l] = pass.logits();
                if (l + 1 == layer) kept = tokens(vit, pass, layer);
            }
            return new Result(kept, lens);
        }
    }

    private static Tokens tokens(ViTModel vit, ViTPass pass, int layer) {
        return new Tokens(layer, pass.tokens(), vit.spec().dim(), vit.spec().prefixTokens(), pass.gridH(), pass.gridW());
    }
}
