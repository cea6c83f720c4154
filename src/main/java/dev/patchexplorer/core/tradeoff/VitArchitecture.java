package dev.patchexplorer.core.tradeoff;

/**
 * The numbers of a ViT that the trade-offs depend on. {@code nativePatch} and {@code nativeSize}
 * describe how it was trained; the readouts use whatever patch the user picks.
 *
 * @param classTokens        1 with a class token, 0 for pooled models without one
 * @param registerTokens     extra learned tokens (Darcet et al. 2024); they carry no position embedding in timm
 * @param distillationTokens 1 for DeiT-distilled models, which also have a second head
 */
public record VitArchitecture(String name, int width, int depth, int heads, double mlpRatio,
                              int classTokens, int registerTokens, int distillationTokens,
                              int classes, int channels, int nativePatch, int nativeSize) {
    public VitArchitecture {
        if (width <= 0 || depth <= 0 || heads <= 0 || channels <= 0 || nativePatch <= 0 || nativeSize <= 0) {
            throw new IllegalArgumentException("width, depth, heads, channels, patch and size must be positive");
        }
        if (width % heads != 0) throw new IllegalArgumentException("width " + width + " is not divisible by " + heads + " heads");
        if (classTokens < 0 || registerTokens < 0 || distillationTokens < 0 || classes < 0) {
            throw new IllegalArgumentException("token and class counts must not be negative");
        }
    }

    /** A plain ViT: one class token, MLP ratio 4, RGB input. */
    public static VitArchitecture standard(String name, int width, int depth, int heads, int patch, int size, int classes) {
        return new VitArchitecture(name, width, depth, heads, 4.0, 1, 0, 0, classes, 3, patch, size);
    }

    /** Tokens in front of the patch tokens (class, registers, distillation). */
    public int prefixTokens() {
        return classTokens + registerTokens + distillationTokens;
    }

    /** The sizes that decide a pass's memory ({@link PassMemory}). */
    public VitShape shape() {
        return new VitShape(width, depth, heads, mlpHidden(), prefixTokens(), classes);
    }

    public int headDim() {
        return width / heads;
    }

    /** Hidden width of the MLP (timm truncates D * ratio). */
    public int mlpHidden() {
        return (int) (width * mlpRatio);
    }

    /** Learnable parameters with the native patch and grid, counted as timm does (biases and norms included). */
    public long parameters() {
        long side = nativeSize / nativePatch;
        return parameters(nativePatch, side * side);
    }

    /**
     * Learnable parameters of this architecture built for {@code patch} and a grid of {@code patchTokens}
     * patches: the patch embedding follows P, the position embedding follows the grid.
     * <p>Why the position embedding follows the grid: the readouts describe the ViT built for the chosen
     * patch and grid (as the patch-embedding count already does), and such a model has one learned
     * position vector per patch token plus the class and distillation tokens, as timm's {@code pos_embed}
     * has; registers have none. A checkpoint run at another grid resamples its own table instead
     * (PATCH_MATH.md, "FlexiViT": position embeddings are resampled to the new grid).
     */
    public long parameters(int patch, long patchTokens) {
        long d = width;
        long hidden = mlpHidden();
        long perBlock = 2 * d            // norm1
                + 3 * d * d + 3 * d      // qkv
                + d * d + d              // proj
                + 2 * d                  // norm2
                + d * hidden + hidden    // fc1
                + hidden * d + d;        // fc2
        long tokens = (long) prefixTokens() * d;
        long position = (patchTokens + classTokens + distillationTokens) * d;
        long heads = classes == 0 ? 0 : (1L + distillationTokens) * (d * classes + classes);
        return patchEmbeddingParameters(patch) + tokens + position + depth * perBlock + 2 * d + heads;
    }

    /** The patch embedding at patch size P: a P x P x C -> D projection and D biases, P^2 C D + D. */
    public long patchEmbeddingParameters(int patch) {
        return (long) patch * patch * channels * width + width;
    }
}
