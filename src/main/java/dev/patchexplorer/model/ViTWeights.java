package dev.patchexplorer.model;

import ai.djl.ndarray.NDArray;
import dev.patchexplorer.model.Ops.LayerNormParams;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timm VisionTransformer checkpoint (also DeiT, DeiT-distilled, DINO, register models):
 * dimensions from tensor shapes, head count from model_args or the size name, every tensor
 * checked against the shape the architecture implies. Pieces that are resampled per request
 * (patch kernel, position embedding, prefix tokens) are kept as Java arrays.
 */
record ViTWeights(ViTSpec spec, float[] patchKernel, NDArray patchBias, float[] classToken, float[] distToken,
                  float[] registerTokens, float[] posEmbed, List<Block> blocks, LayerNormParams norm,
                  LayerNormParams fcNorm, NDArray headWeight, NDArray headBias, NDArray headDistWeight,
                  NDArray headDistBias) {
    static final float LN_EPS = 1e-6f;
    private static final Pattern SIZE_NAME = Pattern.compile("(tiny|small|medium|base|large|huge|giant|gigantic)");

    record Block(LayerNormParams norm1, NDArray qkvWeight, NDArray qkvBias, NDArray projWeight, NDArray projBias,
                 NDArray layerScale1, LayerNormParams norm2, NDArray fc1Weight, NDArray fc1Bias, NDArray fc2Weight,
                 NDArray fc2Bias, NDArray layerScale2) {}

    static ViTWeights load(ModelConfig cfg, Weights w) throws ModelLoadException {
        int dim = w.axis("patch_embed.proj.weight", 4, 0);
        int patch = w.axis("patch_embed.proj.weight", 4, 2);
        long[] pe = w.shape("patch_embed.proj.weight");
        if (pe[1] != 3 || pe[2] != pe[3]) {
            throw new ModelLoadException("tensor patch_embed.proj.weight has the wrong shape: expected [dim, 3, P, P], got "
                    + java.util.Arrays.toString(pe) + "; the checkpoint is damaged or not a ViT");
        }
        Contradiction.requireAgree("model_args.embed_dim", cfg.intArg("embed_dim", -1), dim,
                "patch_embed.proj.weight makes the width " + dim);
        int patchArg = squareArg(cfg, "patch_size");
        Contradiction.requireAgree("model_args.patch_size", patchArg, patch,
                "patch_embed.proj.weight has " + patch + " px patches");
        int depth = 0;
        while (w.has("blocks." + depth + ".norm1.weight") || w.has("blocks." + depth + ".attn.qkv.weight")) depth++;
        if (depth == 0) throw new ModelLoadException("missing tensor blocks.0.attn.qkv.weight: no transformer blocks found; "
                + "the checkpoint is not a ViT or is damaged");
        Contradiction.requireAgree("model_args.depth", cfg.intArg("depth", -1), depth,
                "the weights hold " + depth + " transformer blocks (blocks.0 to blocks." + (depth - 1) + ")");
        requireNoBlockAfter(w, depth);
        int heads = heads(cfg, dim);
        boolean cls = w.has("cls_token");
        boolean dist = w.has("dist_token");
        int regs = w.has("reg_token") ? w.axis("reg_token", 3, 1) : 0;
        int prefix = (cls ? 1 : 0) + (dist ? 1 : 0) + regs;

        int imgArg = squareArg(cfg, "img_size");
        boolean sizeFromConfig = imgArg > 0 || cfg.inputSizeGiven();
        int imageH = imgArg > 0 ? imgArg : cfg.inputHeight();
        int imageW = imgArg > 0 ? imgArg : cfg.inputWidth();
        String sizeField = imgArg > 0 ? "model_args.img_size" : "pretrained_cfg.input_size";
        int gh = imageH / patch;
        int gw = imageW / patch;
        long posLen = w.axis("pos_embed", 3, 1);
        boolean posHasPrefix;
        if (posLen == (long) gh * gw + prefix) {
            posHasPrefix = true;
        } else if (posLen == (long) gh * gw) {
            posHasPrefix = false;
        } else {
            if (sizeFromConfig) {
                throw Contradiction.of(sizeField, imageH + "x" + imageW + " px", "with " + patch + " px patches that is a "
                        + gh + "x" + gw + " grid, and pos_embed has " + posLen + " entries, not " + ((long) gh * gw)
                        + " (or " + ((long) gh * gw + prefix) + " with the prefix tokens)");
            }
            long side = Math.round(Math.sqrt(Math.max(posLen - prefix, 0)));
            if (posLen > prefix && side * side == posLen - prefix) {
                posHasPrefix = true; // no size in the config: the tensor says which grid it was trained for
            } else {
                side = Math.round(Math.sqrt(Math.max(posLen, 0)));
                if (posLen <= 0 || side * side != posLen) {
                    throw new ModelLoadException("tensor pos_embed has the wrong shape: expected [1, " + (prefix + gh * gw) + ", " + dim
                            + "] for a " + gh + "x" + gw + " grid, got " + java.util.Arrays.toString(w.shape("pos_embed"))
                            + "; the checkpoint is damaged");
                }
                posHasPrefix = false;
            }
            gh = gw = (int) side;
        }
        if (gh < 1 || gw < 1) {
            throw new ModelLoadException("the input size " + imageW + "x" + imageH + " px in config.json is smaller than one "
                    + patch + " px patch of this checkpoint; fix " + sizeField);
        }
        float[] posEmbed = w.floats("pos_embed", 1, posLen, dim);

        List<Block> blocks = new ArrayList<>();
        long mlp = -1;
        for (int i = 0; i < depth; i++) {
            String b = "blocks." + i + ".";
            if (mlp < 0) {
                mlp = w.axis(b + "mlp.fc1.weight", 2, 0);
                requireMlpRatio(cfg, dim, mlp);
            }
            blocks.add(new Block(
                    LayerNormParams.load(w, b + "norm1", dim, LN_EPS),
                    w.array(b + "attn.qkv.weight", 3L * dim, dim), w.optionalArray(b + "attn.qkv.bias", 3L * dim),
                    w.array(b + "attn.proj.weight", dim, dim), w.array(b + "attn.proj.bias", dim),
                    w.optionalArray(b + "ls1.gamma", dim),
                    LayerNormParams.load(w, b + "norm2", dim, LN_EPS),
                    w.array(b + "mlp.fc1.weight", mlp, dim), w.array(b + "mlp.fc1.bias", mlp),
                    w.array(b + "mlp.fc2.weight", dim, mlp), w.array(b + "mlp.fc2.bias", dim),
                    w.optionalArray(b + "ls2.gamma", dim)));
        }
        String pool = cfg.globalPool() != null ? cfg.globalPool() : "token";
        if (!pool.equals("token") && !pool.equals("avg")) {
            throw new ModelLoadException("config.json: global_pool '" + SafetensorsEntries.shown(pool)
                    + "' is not supported for a ViT; it must be token or avg");
        }
        if (pool.equals("token") && !cls) {
            throw Contradiction.of("global_pool", "'token'", "the weights have no cls_token to pool");
        }
        int headRows = w.has("head.weight") ? w.axis("head.weight", 2, 0) : 0;
        if (cfg.numClasses() > 0 && w.has("head.weight")) {
            Contradiction.requireAgree("num_classes", cfg.numClasses(), headRows, "head.weight has " + headRows + " rows (classes)");
        }
        int numClasses = cfg.numClasses() >= 0 ? cfg.numClasses() : headRows;
        NDArray headW = null, headB = null, distW = null, distB = null;
        if (numClasses > 0) {
            headW = w.array("head.weight", numClasses, dim);
            headB = w.array("head.bias", numClasses);
            if (dist) {
                distW = w.array("head_dist.weight", numClasses, dim);
                distB = w.array("head_dist.bias", numClasses);
            }
        }
        ViTSpec spec = new ViTSpec(cfg.architecture(), dim, depth, heads, (int) mlp, patch, gh, gw, cls, dist, regs,
                posHasPrefix, pool, numClasses);
        return new ViTWeights(spec,
                w.floats("patch_embed.proj.weight", dim, 3, patch, patch), w.array("patch_embed.proj.bias", dim),
                cls ? w.floats("cls_token", 1, 1, dim) : null, dist ? w.floats("dist_token", 1, 1, dim) : null,
                regs > 0 ? w.floats("reg_token", 1, regs, dim) : null, posEmbed, List.copyOf(blocks),
                w.has("norm.weight") ? LayerNormParams.load(w, "norm", dim, LN_EPS) : null,
                w.has("fc_norm.weight") ? LayerNormParams.load(w, "fc_norm", dim, LN_EPS) : null,
                headW, headB, distW, distB);
    }

    /** A model_args size given as n or [n, n]; -1 when absent. A non-square [h, w] is refused (this app needs square patches). */
    private static int squareArg(ModelConfig cfg, String name) throws ModelLoadException {
        if (!cfg.hasArg(name)) return -1;
        if (!(cfg.modelArgs().get(name) instanceof java.util.List<?>)) {
            int v = cfg.intArg(name, -1);
            if (v < 1) throw ConfigFields.wrong("model_args." + name, "a whole number above 0", v);
            return v;
        }
        int[] hw = cfg.intListArg(name);
        if (hw.length != 2 || hw[0] != hw[1] || hw[0] < 1) {
            throw ConfigFields.wrong("model_args." + name, "one whole number above 0, or two equal ones",
                    java.util.Arrays.toString(hw));
        }
        return hw[0];
    }

    /** Blocks are numbered 0..depth-1 without gaps; a tensor of a later block means some are missing. */
    private static void requireNoBlockAfter(Weights w, int depth) throws ModelLoadException {
        Pattern later = Pattern.compile("blocks\\.(\\d{1,9})\\..*");
        for (String name : w.names()) {
            Matcher m = later.matcher(name);
            if (m.matches() && Integer.parseInt(m.group(1)) >= depth) {
                throw new ModelLoadException("missing tensor blocks." + depth + ".attn.qkv.weight: the checkpoint has "
                        + SafetensorsEntries.shown(name) + " but block " + depth + " is incomplete; the file is damaged");
            }
        }
    }

    /** timm sizes the MLP as int(dim * mlp_ratio). */
    private static void requireMlpRatio(ModelConfig cfg, int dim, long mlp) throws ModelLoadException {
        double ratio = cfg.doubleArg("mlp_ratio");
        if (!Double.isNaN(ratio) && Math.abs(dim * ratio - mlp) >= 1) {
            throw Contradiction.of("model_args.mlp_ratio", ratio, "blocks.0.mlp.fc1.weight has " + mlp
                    + " rows, a ratio of " + String.format(Locale.ROOT, "%.4g", (double) mlp / dim) + " to the width " + dim);
        }
    }

    /** model_args.num_heads, else the timm size name, else a head width of 64. */
    private static int heads(ModelConfig cfg, int dim) throws ModelLoadException {
        int heads = cfg.intArg("num_heads", -1);
        if (heads == 0 || heads < -1) throw ConfigFields.wrong("model_args.num_heads", "a whole number above 0", heads);
        if (heads > 0 && dim % heads != 0) {
            throw Contradiction.of("model_args.num_heads", heads, "the width " + dim
                    + " of patch_embed.proj.weight cannot be split into " + heads + " equal heads");
        }
        if (heads < 0) {
            Matcher m = SIZE_NAME.matcher(cfg.architecture().toLowerCase(Locale.ROOT));
            if (m.find()) {
                heads = switch (m.group(1)) {
                    case "tiny" -> 3;
                    case "small" -> 6;
                    case "medium" -> 8;
                    case "base" -> 12;
                    default -> 16;
                };
            }
            if (heads < 0 || dim % heads != 0) heads = Math.max(1, dim / 64);
        }
        if (dim % heads != 0) throw new ModelLoadException("width " + dim + " is not divisible by " + heads + " heads");
        return heads;
    }
}
