package dev.patchexplorer.core.tradeoff;

import java.util.Arrays;

/**
 * A Swin Transformer (Liu et al., ICCV 2021): a patch embedding, then stages of blocks with
 * attention inside M x M windows, the width doubling and the grid halving at each patch merging.
 *
 * @param embedDim width C of the first stage
 * @param depths   blocks per stage
 * @param heads    attention heads per stage
 */
public record SwinArchitecture(String name, int embedDim, int[] depths, int[] heads, int window, double mlpRatio,
                               int classes, int channels, int nativePatch, int nativeSize) {
    public SwinArchitecture {
        if (embedDim <= 0 || window <= 0 || channels <= 0 || nativePatch <= 0 || nativeSize <= 0 || classes < 0) {
            throw new IllegalArgumentException("width, window, channels, patch and size must be positive");
        }
        if (depths.length == 0 || depths.length != heads.length) throw new IllegalArgumentException("one depth and one head count per stage");
        depths = depths.clone();
        heads = heads.clone();
    }

    /** The ImageNet-1k classifiers of the paper: patch 4, window 7, 224 px, MLP ratio 4. */
    public static SwinArchitecture standard(String name, int embedDim, int[] depths, int[] heads) {
        return new SwinArchitecture(name, embedDim, depths, heads, 7, 4.0, 1000, 3, 4, 224);
    }

    public int stages() {
        return depths.length;
    }

    /** Width of stage s (0-based): C x 2^s. */
    public int stageWidth(int stage) {
        return embedDim << stage;
    }

    public int depth(int stage) {
        return depths[stage];
    }

    public int heads(int stage) {
        return heads[stage];
    }

    /** Pixels one token of the last stage spans: patch x 2^(stages - 1); image sides must be multiples of it. */
    public int finalStride(int patch) {
        return patch << (stages() - 1);
    }

    public int totalDepth() {
        return Arrays.stream(depths).sum();
    }

    /**
     * Learnable parameters as torchvision builds the model: patch embedding and its norm; per block two
     * norms, QKV, projection, MLP and the relative position bias table ((2M − 1)² per head); per merging
     * a norm over 4C and a 4C → 2C reduction without bias; final norm and head.
     * Checked against torchvision's published num_params (SwinCostsTest).
     */
    public long parameters() {
        long c0 = embedDim;
        long p = (long) nativePatch * nativePatch * channels * c0 + c0 + 2 * c0;
        long bias = (2L * window - 1) * (2L * window - 1);
        for (int s = 0; s < stages(); s++) {
            long c = stageWidth(s), hidden = (long) (c * mlpRatio);
            long block = 2 * c + 3 * c * c + 3 * c + bias * heads[s] + c * c + c + 2 * c + c * hidden + hidden + hidden * c + c;
            p += depths[s] * block;
            if (s + 1 < stages()) p += 2 * (4 * c) + (4 * c) * (2 * c);
        }
        long last = stageWidth(stages() - 1);
        return p + 2 * last + (classes == 0 ? 0 : last * classes + classes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SwinArchitecture a && a.name.equals(name) && a.embedDim == embedDim && Arrays.equals(a.depths, depths)
                && Arrays.equals(a.heads, heads) && a.window == window && a.mlpRatio == mlpRatio && a.classes == classes
                && a.channels == channels && a.nativePatch == nativePatch && a.nativeSize == nativeSize;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(depths);
    }

    @Override
    public int[] depths() {
        return depths.clone();
    }

    @Override
    public int[] heads() {
        return heads.clone();
    }

    @Override
    public String toString() {
        return name;
    }
}
