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
        long[] pe = w.shape("patch_embed.proj.weight");
        if (pe.length != 4 || pe[2] != pe[3] || pe[1] != 3) {
            throw new ModelLoadException("tensor patch_embed.proj.weight has the wrong shape: expected [dim, 3, P, P], got "
                    + java.util.Arrays.toString(pe));
        }
        int dim = (int) pe[0];
        int patch = (int) pe[2];
        int depth = 0;
        while (w.has("blocks." + depth + ".norm1.weight") || w.has("blocks." + depth + ".attn.qkv.weight")) depth++;
        if (depth == 0) throw new ModelLoadException("missing tensor blocks.0.attn.qkv.weight: no transformer blocks found");
        int heads = heads(cfg, dim);
        boolean cls = w.has("cls_token");
        boolean dist = w.has("dist_token");
        int regs = w.has("reg_token") ? (int) w.shape("reg_token")[1] : 0;
        int prefix = (cls ? 1 : 0) + (dist ? 1 : 0) + regs;

        int gh = cfg.inputHeight() / patch;
        int gw = cfg.inputWidth() / patch;
        long posLen = w.shape("pos_embed").length == 3 ? w.shape("pos_embed")[1] : -1;
        boolean posHasPrefix;
        if (posLen == (long) gh * gw + prefix) {
            posHasPrefix = true;
        } else if (posLen == (long) gh * gw) {
            posHasPrefix = false;
        } else {
            long side = Math.round(Math.sqrt(Math.max(posLen - prefix, 0)));
            if (posLen > prefix && side * side == posLen - prefix) {
                posHasPrefix = true; // config input size disagrees with the checkpoint: trust the tensor
            } else {
                side = Math.round(Math.sqrt(Math.max(posLen, 0)));
                if (posLen <= 0 || side * side != posLen) {
                    throw new ModelLoadException("tensor pos_embed has the wrong shape: expected [1, " + (prefix + gh * gw) + ", " + dim
                            + "] for a " + gh + "x" + gw + " grid, got " + java.util.Arrays.toString(w.shape("pos_embed")));
                }
                posHasPrefix = false;
            }
            gh = gw = (int) side;
        }
        float[] posEmbed = w.floats("pos_embed", 1, posLen, dim);

        List<Block> blocks = new ArrayList<>();
        long mlp = -1;
        for (int i = 0; i < depth; i++) {
            String b = "blocks." + i + ".";
            if (mlp < 0) mlp = w.shape(b + "mlp.fc1.weight")[0];
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
            throw new ModelLoadException("global_pool '" + pool + "' is not supported (token or avg)");
        }
        if (pool.equals("token") && !cls) throw new ModelLoadException("global_pool 'token' needs a cls_token, which is missing");
        int numClasses = cfg.numClasses() >= 0 ? cfg.numClasses() : w.has("head.weight") ? (int) w.shape("head.weight")[0] : 0;
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

    /** model_args.num_heads, else the timm size name, else a head width of 64. */
    private static int heads(ModelConfig cfg, int dim) throws ModelLoadException {
        int heads = cfg.intArg("num_heads", -1);
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
