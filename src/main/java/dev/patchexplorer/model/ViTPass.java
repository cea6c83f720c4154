package dev.patchexplorer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.tradeoff.PassKind;

/**
 * One forward pass of a loaded ViT run a step at a time, for the concept pages that look inside the
 * network (tokens after a block, a logit lens, a permuted sequence, token merging). The tokens can be
 * read out and replaced between steps as plain arrays ({@code [tokens][dim]}, prefix tokens first), so
 * the probes never see an NDArray. The steps are the model's own embedding, blocks and head; only
 * {@link #attend} and {@link #mlp} split a block in two, for ToMe, which merges between them.
 * <p>Not thread-safe: one pass per thread. Close it to free the pass's native memory.
 */
public final class ViTPass implements AutoCloseable {
    private final ViTModel vit;
    private final NDManager manager;
    private final int gridH;
    private final int gridW;
    private NDArray x;

    private ViTPass(ViTModel vit, NDManager manager, int gridH, int gridW, NDArray x) {
        this.vit = vit;
        this.manager = manager;
        this.gridH = gridH;
        this.gridW = gridW;
        this.x = x;
    }

    /**
     * Embeds {@code input} (patch embedding, prefix tokens, position embedding), as {@link ViTModel#forward}
     * does with the same input and patch; refused like a logits pass when it would not fit in memory.
     */
    public static ViTPass start(ViTModel vit, ChwImage input, int patch) throws ModelLoadException {
        int[] grid = vit.grid(input, patch);
        vit.checkInput(PassKind.LOGITS, vit.spec().depth(), grid, input);
        NDManager m = vit.weights().manager().newSubManager();
        try {
            NDArray image = m.create(input.data(), new Shape(1, 3, input.height(), input.width()));
            return new ViTPass(vit, m, grid[0], grid[1], vit.embed(m, image, patch, grid));
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    public ViTSpec spec() {
        return vit.spec();
    }

    public int gridH() {
        return gridH;
    }

    public int gridW() {
        return gridW;
    }

    /** Tokens in the sequence now (prefix tokens included): fewer than at the start once tokens merged. */
    public int tokenCount() {
        return Math.toIntExact(x.getShape().get(1));
    }

    /** A copy of the tokens now, {@code [tokens][dim]}. */
    public float[] tokens() {
        return NonFiniteOutputException.requireFinite(x.toFloatArray(), vit.weights());
    }

    /** Replaces the sequence with {@code count} tokens of width dim (e.g. the same tokens in another order). */
    public void replaceTokens(float[] values, int count) {
        int d = vit.spec().dim();
        if (count < 1 || values.length != (long) count * d) {
            throw new IllegalArgumentException("expected " + count + " tokens of width " + d + ", got " + values.length + " values");
        }
        x = manager.create(values, new Shape(1, count, d));
    }

    /** Runs block {@code l} (0-based) on the tokens, exactly as the plain forward pass does. */
    public void block(int l) {
        x = vit.block(x, checkBlock(l), null);
    }

    /**
     * The attention half of block {@code l} with proportional attention (ToMe): log(size) of each key is
     * added to the attention logits, so a token that stands for s patches weighs as s of them; sizes all 1
     * give the plain block's attention. Returns the keys averaged over heads, {@code [tokens][headDim]}:
     * ToMe's similarity metric.
     *
     * @param sizes how many original tokens each token stands for, or null for all 1
     */
    public float[] attend(int l, float[] sizes) {
        ViTSpec spec = vit.spec();
        ViTWeights.Block b = vit.vitWeights().blocks().get(checkBlock(l));
        int d = spec.dim();
        long n = x.getShape().get(1);
        int heads = spec.heads();
        long hd = d / heads;
        NDArray h = Ops.layerNorm(x, b.norm1());
        NDArray qkv = Ops.linear(h, b.qkvWeight(), b.qkvBias()).reshape(1, n, 3, heads, hd).transpose(2, 0, 3, 1, 4);
        NDArray q = qkv.get(0);
        q = q.mul(Ops.scalar(q, (float) (1.0 / Math.sqrt(hd))));
        NDArray k = qkv.get(1);
        NDArray v = qkv.get(2);
        NDArray logits = q.matMul(k.transpose(0, 1, 3, 2)); // (1, H, N, N)
        if (sizes != null) {
            if (sizes.length != n) throw new IllegalArgumentException(sizes.length + " sizes for " + n + " tokens");
            float[] logSize = new float[sizes.length];
            for (int i = 0; i < sizes.length; i++) logSize[i] = (float) Math.log(sizes[i]);
            logits = logits.add(manager.create(logSize, new Shape(1, 1, 1, n))); // one bias per key
        }
        NDArray o = logits.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(1, n, d);
        o = Ops.linear(o, b.projWeight(), b.projBias());
        if (b.layerScale1() != null) o = o.mul(b.layerScale1());
        x = x.add(o);
        return NonFiniteOutputException.requireFinite(k.mean(new int[] {1}).toFloatArray(), vit.weights());
    }

    /** The MLP half of block {@code l}: together with {@link #attend} (sizes all 1) the whole block. */
    public void mlp(int l) {
        ViTWeights.Block b = vit.vitWeights().blocks().get(checkBlock(l));
        NDArray h = Ops.linear(Ops.gelu(Ops.linear(Ops.layerNorm(x, b.norm2()), b.fc1Weight(), b.fc1Bias())),
                b.fc2Weight(), b.fc2Bias());
        if (b.layerScale2() != null) h = h.mul(b.layerScale2());
        x = x.add(h);
    }

    /**
     * The classifier's logits for the tokens as they are now: final norm, pooling and head. After the last
     * block that is the model's answer; after an earlier one it is the logit lens.
     */
    public float[] logits() {
        if (vit.spec().numClasses() == 0) throw new IllegalStateException(vit.spec().architecture() + " has no classifier head");
        return NonFiniteOutputException.requireFinite(vit.head(x).toFloatArray(), vit.weights());
    }

    private int checkBlock(int l) {
        if (l < 0 || l >= vit.spec().depth()) {
            throw new IllegalArgumentException("block must be 0 to " + (vit.spec().depth() - 1) + ", got " + l);
        }
        return l;
    }

    @Override
    public void close() {
        manager.close();
    }
}
