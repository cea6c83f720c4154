package dev.patchexplorer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.resample.BicubicWeights;
import dev.patchexplorer.core.resample.PiResize;
import dev.patchexplorer.core.tradeoff.MemoryBudget;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.tradeoff.VitShape;
import dev.patchexplorer.core.vit.PatchMode;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * A timm-layout Vision Transformer run with DJL NDArray ops at any patch size and grid.
 * <p>The patch size given to {@link #forward} is the size the patch embedding runs at: the native
 * size runs the checkpoint's kernel (RESIZE mode: the caller resized the image to grid * native
 * pixels), any other size PI-resizes the original kernel (FLEXI mode). Either way the position
 * embedding is resampled (PyTorch bicubic, no antialias) when the grid differs from the trained one.
 * Use {@code core.vit.InputPlan} to turn a slider value into the input size and patch size.
 * <p>Thread-safe: forward passes may run concurrently; gradient passes are serialised.
 */
public final class ViTModel implements VisionModel {
    private static final int CACHE_LIMIT = 16;

    private final ModelConfig config;
    private final Weights weights;
    private final ViTWeights w;
    private final ViTSpec spec;
    private final Map<Integer, float[]> kernels = new ConcurrentHashMap<>();
    private final Map<Long, float[]> posEmbeds = new ConcurrentHashMap<>();
    private volatile Supplier<MemoryBudget> budget = SystemMemory::budget;

    ViTModel(ModelConfig config, Weights weights, ViTWeights vit) {
        this.config = config;
        this.weights = weights;
        this.w = vit;
        this.spec = vit.spec();
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    public ViTSpec spec() {
        return spec;
    }

    @Override
    public int numClasses() {
        return spec.numClasses();
    }

    /** Logits and the attention of every layer for an input of (gridH * patch) x (gridW * patch) pixels. */
    public ViTOutput forward(ChwImage input, int patch) throws ModelLoadException {
        return forward(input, patch, l -> true, () -> false);
    }

    /**
     * Logits and the attention of the layers {@code copyLayer} accepts (0-based; the others stay null:
     * copying every layer's N x N maps to Java costs about a tenth of the pass at 785 tokens). Between
     * blocks {@code superseded} is asked whether the caller still wants the answer; once it says no the
     * pass stops with a {@link CancellationException}, so a pass nobody will show does not hold the
     * inference thread for the rest of the network.
     */
    public ViTOutput forward(ChwImage input, int patch, IntPredicate copyLayer, BooleanSupplier superseded)
            throws ModelLoadException {
        int[] grid = grid(input, patch);
        checkInput(PassKind.ATTENTION_MAPS, spec.depth(), grid, input);
        try (NDManager m = weights.manager().newSubManager()) {
            NDArray x = m.create(input.data(), new Shape(1, 3, input.height(), input.width()));
            float[][] attention = new float[spec.depth()][];
            NDArray logits = run(m, x, patch, grid, attention, copyLayer, superseded);
            for (float[] layer : attention) if (layer != null) NonFiniteOutputException.requireFinite(layer, weights);
            float[] values = logits == null ? new float[0] : NonFiniteOutputException.requireFinite(logits.toFloatArray(), weights);
            return new ViTOutput(values, grid[0], grid[1], spec.prefixTokens(), spec.heads(), spec.depth(), attention);
        }
    }

    /** Logits alone, without copying out the attention maps: cheaper than {@link #forward} for classification. */
    public float[] logits(ChwImage input, int patch) throws ModelLoadException {
        if (spec.numClasses() == 0) throw new IllegalStateException(spec.architecture() + " has no classifier head");
        int[] grid = grid(input, patch);
        checkInput(PassKind.LOGITS, spec.depth(), grid, input);
        try (NDManager m = weights.manager().newSubManager()) {
            NDArray x = m.create(input.data(), new Shape(1, 3, input.height(), input.width()));
            return NonFiniteOutputException.requireFinite(run(m, x, patch, grid, null).toFloatArray(), weights);
        }
    }

    /**
     * Logits from the prefix tokens and the patch tokens {@code kept} only, as MAE's encoder sees an image:
     * every patch is embedded and given its own position embedding, then the others are dropped before
     * block 0. {@code kept}: row-major indices into the grid, ascending, no repeats; keeping all of them
     * is the plain pass ({@link #logits}).
     *
     * @throws IllegalArgumentException for an empty, unsorted or out-of-grid {@code kept}
     */
    public float[] logitsOfKept(ChwImage input, int patch, int[] kept) throws ModelLoadException {
        if (spec.numClasses() == 0) throw new IllegalStateException(spec.architecture() + " has no classifier head");
        int[] grid = grid(input, patch);
        int patches = grid[0] * grid[1];
        if (kept.length == 0) throw new IllegalArgumentException("no patch token kept");
        for (int i = 0; i < kept.length; i++) {
            if (kept[i] < 0 || kept[i] >= patches || (i > 0 && kept[i] <= kept[i - 1])) {
                throw new IllegalArgumentException("kept patch tokens must be ascending indices below " + patches);
            }
        }
        checkInput(PassKind.LOGITS, spec.depth(), grid, input);
        try (NDManager m = weights.manager().newSubManager()) {
            NDArray image = m.create(input.data(), new Shape(1, 3, input.height(), input.width()));
            int prefix = spec.prefixTokens();
            long[] rows = new long[prefix + kept.length];
            for (int i = 0; i < prefix; i++) rows[i] = i;
            for (int i = 0; i < kept.length; i++) rows[prefix + i] = prefix + kept[i];
            NDArray x = embed(m, image, patch, grid).get(new NDIndex(":, {}", m.create(rows)));
            for (int l = 0; l < spec.depth(); l++) x = block(x, l, null);
            return NonFiniteOutputException.requireFinite(head(x).toFloatArray(), weights);
        }
    }

    /** d logit[top-1] / d input. */
    public InputGradient inputGradTop1(ChwImage input, int patch) throws ModelLoadException {
        return inputGradient(input, patch, -1);
    }

    /** d logit[classIndex] / d input; classIndex -1 picks the top-1 class of this pass. */
    public InputGradient inputGradient(ChwImage input, int patch, int classIndex) throws ModelLoadException {
        if (spec.numClasses() == 0) throw new IllegalStateException(spec.architecture() + " has no classifier head");
        int[] grid = grid(input, patch);
        checkInput(PassKind.GRADIENT, spec.depth(), grid, input);
        return Autograd.inputGradient(weights, input, classIndex, (m, x) -> run(m, x, patch, grid, null));
    }

    /**
     * Effective receptive field of one patch token (Luo et al. 2016, for a ViT): d (sum over channels of
     * patch token (row, col)'s output after {@code layer} blocks) / d input. Layer 0 is the patch embedding
     * plus position embedding, so only the token's own patch has a non-zero gradient; layer L (1..depth) is
     * block L's output, before the final norm. {@code input} and {@code patch} as for {@link #forward}:
     * the caller's {@code core.vit.InputPlan} decides them for RESIZE and FLEXI modes.
     *
     * @throws IllegalArgumentException for a layer outside 0..depth or a token outside the grid
     */
    public TokenGradient tokenGradient(ChwImage input, int patch, int layer, int row, int col) throws ModelLoadException {
        int[] grid = checkToken(input, patch, layer, row, col);
        checkInput(PassKind.GRADIENT, layer, grid, input);
        ChwImage grad = Autograd.scalarGradient(weights, input,
                (m, x) -> tokenSum(m, x, patch, grid, layer, row, col));
        return new TokenGradient(layer, row, col, grid[0], grid[1], patch, grad);
    }

    /** The value {@link #tokenGradient} differentiates, from a forward pass alone (for checks by finite differences). */
    double tokenOutputSum(ChwImage input, int patch, int layer, int row, int col) throws ModelLoadException {
        int[] grid = checkToken(input, patch, layer, row, col);
        checkInput(PassKind.LOGITS, layer, grid, input);
        try (NDManager m = weights.manager().newSubManager()) {
            NDArray x = m.create(input.data(), new Shape(1, 3, input.height(), input.width()));
            return NonFiniteOutputException.requireFinite(tokenSum(m, x, patch, grid, layer, row, col).getFloat(), weights);
        }
    }

    private int[] checkToken(ChwImage input, int patch, int layer, int row, int col) throws ModelLoadException {
        int[] grid = grid(input, patch);
        if (layer < 0 || layer > spec.depth()) {
            throw new IllegalArgumentException("layer must be 0 (patch embedding) to " + spec.depth() + ", got " + layer);
        }
        if (row < 0 || row >= grid[0] || col < 0 || col >= grid[1]) {
            throw new IllegalArgumentException("no patch token (" + row + ", " + col + ") in a " + grid[0] + "x" + grid[1] + " grid");
        }
        return grid;
    }

    /**
     * Refuses a pass of {@code kind} on a gridH x gridW grid that would not fit this machine's memory
     * ({@link AttentionBudget}), naming a patch or working size that fits. Callers check before preparing
     * the input, which for a huge grid is itself too large; every pass checks again on its input.
     *
     * @param setting the user's patch and working image: the input size follows from it and the mode
     */
    public void checkMemory(PassKind kind, int gridH, int gridW, AttentionBudget.Setting setting) throws ModelLoadException {
        int side = setting.mode() == PatchMode.RESIZE ? spec.nativePatch() : setting.patch();
        AttentionBudget.check(shape(), spec.nativePatch(), kind, spec.depth(), gridH, gridW, gridH * side, gridW * side,
                budget.get(), setting, Runtime.getRuntime().maxMemory());
    }

    /** The check every pass makes on its own input, before it allocates anything. */
    void checkInput(PassKind kind, int blocks, int[] grid, ChwImage input) throws ModelLoadException {
        AttentionBudget.check(shape(), spec.nativePatch(), kind, blocks, grid[0], grid[1], input.height(), input.width(),
                budget.get(), null, Runtime.getRuntime().maxMemory());
    }

    /** The loaded tensors and their manager, for {@link ViTPass}, which runs this network a step at a time. */
    Weights weights() {
        return weights;
    }

    /** The ViT's own tensors (blocks, norms, head), for {@link ViTPass}. */
    ViTWeights vitWeights() {
        return w;
    }

    VitShape shape() {
        return new VitShape(spec.dim(), spec.depth(), spec.heads(), spec.mlpHidden(), spec.prefixTokens(), spec.numClasses());
    }

    /** Arrays the weights' manager and its passes hold now: lets a test see that a refused pass created none. */
    int weightsManagerArrays() {
        return weights.manager().getManagedArrays().size();
    }

    /**
     * Bytes of the arrays a logits pass holds in its manager when the forward pass ends, counted from their
     * shapes: what {@link dev.patchexplorer.core.tradeoff.PassMemory} estimates, for tests that check the estimate.
     */
    long forwardHeldBytes(ChwImage input, int patch) {
        int[] grid = grid(input, patch);
        try (NDManager m = weights.manager().newSubManager()) {
            run(m, m.create(input.data(), new Shape(1, 3, input.height(), input.width())), patch, grid, null);
            return HeldArrays.bytes(m);
        }
    }

    /** Replaces the machine's budget, for tests that refuse a small pass without needing a small machine. */
    void useBudget(Supplier<MemoryBudget> budget) {
        this.budget = budget;
    }

    /** The patch-embedding kernel used at {@code patch} ([dim][3][patch][patch]): PI-resized from the original. */
    public float[] patchKernel(int patch) {
        if (patch == spec.nativePatch()) return w.patchKernel();
        return cached(kernels, patch, () -> PiResize.resize(w.patchKernel(), spec.dim() * 3, spec.nativePatch(), patch));
    }

    /** The patch embedding's bias ([dim]): the same at every patch size, since PI-resize changes the kernel only. */
    public float[] patchBias() {
        return w.patchBias() == null ? new float[spec.dim()] : w.patchBias().toFloatArray();
    }

    /** The position embedding for a gridH x gridW grid ([tokens][dim], prefix entries kept as trained). */
    public float[] positionEmbedding(int gridH, int gridW) {
        if (gridH == spec.nativeGridH() && gridW == spec.nativeGridW()) return w.posEmbed();
        long key = ((long) gridH << 32) | gridW;
        return cached(posEmbeds, key, () -> resamplePosEmbed(gridH, gridW));
    }

    private static <K> float[] cached(Map<K, float[]> cache, K key, java.util.function.Supplier<float[]> compute) {
        float[] v = cache.get(key);
        if (v == null) {
            v = compute.get();
            if (cache.size() >= CACHE_LIMIT) cache.clear(); // slider values repeat; a small cache is enough
            cache.put(key, v);
        }
        return v;
    }

    private float[] resamplePosEmbed(int gh, int gw) {
        int d = spec.dim();
        int prefix = spec.posEmbedHasPrefix() ? spec.prefixTokens() : 0;
        int nh = spec.nativeGridH();
        int nw = spec.nativeGridW();
        float[] src = w.posEmbed();
        float[] planes = new float[d * nh * nw]; // [dim][nh][nw], as F.interpolate sees it
        for (int t = 0; t < nh * nw; t++) {
            for (int c = 0; c < d; c++) planes[c * nh * nw + t] = src[(prefix + t) * d + c];
        }
        float[] resized = BicubicWeights.resizePlanes(planes, d, nh, nw, gh, gw);
        float[] out = new float[(prefix + gh * gw) * d];
        System.arraycopy(src, 0, out, 0, prefix * d);
        for (int t = 0; t < gh * gw; t++) {
            for (int c = 0; c < d; c++) out[(prefix + t) * d + c] = resized[c * gh * gw + t];
        }
        return out;
    }

    int[] grid(ChwImage input, int patch) {
        if (input.channels() != 3) throw new IllegalArgumentException("expected 3 channels, got " + input.channels());
        if (patch <= 0 || input.height() % patch != 0 || input.width() % patch != 0) {
            throw new IllegalArgumentException("input " + input.width() + "x" + input.height()
                    + " is not a whole number of " + patch + " px patches");
        }
        return new int[] {input.height() / patch, input.width() / patch};
    }

    /** The network; fills {@code attention} when given. Returns logits (1, classes) or null without a head. */
    private NDArray run(NDManager m, NDArray image, int patch, int[] grid, float[][] attention) {
        return run(m, image, patch, grid, attention, l -> true, () -> false);
    }

    /** As above, copying only the layers {@code copyLayer} accepts; stops once {@code superseded} says so. */
    private NDArray run(NDManager m, NDArray image, int patch, int[] grid, float[][] attention,
                        IntPredicate copyLayer, BooleanSupplier superseded) {
        NDArray x = embed(m, image, patch, grid);
        for (int l = 0; l < spec.depth(); l++) {
            if (superseded.getAsBoolean()) throw new CancellationException("superseded before block " + l);
            x = block(x, l, attention != null && copyLayer.test(l) ? attention : null);
        }
        return head(x);
    }

    /** Tokens (1, N, D) entering block 0: patch embedding, prefix tokens, position embedding. */
    NDArray embed(NDManager m, NDArray image, int patch, int[] grid) {
        int d = spec.dim();
        int gh = grid[0];
        int gw = grid[1];
        NDArray kernel = m.create(patchKernel(patch), new Shape(d, 3, patch, patch));
        NDArray x = Ops.conv(image, kernel, w.patchBias(), patch, 0, 1)  // (1, D, gh, gw)
                .reshape(1, d, (long) gh * gw).transpose(0, 2, 1);          // (1, gh*gw, D)
        NDArray pos = m.create(positionEmbedding(gh, gw), new Shape(1, (spec.posEmbedHasPrefix() ? spec.prefixTokens() : 0) + (long) gh * gw, d));
        if (!spec.posEmbedHasPrefix()) x = x.add(pos);
        NDList parts = new NDList();
        if (spec.classToken()) parts.add(m.create(w.classToken(), new Shape(1, 1, d)));
        if (spec.distillationToken()) parts.add(m.create(w.distToken(), new Shape(1, 1, d)));
        if (spec.registerTokens() > 0) parts.add(m.create(w.registerTokens(), new Shape(1, spec.registerTokens(), d)));
        if (!parts.isEmpty()) {
            parts.add(x);
            x = NDArrays.concat(parts, 1);
        }
        if (spec.posEmbedHasPrefix()) x = x.add(pos);
        return x;
    }

    /** Transformer block {@code l} (pre-norm attention, then MLP); fills {@code attention[l]} when given. */
    NDArray block(NDArray x, int l, float[][] attention) {
        int d = spec.dim();
        long n = x.getShape().get(1);
        int heads = spec.heads();
        long hd = d / heads;
        float scale = (float) (1.0 / Math.sqrt(hd));
        ViTWeights.Block b = w.blocks().get(l);
        NDArray h = Ops.layerNorm(x, b.norm1());
        NDArray qkv = Ops.linear(h, b.qkvWeight(), b.qkvBias())
                .reshape(1, n, 3, heads, hd).transpose(2, 0, 3, 1, 4); // (3, 1, H, N, hd)
        NDArray q = qkv.get(0);
        q = q.mul(Ops.scalar(q, scale));
        NDArray k = qkv.get(1);
        NDArray v = qkv.get(2);
        NDArray attn = q.matMul(k.transpose(0, 1, 3, 2)).softmax(-1); // (1, H, N, N)
        if (attention != null) attention[l] = attn.toFloatArray();
        NDArray o = attn.matMul(v).transpose(0, 2, 1, 3).reshape(1, n, d);
        o = Ops.linear(o, b.projWeight(), b.projBias());
        if (b.layerScale1() != null) o = o.mul(b.layerScale1());
        x = x.add(o);
        h = Ops.linear(Ops.gelu(Ops.linear(Ops.layerNorm(x, b.norm2()), b.fc1Weight(), b.fc1Bias())), b.fc2Weight(), b.fc2Bias());
        if (b.layerScale2() != null) h = h.mul(b.layerScale2());
        return x.add(h);
    }

    /** Final norm, pooling and classifier: logits (1, classes), or null without a head. */
    NDArray head(NDArray x) {
        if (w.norm() != null) x = Ops.layerNorm(x, w.norm());
        if (spec.numClasses() == 0) return null;
        NDArray pooled = spec.globalPool().equals("avg")
                ? x.get(new NDIndex(":, {}:", spec.prefixTokens())).mean(new int[] {1})
                : x.get(new NDIndex(":, 0"));
        if (w.fcNorm() != null) pooled = Ops.layerNorm(pooled, w.fcNorm());
        NDArray logits = Ops.linear(pooled, w.headWeight(), w.headBias());
        if (spec.distillationToken()) { // DeiT distilled: average of both heads at inference
            NDArray distLogits = Ops.linear(x.get(new NDIndex(":, 1")), w.headDistWeight(), w.headDistBias());
            logits = logits.add(distLogits);
            logits = logits.div(Ops.scalar(logits, 2f));
        }
        return logits;
    }

    /** Sum over channels of patch token (row, col) after {@code layer} blocks: the scalar a token ERF differentiates. */
    private NDArray tokenSum(NDManager m, NDArray image, int patch, int[] grid, int layer, int row, int col) {
        NDArray x = embed(m, image, patch, grid);
        for (int l = 0; l < layer; l++) x = block(x, l, null);
        return x.get(new NDIndex("0, {}", spec.prefixTokens() + row * grid[1] + col)).sum();
    }

    @Override
    public void close() {
        weights.close();
    }
}
