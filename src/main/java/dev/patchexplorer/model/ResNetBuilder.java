package dev.patchexplorer.model;

import ai.djl.ndarray.NDArray;
import dev.patchexplorer.core.tradeoff.CnnFootprint;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import dev.patchexplorer.model.CnnNetwork.Stage;
import dev.patchexplorer.model.Ops.BatchNormParams;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * ResNet in timm/torchvision key layout: conv1/bn1 (7x7/2), max-pool 3x3/2, layer1-4 of basic
 * (conv1, conv2) or bottleneck (conv1, conv2 with the stride, conv3) blocks with optional
 * downsample.0/1, fc. Widths and block counts come from the tensors; model_args.channels,
 * stem_width and layers, when present, must agree with them. Stages: "conv1" (with its batch norm and ReLU), "maxpool",
 * "layerS.I": the names {@code core.rf.ResNetLayers} gives the same layers.
 */
final class ResNetBuilder {
    private ResNetBuilder() {}

    static CnnNetwork build(ModelConfig cfg, Weights w) throws ModelLoadException {
        List<Stage> stages = new ArrayList<>();
        // Arrays a pass creates: conv, batch norm and ReLU each one array of the layer's width; a block's
        // residual sum and its ReLU two of its output; a downsample's conv and batch norm two more.
        CnnFootprint.Builder held = new CnnFootprint.Builder();
        long stem = w.axis("conv1.weight", 4, 0);
        Contradiction.requireAgree("model_args.stem_width", cfg.intArg("stem_width", -1), stem,
                "conv1.weight has " + stem + " output channels");
        NDArray c1 = w.array("conv1.weight", stem, 3, 7, 7);
        BatchNormParams bn1 = BatchNormParams.load(w, "bn1", stem);
        stages.add(new Stage("conv1", x -> Ops.relu(Ops.batchNorm(Ops.conv(x, c1, null, 2, 3, 1), bn1))));
        stages.add(new Stage("maxpool", x -> Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false)));
        held.hold(1, 3 * stem).hold(2, stem);
        int level = 2;
        int[] channels = stageList(cfg, "channels");
        int[] layers = stageList(cfg, "layers");
        boolean bottleneck = w.has("layer1.0.conv3.weight");
        long in = stem;
        for (int s = 1; s <= 4; s++) {
            String first = "layer" + s + ".0.conv1.weight";
            if (!w.has(first)) {
                throw new ModelLoadException("missing tensor " + first + ": a ResNet has four stages, layer1 to layer4; "
                        + "the checkpoint is incomplete or of another architecture");
            }
            long width = w.axis(first, 4, 0);
            if (channels != null) {
                Contradiction.requireAgree("model_args.channels[" + (s - 1) + "]", channels[s - 1], width,
                        first + " has " + width + " output channels");
            }
            int blocks = 0;
            for (int i = 0; w.has("layer" + s + "." + i + ".conv1.weight"); i++) {
                String p = "layer" + s + "." + i + ".";
                int stride = i == 0 && s > 1 ? 2 : 1;
                long out = bottleneck ? width * 4 : width;
                int outLevel = stride == 2 ? level + 1 : level;
                long shortcut = w.has(p + "downsample.0.weight") ? 2 * out : 0;
                if (bottleneck) { // conv1 + bn1 + ReLU at the input's size; conv2 + bn2 + ReLU, conv3 + bn3 at the output's
                    held.hold(level, 3 * width).hold(outLevel, 3 * width + 2 * out + shortcut + 2 * out);
                } else { // conv1 + bn1 + ReLU, conv2 + bn2, all at the output's size
                    held.hold(outLevel, 3 * out + 2 * out + shortcut + 2 * out);
                }
                level = outLevel;
                stages.add(new Stage(p.substring(0, p.length() - 1),
                        bottleneck ? bottleneck(w, p, in, width, out, stride) : basic(w, p, in, out, stride)));
                in = out;
                blocks++;
            }
            if (layers != null) {
                Contradiction.requireAgree("model_args.layers[" + (s - 1) + "]", layers[s - 1], blocks,
                        "the weights hold " + blocks + " blocks in layer" + s);
            }
        }
        int fcRows = w.has("fc.weight") ? w.axis("fc.weight", 2, 0) : 0;
        if (cfg.numClasses() > 0 && w.has("fc.weight")) {
            Contradiction.requireAgree("num_classes", cfg.numClasses(), fcRows, "fc.weight has " + fcRows + " rows (classes)");
        }
        int classes = cfg.numClasses() >= 0 ? cfg.numClasses() : fcRows;
        NDArray fcW = classes > 0 ? w.array("fc.weight", classes, in) : null;
        NDArray fcB = classes > 0 ? w.array("fc.bias", classes) : null;
        CnnNetwork.countHead(held, level, in, classes);
        return new CnnNetwork(List.copyOf(stages), fcW, fcB, classes, held.build());
    }

    /** A per-stage list from model_args (four entries, one per layerS), or null when absent. */
    private static int[] stageList(ModelConfig cfg, String name) throws ModelLoadException {
        int[] list = cfg.intListArg(name);
        if (list != null && list.length != 4) {
            throw ConfigFields.wrong("model_args." + name, "a list of four whole numbers (one per stage)",
                    java.util.Arrays.toString(list));
        }
        return list;
    }

    private static UnaryOperator<NDArray> basic(Weights w, String p, long in, long out, int stride) throws ModelLoadException {
        NDArray c1 = w.array(p + "conv1.weight", out, in, 3, 3);
        BatchNormParams b1 = BatchNormParams.load(w, p + "bn1", out);
        NDArray c2 = w.array(p + "conv2.weight", out, out, 3, 3);
        BatchNormParams b2 = BatchNormParams.load(w, p + "bn2", out);
        UnaryOperator<NDArray> shortcut = shortcut(w, p, in, out, stride);
        return x -> {
            NDArray y = Ops.relu(Ops.batchNorm(Ops.conv(x, c1, null, stride, 1, 1), b1));
            y = Ops.batchNorm(Ops.conv(y, c2, null, 1, 1, 1), b2);
            return Ops.relu(y.add(shortcut.apply(x)));
        };
    }

    private static UnaryOperator<NDArray> bottleneck(Weights w, String p, long in, long width, long out, int stride)
            throws ModelLoadException {
        NDArray c1 = w.array(p + "conv1.weight", width, in, 1, 1);
        BatchNormParams b1 = BatchNormParams.load(w, p + "bn1", width);
        NDArray c2 = w.array(p + "conv2.weight", width, width, 3, 3);
        BatchNormParams b2 = BatchNormParams.load(w, p + "bn2", width);
        NDArray c3 = w.array(p + "conv3.weight", out, width, 1, 1);
        BatchNormParams b3 = BatchNormParams.load(w, p + "bn3", out);
        UnaryOperator<NDArray> shortcut = shortcut(w, p, in, out, stride);
        return x -> {
            NDArray y = Ops.relu(Ops.batchNorm(Ops.conv(x, c1, null, 1, 0, 1), b1));
            y = Ops.relu(Ops.batchNorm(Ops.conv(y, c2, null, stride, 1, 1), b2));
            y = Ops.batchNorm(Ops.conv(y, c3, null, 1, 0, 1), b3);
            return Ops.relu(y.add(shortcut.apply(x)));
        };
    }

    private static UnaryOperator<NDArray> shortcut(Weights w, String p, long in, long out, int stride) throws ModelLoadException {
        if (!w.has(p + "downsample.0.weight")) {
            if (in != out || stride != 1) {
                throw new ModelLoadException("missing tensor " + p + "downsample.0.weight: block " + p.substring(0, p.length() - 1)
                        + " changes the size of its input, so it needs one; the checkpoint is incomplete");
            }
            return x -> x;
        }
        NDArray dw = w.array(p + "downsample.0.weight", out, in, 1, 1);
        BatchNormParams db = BatchNormParams.load(w, p + "downsample.1", out);
        return x -> Ops.batchNorm(Ops.conv(x, dw, null, stride, 0, 1), db);
    }
}
