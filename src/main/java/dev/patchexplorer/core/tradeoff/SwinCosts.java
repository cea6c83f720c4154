package dev.patchexplorer.core.tradeoff;

import java.util.ArrayList;
import java.util.List;

/**
 * What an image costs a Swin Transformer, in multiply-accumulates (SWEEP_AND_CONCEPTS.md section 5,
 * after Liu et al. 2021): per block 4hwC² (QKV and output projection) + 2M²hwC (scores and
 * attention x V inside M x M windows) + 8hwC² (MLP, ratio 4); patch embedding hw·P²·3·C; a patch
 * merging (hw/4)(4C)(2C) before each later stage; head 8C x classes. Beside it, the same model
 * with global attention, 2(hw)²C per block, which is what the windows save.
 *
 * <p>Like {@link TradeOffs}, only the matrix products count: layer norms, the relative position
 * bias, softmax, GELU, the shift mask and biases are left out. That is also how torchvision counts
 * its published GFLOPS (multiply-adds): our totals at 224 px are 4.4906, 8.7409 and 15.4309
 * GMACs for Swin-T/S/B against its 4.49, 8.74 and 15.43 (SwinCostsTest).
 *
 * <p>A stage whose grid is not a whole number of windows is padded to one, as timm and torchvision
 * do; a grid smaller than the window uses one window of the grid's size (the paper's rule).
 * Shifted windows cost the same (a cyclic roll and an additive mask).
 */
public record SwinCosts(SwinArchitecture architecture, int width, int height, int patch, List<Stage> stages,
                        long patchEmbeddingMacs, long headMacs) {

    /**
     * One stage: its grid, width, blocks and windows, and its MACs over all its blocks.
     *
     * @param window             the window side used (M, or the grid's side when smaller)
     * @param windows            windows per block, after padding the grid to whole windows
     * @param mergingMacs        the patch merging that made this stage's grid (0 for the first stage)
     * @param linearMacs         QKV, output projection and MLP
     * @param attentionMacs      scores and attention x V inside windows
     * @param globalAttentionMacs the same two products over the whole grid at once
     */
    public record Stage(int index, int gridRows, int gridCols, int width, int blocks, int heads, int window, int windows,
                        long mergingMacs, long linearMacs, long attentionMacs, long globalAttentionMacs,
                        long attentionBytesPerBlock, long globalAttentionBytesPerBlock) {
        public int tokens() {
            return gridRows * gridCols;
        }

        /** Tokens attention sees, padding included. */
        public int paddedTokens() {
            return windows * window * window;
        }
    }

    public static SwinCosts of(SwinArchitecture a, int width, int height, int patch) {
        int stride = a.finalStride(patch);
        if (patch < 1) throw new IllegalArgumentException("patch must be at least 1, got " + patch);
        if (width % stride != 0 || height % stride != 0) {
            throw new IllegalArgumentException("a " + a.name() + " at patch " + patch + " needs image sides that are multiples of "
                    + stride + " (patch x 2^" + (a.stages() - 1) + " merges), got " + width + "x" + height);
        }
        List<Stage> stages = new ArrayList<>();
        for (int s = 0; s < a.stages(); s++) {
            long rows = height / ((long) patch << s), cols = width / ((long) patch << s);
            long c = a.stageWidth(s), hidden = (long) (c * a.mlpRatio());
            long hw = rows * cols;
            long m = Math.min(a.window(), Math.min(rows, cols));
            long windows = ceilDiv(rows, m) * ceilDiv(cols, m);
            long padded = windows * m * m;
            long blocks = a.depth(s);
            long merging = s == 0 ? 0 : hw * (2 * c) * c; // (hw_prev / 4)(4 C_prev)(2 C_prev) = hw (2C)(C) with C = 2 C_prev
            long linear = blocks * (4 * padded * c * c + 2 * hw * c * hidden);
            long attention = blocks * 2 * padded * m * m * c;
            long global = blocks * 2 * hw * hw * c;
            long bytes = (long) a.heads(s) * windows * m * m * m * m * TradeOffs.FLOAT_BYTES;
            long globalBytes = (long) a.heads(s) * hw * hw * TradeOffs.FLOAT_BYTES;
            stages.add(new Stage(s, (int) rows, (int) cols, (int) c, (int) blocks, a.heads(s), (int) m, (int) windows,
                    merging, linear, attention, global, bytes, globalBytes));
        }
        Stage first = stages.get(0);
        long embed = (long) first.tokens() * patch * patch * a.channels() * a.embedDim();
        long head = (long) a.stageWidth(a.stages() - 1) * a.classes();
        return new SwinCosts(a, width, height, patch, List.copyOf(stages), embed, head);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    public long linearMacs() {
        return stages.stream().mapToLong(Stage::linearMacs).sum();
    }

    public long attentionMacs() {
        return stages.stream().mapToLong(Stage::attentionMacs).sum();
    }

    public long globalAttentionMacs() {
        return stages.stream().mapToLong(Stage::globalAttentionMacs).sum();
    }

    public long mergingMacs() {
        return stages.stream().mapToLong(Stage::mergingMacs).sum();
    }

    public long totalMacs() {
        return patchEmbeddingMacs + linearMacs() + attentionMacs() + mergingMacs() + headMacs;
    }

    /** The same model with every block attending over its whole stage grid. */
    public long globalTotalMacs() {
        return totalMacs() - attentionMacs() + globalAttentionMacs();
    }

    public double gmacs() {
        return totalMacs() / 1e9;
    }

    public double gflops() {
        return 2 * totalMacs() / 1e9;
    }

    public double globalGmacs() {
        return globalTotalMacs() / 1e9;
    }

    /** Fraction of the global-attention model's compute that the windows save. */
    public double windowSaving() {
        return 1 - (double) totalMacs() / globalTotalMacs();
    }

    /** Fraction of the compute in the attention products. */
    public double attentionShare() {
        return (double) attentionMacs() / totalMacs();
    }
}
