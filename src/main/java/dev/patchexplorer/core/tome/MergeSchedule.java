package dev.patchexplorer.core.tome;

import dev.patchexplorer.core.tradeoff.TradeOffs;
import dev.patchexplorer.core.tradeoff.VitArchitecture;

import java.util.Arrays;

/**
 * ToMe's token count per block: each block merges r tokens, but at most half of the tokens that
 * may merge (bipartite matching pairs a token of set A with one of set B), and the class token
 * (and any other prefix token) never merges. With 197 tokens and r = 13 over 12 blocks,
 * 41 tokens remain (SWEEP_AND_CONCEPTS.md section 3).
 *
 * @param tokensIn tokensIn[i] tokens enter block i; tokensIn[depth] leave the last block
 * @param merged   merged[i] tokens block i merges away
 */
public record MergeSchedule(int[] tokensIn, int[] merged, int protectedTokens) {
    public MergeSchedule {
        tokensIn = tokensIn.clone();
        merged = merged.clone();
    }

    /**
     * @param tokens          sequence length entering the first block (patches + prefix tokens)
     * @param r               tokens to merge per block (0: the plain model)
     * @param depth           blocks
     * @param protectedTokens tokens that never merge (1 for the class token)
     */
    public static MergeSchedule of(int tokens, int r, int depth, int protectedTokens) {
        if (tokens < 1 || depth < 0 || r < 0 || protectedTokens < 0 || protectedTokens > tokens) {
            throw new IllegalArgumentException("need tokens >= 1, depth >= 0, r >= 0 and 0 <= protected <= tokens");
        }
        int[] in = new int[depth + 1];
        int[] merged = new int[depth];
        in[0] = tokens;
        for (int b = 0; b < depth; b++) {
            merged[b] = Math.min(r, (in[b] - protectedTokens) / 2);
            in[b + 1] = in[b] - merged[b];
        }
        return new MergeSchedule(in, merged, protectedTokens);
    }

    public int depth() {
        return merged.length;
    }

    /** Tokens after the last block. */
    public int finalTokens() {
        return tokensIn[tokensIn.length - 1];
    }

    /**
     * The encoder's MACs with merging, from the trade-off formulas: ToMe merges between attention and
     * the MLP, so block i's QKV, projection and attention products see tokensIn[i] tokens and its MLP
     * tokensIn[i + 1]. The matching itself (a similarity between the two halves over the keys) is
     * left out, as are norms and softmax in the readouts. With r = 0 this is the plain encoder.
     */
    public long encoderMacs(VitArchitecture a) {
        if (a.depth() != depth()) throw new IllegalArgumentException("the schedule has " + depth() + " blocks, " + a.name() + " " + a.depth());
        long d = a.width();
        long total = 0;
        for (int b = 0; b < depth(); b++) {
            long n = tokensIn[b], after = tokensIn[b + 1];
            total += 4 * n * d * d + TradeOffs.blockAttentionMacs(a, n) + 2 * after * d * a.mlpHidden();
        }
        return total;
    }

    @Override
    public int[] tokensIn() {
        return tokensIn.clone();
    }

    @Override
    public int[] merged() {
        return merged.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MergeSchedule m && Arrays.equals(m.tokensIn, tokensIn) && m.protectedTokens == protectedTokens;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tokensIn);
    }
}
