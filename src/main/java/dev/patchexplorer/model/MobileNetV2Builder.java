package dev.patchexplorer.model;

import ai.djl.ndarray.NDArray;
import dev.patchexplorer.core.tradeoff.CnnFootprint;
import dev.patchexplorer.model.CnnNetwork.Stage;
import dev.patchexplorer.model.Ops.BatchNormParams;

import java.util.ArrayList;
import java.util.List;

/**
 * timm's {@code mobilenetv2_*} layout: conv_stem/bn1, blocks.S.I (a depthwise-separable block, then
 * inverted residuals conv_pw/bn1, conv_dw/bn2, conv_pwl/bn3), conv_head/bn2, classifier; ReLU6.
 * Widths and depths come from the tensors; the stage strides are MobileNetV2's (not stored in a
 * checkpoint). Stages are named "conv_stem", "blocks.S.I" and "conv_head".
 */
final class MobileNetV2Builder {
    private static final int[] STAGE_STRIDES = {1, 2, 2, 2, 1, 2, 1};

    private MobileNetV2Builder() {}

    static CnnNetwork build(ModelConfig cfg, Weights w) throws ModelLoadException {
        List<Stage> stages = new ArrayList<>();
        // Arrays a pass creates: conv, batch norm, ReLU and its min with 6 (ReLU6) each one array of the
        // layer's width; the 6 itself one number per ReLU6; a residual sum one more array of the block's output.
        CnnFootprint.Builder held = new CnnFootprint.Builder();
        long stem = w.axis("conv_stem.weight", 4, 0);
        double multiplier = cfg.doubleArg("channel_multiplier");
        if (!Double.isNaN(multiplier) && !Boolean.TRUE.equals(cfg.modelArgs().get("fix_stem"))) {
            long expected = roundChannels(32 * multiplier);
            if (expected != stem) {
                throw Contradiction.of("model_args.channel_multiplier", multiplier, "conv_stem.weight has " + stem
                        + " output channels, not the " + expected + " that this multiplier gives");
            }
        }
        NDArray stemW = w.array("conv_stem.weight", stem, 3, 3, 3);
        BatchNormParams stemBn = BatchNormParams.load(w, "bn1", stem);
        stages.add(new Stage("conv_stem", x -> Ops.relu6(Ops.batchNorm(Ops.conv(x, stemW, null, 2, 1, 1), stemBn))));
        int level = 1;
        held.hold(level, 4 * stem).fixed(1);
        long in = stem;
        int stageCount = 0;
        while (w.has("blocks." + stageCount + ".0.conv_dw.weight")) stageCount++;
        if (stageCount == 0) {
            throw new ModelLoadException("missing tensor blocks.0.0.conv_dw.weight: no MobileNetV2 blocks found; "
                    + "the checkpoint is not a MobileNetV2 or is damaged");
        }
        if (stageCount != STAGE_STRIDES.length) {
            throw new ModelLoadException("expected " + STAGE_STRIDES.length + " MobileNetV2 stages (blocks.0-6), found "
                    + stageCount + "; the checkpoint is incomplete or of another architecture");
        }
        for (int s = 0; s < stageCount; s++) {
            for (int i = 0; w.has("blocks." + s + "." + i + ".conv_dw.weight"); i++) {
                String p = "blocks." + s + "." + i + ".";
                int stride = i == 0 ? STAGE_STRIDES[s] : 1;
                boolean inverted = w.has(p + "conv_pwl.weight");
                long out = inverted ? w.axis(p + "conv_pwl.weight", 4, 0) : w.axis(p + "conv_pw.weight", 4, 0);
                int outLevel = stride == 2 ? level + 1 : level;
                long sum = stride == 1 && in == out ? out : 0;
                if (inverted) { // conv_pw + bn1 + ReLU6 (mid) at the input's size; conv_dw + bn2 + ReLU6, conv_pwl + bn3 at the output's
                    long mid = w.axis(p + "conv_pw.weight", 4, 0);
                    held.hold(level, 4 * mid).hold(outLevel, 4 * mid + 2 * out + sum).fixed(2);
                } else { // conv_dw + bn1 + ReLU6 (in), conv_pw + bn2 (out), all at the output's size
                    held.hold(outLevel, 4 * in + 2 * out + sum).fixed(1);
                }
                level = outLevel;
                stages.add(new Stage(p.substring(0, p.length() - 1),
                        inverted ? invertedResidual(w, p, in, out, stride) : depthwiseSeparable(w, p, in, out, stride)));
                in = out;
            }
        }
        long head = w.axis("conv_head.weight", 4, 0);
        NDArray headW = w.array("conv_head.weight", head, in, 1, 1);
        BatchNormParams headBn = BatchNormParams.load(w, "bn2", head);
        stages.add(new Stage("conv_head", x -> Ops.relu6(Ops.batchNorm(Ops.conv(x, headW, null, 1, 0, 1), headBn))));
        held.hold(level, 4 * head).fixed(1);
        int rows = w.has("classifier.weight") ? w.axis("classifier.weight", 2, 0) : 0;
        if (cfg.numClasses() > 0 && w.has("classifier.weight")) {
            Contradiction.requireAgree("num_classes", cfg.numClasses(), rows, "classifier.weight has " + rows + " rows (classes)");
        }
        int classes = cfg.numClasses() >= 0 ? cfg.numClasses() : rows;
        NDArray fcW = classes > 0 ? w.array("classifier.weight", classes, head) : null;
        NDArray fcB = classes > 0 ? w.array("classifier.bias", classes) : null;
        CnnNetwork.countHead(held, level, head, classes);
        return new CnnNetwork(List.copyOf(stages), fcW, fcB, classes, held.build());
    }

    /** timm's round_channels: a multiple of 8, at least 8, never more than 10 % below the exact value. */
    static long roundChannels(double channels) {
        long v = Math.max(8, (long) (channels + 4) / 8 * 8);
        return v < 0.9 * channels ? v + 8 : v;
    }

    private static java.util.function.UnaryOperator<NDArray> depthwiseSeparable(Weights w, String p, long in, long out, int stride)
            throws ModelLoadException {
        long k = w.axis(p + "conv_dw.weight", 4, 2);
        NDArray dw = w.array(p + "conv_dw.weight", in, 1, k, k);
        BatchNormParams bn1 = BatchNormParams.load(w, p + "bn1", in);
        NDArray pw = w.array(p + "conv_pw.weight", out, in, 1, 1);
        BatchNormParams bn2 = BatchNormParams.load(w, p + "bn2", out);
        boolean skip = stride == 1 && in == out;
        int pad = (int) k / 2;
        return x -> {
            NDArray y = Ops.relu6(Ops.batchNorm(Ops.conv(x, dw, null, stride, pad, (int) in), bn1));
            y = Ops.batchNorm(Ops.conv(y, pw, null, 1, 0, 1), bn2);
            return skip ? y.add(x) : y;
        };
    }

    private static java.util.function.UnaryOperator<NDArray> invertedResidual(Weights w, String p, long in, long out, int stride)
            throws ModelLoadException {
        long mid = w.axis(p + "conv_pw.weight", 4, 0);
        long k = w.axis(p + "conv_dw.weight", 4, 2);
        NDArray pw = w.array(p + "conv_pw.weight", mid, in, 1, 1);
        BatchNormParams bn1 = BatchNormParams.load(w, p + "bn1", mid);
        NDArray dw = w.array(p + "conv_dw.weight", mid, 1, k, k);
        BatchNormParams bn2 = BatchNormParams.load(w, p + "bn2", mid);
        NDArray pwl = w.array(p + "conv_pwl.weight", out, mid, 1, 1);
        BatchNormParams bn3 = BatchNormParams.load(w, p + "bn3", out);
        boolean skip = stride == 1 && in == out;
        int pad = (int) k / 2;
        return x -> {
            NDArray y = Ops.relu6(Ops.batchNorm(Ops.conv(x, pw, null, 1, 0, 1), bn1));
            y = Ops.relu6(Ops.batchNorm(Ops.conv(y, dw, null, stride, pad, (int) mid), bn2));
            y = Ops.batchNorm(Ops.conv(y, pwl, null, 1, 0, 1), bn3);
            return skip ? y.add(x) : y;
        };
    }
}
