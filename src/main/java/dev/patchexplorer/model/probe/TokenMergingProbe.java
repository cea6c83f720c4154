package dev.patchexplorer.model.probe;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.tome.BipartiteMerge;
import dev.patchexplorer.model.ModelLoadException;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.ViTPass;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Token merging (ToMe, Bolya et al. 2023) inside the loaded ViT, training-free: in every block, after
 * attention, the keys averaged over heads pick r pairs by bipartite matching ({@link BipartiteMerge}),
 * each pair becomes one token (size-weighted average), sizes are tracked, and attention is proportional
 * (log size added to every key's logit). The MLP then sees the shorter sequence. With r = 0 this is the
 * plain model.
 */
public final class TokenMergingProbe {
    private TokenMergingProbe() {}

    /**
     * @param tokensIn tokensIn[b] tokens enter block b, tokensIn[depth] leave the last; it follows
     *                 {@link dev.patchexplorer.core.tome.MergeSchedule}
     * @param groups   groups[b][p]: the token (index in the sequence after block b) that holds original patch p
     *                 (row-major over the grid); patches with the same value have merged into one token
     */
    public record Result(int r, int gridH, int gridW, int[] tokensIn, int[][] groups, float[] logits) {}

    public static Result run(ViTModel vit, ChwImage input, int patch, int r) throws ModelLoadException {
        return run(vit, input, patch, r, Supersession.NEVER);
    }

    /** As above; stops with a CancellationException between blocks once {@code superseded} says so. */
    public static Result run(ViTModel vit, ChwImage input, int patch, int r, BooleanSupplier superseded)
            throws ModelLoadException {
        if (r < 0) throw new IllegalArgumentException("r must be 0 or more, got " + r);
        int depth = vit.spec().depth();
        int dim = vit.spec().dim();
        int prefix = vit.spec().prefixTokens();
        int headDim = dim / vit.spec().heads();
        try (ViTPass pass = ViTPass.start(vit, input, patch)) {
            int[] tokensIn = new int[depth + 1];
            int[][] groups = new int[depth][];
            int[] holder = new int[pass.gridH() * pass.gridW()];
            for (int p = 0; p < holder.length; p++) holder[p] = prefix + p;
            float[] sizes = new float[pass.tokenCount()];
            Arrays.fill(sizes, 1f);
            for (int l = 0; l < depth; l++) {
                Supersession.check(superseded, l);
                int n = pass.tokenCount();
                tokensIn[l] = n;
                float[] metric = pass.attend(l, sizes);
                BipartiteMerge merge = BipartiteMerge.match(metric, n, headDim, prefix, r);
                if (merge.merged() > 0) {
                    pass.replaceTokens(merge.mergeRows(pass.tokens(), dim, sizes), merge.tokensAfter());
                    sizes = merge.mergeSizes(sizes);
                    int[] target = merge.target();
                    for (int p = 0; p < holder.length; p++) holder[p] = target[holder[p]];
                }
                groups[l] = holder.clone();
                pass.mlp(l);
            }
            tokensIn[depth] = pass.tokenCount();
            float[] logits = vit.spec().numClasses() > 0 ? pass.logits() : new float[0];
            return new Result(r, pass.gridH(), pass.gridW(), tokensIn, groups, logits);
        }
    }
}
