package dev.patchexplorer.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Small checkpoints with seeded random weights, written by the tests themselves as a timm model
 * folder ({@code config.json} + {@code model.safetensors}), so that tests which need <em>a</em> model
 * but not its trained values run on a fresh clone without the shared pretrained checkpoints.
 * This is the one place that knows each architecture's key layout, widths and initialisation.
 * <p>
 * Two uses: {@link #vit(Path)}, {@link #mobileNetV2(Path)}, {@link #resNet18(Path)},
 * {@link #resNet50(Path)} and {@link #write(Kind, Path)} write a ready checkpoint in one call; the
 * {@code ...Draft} methods return a {@link Draft} (tensors + config.json) that a robustness test
 * damages first (a NaN, a wrong shape, a missing tensor, a contradicting config) and then writes.
 * <p>
 * Each keeps its architecture's layer structure (block count, kernels, strides, patch size, head
 * count), so receptive fields, layer names, token grids and block indices are those of the real
 * model; only the widths are small. Convolutions are He-initialised and batch norms are the
 * identity, so activations keep their scale through the network. The ViT's block layers have
 * variance 1 / fan-in, so that attention mixes tokens about as strongly as the residual carries
 * each token on (with timm's N(0, 0.02) at this width a token would hardly see its neighbours);
 * embeddings, biases and the head use N(0, 0.02). The same call always writes the same bytes.
 */
public final class TinyCheckpoints {
    /** Architecture names, as config.json states them. */
    public static final String VIT_ARCH = "vit_tiny_patch16_224";
    public static final String MOBILENET_ARCH = "mobilenetv2_100";
    public static final String RESNET18_ARCH = "resnet18";
    public static final String RESNET50_ARCH = "resnet50";

    /** ViT: ViT-Ti's 12 blocks, 3 heads and 16 px patches at 224 px, at 1/8 of its width. */
    public static final int VIT_DIM = 24;
    public static final int VIT_DEPTH = 12;
    public static final int VIT_HEADS = 3;
    public static final int VIT_PATCH = 16;
    public static final int IMAGENET_CLASSES = 1000;
    /** ResNets: the widths of the shared random_w8 test checkpoints, and their 10 classes. */
    public static final int RESNET_CLASSES = 10;

    private static final int[] RESNET_CHANNELS = {8, 16, 32, 64};
    private static final int RESNET_STEM = 8;
    /** MobileNetV2's seven stages: blocks per stage as in timm's mobilenetv2_100, tiny output widths. */
    private static final int[] MOBILENET_BLOCKS = {1, 2, 3, 4, 3, 3, 1};
    private static final int[] MOBILENET_WIDTHS = {8, 8, 8, 16, 16, 24, 24};
    private static final int MOBILENET_STEM = 8;
    private static final int MOBILENET_EXPANSION = 2;
    private static final int MOBILENET_HEAD = 32;

    private TinyCheckpoints() {}

    /** The checkpoints, for parameterised tests. */
    public enum Kind { VIT, MOBILENETV2, RESNET18, RESNET50 }

    /** Writes the checkpoint of {@code kind} into {@code dir} unless it is already there; returns {@code dir}. */
    public static Path write(Kind kind, Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve("model.safetensors"))) return dir;
        return draft(kind).write(dir);
    }

    /** A ViT in timm's key layout with a 1000-class head (so ImageNet labels apply); returns {@code dir}. */
    public static Path vit(Path dir) throws IOException {
        return vitDraft().write(dir);
    }

    /** A MobileNetV2 in timm's key layout: stem, blocks.0-6 with MobileNetV2's block counts, head, 1000 classes. */
    public static Path mobileNetV2(Path dir) throws IOException {
        return mobileNetV2Draft().write(dir);
    }

    /** ResNet-18 (basic blocks, 2-2-2-2) with the shared random_w8 widths and 10 classes. */
    public static Path resNet18(Path dir) throws IOException {
        return resNet18Draft().write(dir);
    }

    /** ResNet-50 (bottlenecks, 3-4-6-3) with the shared random_w8 widths and 10 classes. */
    public static Path resNet50(Path dir) throws IOException {
        return resNet50Draft().write(dir);
    }

    /** The unwritten checkpoint of {@code kind}. */
    public static Draft draft(Kind kind) {
        return switch (kind) {
            case VIT -> vitDraft();
            case MOBILENETV2 -> mobileNetV2Draft();
            case RESNET18 -> resNet18Draft();
            case RESNET50 -> resNet50Draft();
        };
    }

    /** The ViT that {@link #vit(Path)} writes, unwritten. */
    public static Draft vitDraft() {
        return vitDraft(VIT_DEPTH, IMAGENET_CLASSES);
    }

    /**
     * The ViT with {@code depth} blocks and {@code classes} outputs, for tests that load it thousands
     * of times or name its block count in an expected message; width, heads and patch as {@link #vit(Path)}.
     */
    public static Draft vitDraft(int depth, int classes) {
        Random rng = new Random(16);
        int d = VIT_DIM, mlp = 4 * VIT_DIM, tokens = 1 + (224 / VIT_PATCH) * (224 / VIT_PATCH);
        String args = "\"img_size\": 224, \"patch_size\": %d, \"embed_dim\": %d, \"depth\": %d, \"num_heads\": %d, \"mlp_ratio\": 4.0"
                .formatted(VIT_PATCH, d, depth, VIT_HEADS);
        Draft w = new Draft(new Config(VIT_ARCH, classes, d, "token", VIT_PREPROCESSING, "patch_embed.proj", "head")::withArgs, args);
        w.normal(rng, "patch_embed.proj.weight", 0.02, d, 3, VIT_PATCH, VIT_PATCH);
        w.normal(rng, "patch_embed.proj.bias", 0.02, d);
        w.normal(rng, "cls_token", 0.02, 1, 1, d);
        w.normal(rng, "pos_embed", 0.02, 1, tokens, d);
        for (int i = 0; i < depth; i++) {
            String b = "blocks." + i + ".";
            w.layerNorm(b + "norm1", d);
            w.normal(rng, b + "attn.qkv.weight", Math.sqrt(1.0 / d), 3L * d, d);
            w.normal(rng, b + "attn.qkv.bias", 0.02, 3L * d);
            w.normal(rng, b + "attn.proj.weight", Math.sqrt(1.0 / d), d, d);
            w.normal(rng, b + "attn.proj.bias", 0.02, d);
            w.layerNorm(b + "norm2", d);
            w.normal(rng, b + "mlp.fc1.weight", Math.sqrt(1.0 / d), mlp, d);
            w.normal(rng, b + "mlp.fc1.bias", 0.02, mlp);
            w.normal(rng, b + "mlp.fc2.weight", Math.sqrt(1.0 / mlp), d, mlp);
            w.normal(rng, b + "mlp.fc2.bias", 0.02, d);
        }
        w.layerNorm("norm", d);
        w.normal(rng, "head.weight", 0.02, classes, d);
        w.normal(rng, "head.bias", 0.02, classes);
        return w;
    }

    /** The MobileNetV2 that {@link #mobileNetV2(Path)} writes, unwritten; its config has no model_args. */
    public static Draft mobileNetV2Draft() {
        Random rng = new Random(2);
        Draft w = new Draft(new Config(MOBILENET_ARCH, IMAGENET_CLASSES, MOBILENET_HEAD, "avg", IMAGENET_PREPROCESSING,
                "conv_stem", "classifier")::withArgs, "");
        w.conv(rng, "conv_stem.weight", MOBILENET_STEM, 3, 3);
        w.batchNorm("bn1", MOBILENET_STEM);
        int in = MOBILENET_STEM;
        for (int s = 0; s < MOBILENET_BLOCKS.length; s++) {
            int out = MOBILENET_WIDTHS[s];
            for (int i = 0; i < MOBILENET_BLOCKS[s]; i++) {
                String p = "blocks." + s + "." + i + ".";
                if (s == 0) { // depthwise-separable: conv_dw/bn1, conv_pw/bn2
                    w.depthwise(rng, p + "conv_dw.weight", in);
                    w.batchNorm(p + "bn1", in);
                    w.conv(rng, p + "conv_pw.weight", out, in, 1);
                    w.batchNorm(p + "bn2", out);
                } else { // inverted residual: conv_pw/bn1, conv_dw/bn2, conv_pwl/bn3
                    int mid = in * MOBILENET_EXPANSION;
                    w.conv(rng, p + "conv_pw.weight", mid, in, 1);
                    w.batchNorm(p + "bn1", mid);
                    w.depthwise(rng, p + "conv_dw.weight", mid);
                    w.batchNorm(p + "bn2", mid);
                    w.conv(rng, p + "conv_pwl.weight", out, mid, 1);
                    w.batchNorm(p + "bn3", out);
                }
                in = out;
            }
        }
        w.conv(rng, "conv_head.weight", MOBILENET_HEAD, in, 1);
        w.batchNorm("bn2", MOBILENET_HEAD);
        w.normal(rng, "classifier.weight", Math.sqrt(1.0 / MOBILENET_HEAD), IMAGENET_CLASSES, MOBILENET_HEAD);
        w.normal(rng, "classifier.bias", 0.02, IMAGENET_CLASSES);
        return w;
    }

    /** The ResNet-18 that {@link #resNet18(Path)} writes, unwritten. */
    public static Draft resNet18Draft() {
        return resNetDraft(RESNET18_ARCH, new int[] {2, 2, 2, 2}, false, 18);
    }

    /** The ResNet-50 that {@link #resNet50(Path)} writes, unwritten. */
    public static Draft resNet50Draft() {
        return resNetDraft(RESNET50_ARCH, new int[] {3, 4, 6, 3}, true, 50);
    }

    private static Draft resNetDraft(String arch, int[] depths, boolean bottleneck, long seed) {
        Random rng = new Random(seed);
        int features = (bottleneck ? 4 : 1) * RESNET_CHANNELS[3];
        String args = "\"channels\": %s, \"stem_width\": %d, \"layers\": %s, \"num_classes\": %d"
                .formatted(Arrays.toString(RESNET_CHANNELS), RESNET_STEM, Arrays.toString(depths), RESNET_CLASSES);
        Draft w = new Draft(new Config(arch, RESNET_CLASSES, features, "avg", IMAGENET_PREPROCESSING, "conv1", "fc")::withArgs, args);
        w.conv(rng, "conv1.weight", RESNET_STEM, 3, 7);
        w.batchNorm("bn1", RESNET_STEM);
        int in = RESNET_STEM;
        for (int s = 1; s <= 4; s++) {
            int width = RESNET_CHANNELS[s - 1];
            int out = bottleneck ? 4 * width : width;
            for (int i = 0; i < depths[s - 1]; i++) {
                String p = "layer" + s + "." + i + ".";
                int stride = i == 0 && s > 1 ? 2 : 1;
                if (bottleneck) {
                    w.conv(rng, p + "conv1.weight", width, in, 1);
                    w.batchNorm(p + "bn1", width);
                    w.conv(rng, p + "conv2.weight", width, width, 3);
                    w.batchNorm(p + "bn2", width);
                    w.conv(rng, p + "conv3.weight", out, width, 1);
                    w.batchNorm(p + "bn3", out);
                } else {
                    w.conv(rng, p + "conv1.weight", out, in, 3);
                    w.batchNorm(p + "bn1", out);
                    w.conv(rng, p + "conv2.weight", out, out, 3);
                    w.batchNorm(p + "bn2", out);
                }
                if (in != out || stride != 1) {
                    w.conv(rng, p + "downsample.0.weight", out, in, 1);
                    w.batchNorm(p + "downsample.1", out);
                }
                in = out;
            }
        }
        w.normal(rng, "fc.weight", Math.sqrt(1.0 / in), RESNET_CLASSES, in);
        w.normal(rng, "fc.bias", 0.02, RESNET_CLASSES);
        return w;
    }

    /** timm's preprocessing: the ViT's (mean and std 0.5, fixed input size) and the ImageNet CNNs'. */
    private static final String VIT_PREPROCESSING =
            "\"fixed_input_size\": true, \"crop_pct\": 0.9, \"mean\": [0.5, 0.5, 0.5], \"std\": [0.5, 0.5, 0.5]";
    private static final String IMAGENET_PREPROCESSING =
            "\"crop_pct\": 0.875, \"mean\": [0.485, 0.456, 0.406], \"std\": [0.229, 0.224, 0.225]";

    /** What config.json says besides model_args: the architecture, its head and its preprocessing. */
    private record Config(String arch, int classes, int features, String pool, String preprocessing,
                          String firstConv, String classifier) {
        /** The config.json text; blank {@code modelArgs} leave "model_args" out, as timm does for a default model. */
        String withArgs(String modelArgs) {
            return """
                    {
                      "architecture": "%s",
                      "num_classes": %d,
                      "num_features": %d,
                      "global_pool": "%s",
                      %s"pretrained_cfg": {
                        "tag": "tiny_random",
                        "input_size": [3, 224, 224],
                        "interpolation": "bicubic",
                        "crop_mode": "center",
                        %s,
                        "num_classes": %d,
                        "first_conv": "%s",
                        "classifier": "%s"
                      }
                    }
                    """.formatted(arch, classes, features, pool,
                    modelArgs.isBlank() ? "" : "\"model_args\": {" + modelArgs + "},\n  ", preprocessing, classes,
                    firstConv, classifier);
        }
    }

    /**
     * A checkpoint not yet written: its tensors in file order and its config.json. Tests edit it to
     * plant a fault; every edit returns the draft, and {@link #write(Path)} writes it as it then is.
     */
    public static final class Draft {
        private final Map<String, SafetensorsWriter.Tensor> tensors = new LinkedHashMap<>();
        private final UnaryOperator<String> configWithArgs;
        private String config;

        private Draft(UnaryOperator<String> configWithArgs, String defaultArgs) {
            this.configWithArgs = configWithArgs;
            this.config = configWithArgs.apply(defaultArgs);
        }

        /** The config.json text as it stands. */
        public String config() {
            return config;
        }

        /** Replaces the whole config.json text. */
        public Draft config(String json) {
            config = json;
            return this;
        }

        /** The config with {@code args} (the inside of a JSON object, maybe empty) as its model_args, the rest kept. */
        public Draft modelArgs(String args) {
            return config(configWithArgs.apply(args));
        }

        /** Sets one value of a tensor (e.g. NaN); a name the draft does not hold is a mistake in the test. */
        public Draft set(String name, int index, float value) {
            tensor(name).data()[index] = value;
            return this;
        }

        /** Sets every value of a tensor. */
        public Draft fill(String name, float value) {
            Arrays.fill(tensor(name).data(), value);
            return this;
        }

        /** Adds or replaces a tensor. */
        public Draft put(String name, long[] shape, float[] values) {
            tensors.put(name, new SafetensorsWriter.Tensor(shape, values));
            return this;
        }

        /** Leaves a tensor out of the file; a name the draft does not hold is a mistake in the test. */
        public Draft remove(String name) {
            tensor(name);
            tensors.remove(name);
            return this;
        }

        /** Writes config.json and model.safetensors into {@code dir} (created if need be); returns {@code dir}. */
        public Path write(Path dir) throws IOException {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("config.json"), config, StandardCharsets.UTF_8);
            SafetensorsWriter out = new SafetensorsWriter();
            tensors.forEach((name, t) -> out.put(name, t.shape(), t.data()));
            out.write(dir.resolve("model.safetensors"));
            return dir;
        }

        private SafetensorsWriter.Tensor tensor(String name) {
            SafetensorsWriter.Tensor t = tensors.get(name);
            if (t == null) throw new IllegalArgumentException("no tensor " + name + " in this checkpoint: " + tensors.keySet());
            return t;
        }

        /** He initialisation (std sqrt(2 / fan-in)), so that ReLU layers keep their activations' scale. */
        private void conv(Random rng, String name, int out, int in, int k) {
            normal(rng, name, Math.sqrt(2.0 / (in * k * k)), out, in, k, k);
        }

        private void depthwise(Random rng, String name, int channels) {
            normal(rng, name, Math.sqrt(2.0 / 9), channels, 1, 3, 3);
        }

        /** Identity batch norm: scale 1, shift 0, running mean 0, running variance 1. */
        private void batchNorm(String prefix, int channels) {
            constant(prefix + ".weight", 1f, channels);
            constant(prefix + ".bias", 0f, channels);
            constant(prefix + ".running_mean", 0f, channels);
            constant(prefix + ".running_var", 1f, channels);
        }

        private void layerNorm(String prefix, int dim) {
            constant(prefix + ".weight", 1f, dim);
            constant(prefix + ".bias", 0f, dim);
        }

        private void constant(String name, float value, int n) {
            float[] a = new float[n];
            Arrays.fill(a, value);
            put(name, new long[] {n}, a);
        }

        private void normal(Random rng, String name, double std, long... shape) {
            long n = 1;
            for (long s : shape) n *= s;
            float[] data = new float[Math.toIntExact(n)];
            for (int i = 0; i < data.length; i++) data[i] = (float) (rng.nextGaussian() * std);
            put(name, shape, data);
        }
    }
}
