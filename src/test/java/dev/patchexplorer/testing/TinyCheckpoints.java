package dev.patchexplorer.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Small checkpoints with seeded random weights, written by the tests themselves as a timm model
 * folder ({@code config.json} + {@code model.safetensors}), so that tests which need <em>a</em> model
 * but not its trained values run on a fresh clone without the shared pretrained checkpoints.
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
        return switch (kind) {
            case VIT -> vit(dir);
            case MOBILENETV2 -> mobileNetV2(dir);
            case RESNET18 -> resNet18(dir);
            case RESNET50 -> resNet50(dir);
        };
    }

    /** A ViT in timm's key layout with a 1000-class head (so ImageNet labels apply); returns {@code dir}. */
    public static Path vit(Path dir) throws IOException {
        Random rng = new Random(16);
        int d = VIT_DIM, mlp = 4 * VIT_DIM, tokens = 1 + (224 / VIT_PATCH) * (224 / VIT_PATCH);
        SafetensorsWriter w = new SafetensorsWriter();
        normal(w, rng, "patch_embed.proj.weight", 0.02, d, 3, VIT_PATCH, VIT_PATCH);
        normal(w, rng, "patch_embed.proj.bias", 0.02, d);
        normal(w, rng, "cls_token", 0.02, 1, 1, d);
        normal(w, rng, "pos_embed", 0.02, 1, tokens, d);
        for (int i = 0; i < VIT_DEPTH; i++) {
            String b = "blocks." + i + ".";
            layerNorm(w, b + "norm1", d);
            normal(w, rng, b + "attn.qkv.weight", Math.sqrt(1.0 / d), 3L * d, d);
            normal(w, rng, b + "attn.qkv.bias", 0.02, 3L * d);
            normal(w, rng, b + "attn.proj.weight", Math.sqrt(1.0 / d), d, d);
            normal(w, rng, b + "attn.proj.bias", 0.02, d);
            layerNorm(w, b + "norm2", d);
            normal(w, rng, b + "mlp.fc1.weight", Math.sqrt(1.0 / d), mlp, d);
            normal(w, rng, b + "mlp.fc1.bias", 0.02, mlp);
            normal(w, rng, b + "mlp.fc2.weight", Math.sqrt(1.0 / mlp), d, mlp);
            normal(w, rng, b + "mlp.fc2.bias", 0.02, d);
        }
        layerNorm(w, "norm", d);
        normal(w, rng, "head.weight", 0.02, IMAGENET_CLASSES, d);
        normal(w, rng, "head.bias", 0.02, IMAGENET_CLASSES);
        return write(dir, w, """
                {
                  "architecture": "%s",
                  "num_classes": %d,
                  "num_features": %d,
                  "global_pool": "token",
                  "model_args": {"embed_dim": %d, "depth": %d, "num_heads": %d},
                  "pretrained_cfg": {
                    "tag": "tiny_random",
                    "input_size": [3, 224, 224],
                    "fixed_input_size": true,
                    "interpolation": "bicubic",
                    "crop_pct": 0.9,
                    "crop_mode": "center",
                    "mean": [0.5, 0.5, 0.5],
                    "std": [0.5, 0.5, 0.5],
                    "num_classes": %d,
                    "first_conv": "patch_embed.proj",
                    "classifier": "head"
                  }
                }
                """.formatted(VIT_ARCH, IMAGENET_CLASSES, d, d, VIT_DEPTH, VIT_HEADS, IMAGENET_CLASSES));
    }

    /** A MobileNetV2 in timm's key layout: stem, blocks.0-6 with MobileNetV2's block counts, head, 1000 classes. */
    public static Path mobileNetV2(Path dir) throws IOException {
        Random rng = new Random(2);
        SafetensorsWriter w = new SafetensorsWriter();
        conv(w, rng, "conv_stem.weight", MOBILENET_STEM, 3, 3);
        batchNorm(w, "bn1", MOBILENET_STEM);
        int in = MOBILENET_STEM;
        for (int s = 0; s < MOBILENET_BLOCKS.length; s++) {
            int out = MOBILENET_WIDTHS[s];
            for (int i = 0; i < MOBILENET_BLOCKS[s]; i++) {
                String p = "blocks." + s + "." + i + ".";
                if (s == 0) { // depthwise-separable: conv_dw/bn1, conv_pw/bn2
                    depthwise(w, rng, p + "conv_dw.weight", in);
                    batchNorm(w, p + "bn1", in);
                    conv(w, rng, p + "conv_pw.weight", out, in, 1);
                    batchNorm(w, p + "bn2", out);
                } else { // inverted residual: conv_pw/bn1, conv_dw/bn2, conv_pwl/bn3
                    int mid = in * MOBILENET_EXPANSION;
                    conv(w, rng, p + "conv_pw.weight", mid, in, 1);
                    batchNorm(w, p + "bn1", mid);
                    depthwise(w, rng, p + "conv_dw.weight", mid);
                    batchNorm(w, p + "bn2", mid);
                    conv(w, rng, p + "conv_pwl.weight", out, mid, 1);
                    batchNorm(w, p + "bn3", out);
                }
                in = out;
            }
        }
        conv(w, rng, "conv_head.weight", MOBILENET_HEAD, in, 1);
        batchNorm(w, "bn2", MOBILENET_HEAD);
        normal(w, rng, "classifier.weight", Math.sqrt(1.0 / MOBILENET_HEAD), IMAGENET_CLASSES, MOBILENET_HEAD);
        normal(w, rng, "classifier.bias", 0.02, IMAGENET_CLASSES);
        return write(dir, w, cnnConfig(MOBILENET_ARCH, IMAGENET_CLASSES, MOBILENET_HEAD, "", "conv_stem", "classifier"));
    }

    /** ResNet-18 (basic blocks, 2-2-2-2) with the shared random_w8 widths and 10 classes. */
    public static Path resNet18(Path dir) throws IOException {
        return resNet(dir, RESNET18_ARCH, new int[] {2, 2, 2, 2}, false, 18);
    }

    /** ResNet-50 (bottlenecks, 3-4-6-3) with the shared random_w8 widths and 10 classes. */
    public static Path resNet50(Path dir) throws IOException {
        return resNet(dir, RESNET50_ARCH, new int[] {3, 4, 6, 3}, true, 50);
    }

    private static Path resNet(Path dir, String arch, int[] depths, boolean bottleneck, long seed) throws IOException {
        Random rng = new Random(seed);
        SafetensorsWriter w = new SafetensorsWriter();
        conv(w, rng, "conv1.weight", RESNET_STEM, 3, 7);
        batchNorm(w, "bn1", RESNET_STEM);
        int in = RESNET_STEM;
        for (int s = 1; s <= 4; s++) {
            int width = RESNET_CHANNELS[s - 1];
            int out = bottleneck ? 4 * width : width;
            for (int i = 0; i < depths[s - 1]; i++) {
                String p = "layer" + s + "." + i + ".";
                int stride = i == 0 && s > 1 ? 2 : 1;
                if (bottleneck) {
                    conv(w, rng, p + "conv1.weight", width, in, 1);
                    batchNorm(w, p + "bn1", width);
                    conv(w, rng, p + "conv2.weight", width, width, 3);
                    batchNorm(w, p + "bn2", width);
                    conv(w, rng, p + "conv3.weight", out, width, 1);
                    batchNorm(w, p + "bn3", out);
                } else {
                    conv(w, rng, p + "conv1.weight", out, in, 3);
                    batchNorm(w, p + "bn1", out);
                    conv(w, rng, p + "conv2.weight", out, out, 3);
                    batchNorm(w, p + "bn2", out);
                }
                if (in != out || stride != 1) {
                    conv(w, rng, p + "downsample.0.weight", out, in, 1);
                    batchNorm(w, p + "downsample.1", out);
                }
                in = out;
            }
        }
        normal(w, rng, "fc.weight", Math.sqrt(1.0 / in), RESNET_CLASSES, in);
        normal(w, rng, "fc.bias", 0.02, RESNET_CLASSES);
        String args = """
                "model_args": {"channels": %s, "stem_width": %d, "num_classes": %d},
                """.formatted(Arrays.toString(RESNET_CHANNELS), RESNET_STEM, RESNET_CLASSES);
        return write(dir, w, cnnConfig(arch, RESNET_CLASSES, in, args, "conv1", "fc"));
    }

    private static String cnnConfig(String arch, int classes, int features, String modelArgs, String firstConv, String classifier) {
        return """
                {
                  "architecture": "%s",
                  "num_classes": %d,
                  "num_features": %d,
                  "global_pool": "avg",
                  %s"pretrained_cfg": {
                    "tag": "tiny_random",
                    "input_size": [3, 224, 224],
                    "interpolation": "bicubic",
                    "crop_pct": 0.875,
                    "crop_mode": "center",
                    "mean": [0.485, 0.456, 0.406],
                    "std": [0.229, 0.224, 0.225],
                    "num_classes": %d,
                    "first_conv": "%s",
                    "classifier": "%s"
                  }
                }
                """.formatted(arch, classes, features, modelArgs.strip().isEmpty() ? "" : modelArgs.strip() + "\n  ",
                classes, firstConv, classifier);
    }

    private static Path write(Path dir, SafetensorsWriter weights, String configJson) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), configJson, StandardCharsets.UTF_8);
        weights.write(dir.resolve("model.safetensors"));
        return dir;
    }

    /** He initialisation (std sqrt(2 / fan-in)), so that ReLU layers keep their activations' scale. */
    private static void conv(SafetensorsWriter w, Random rng, String name, int out, int in, int k) {
        normal(w, rng, name, Math.sqrt(2.0 / (in * k * k)), out, in, k, k);
    }

    private static void depthwise(SafetensorsWriter w, Random rng, String name, int channels) {
        normal(w, rng, name, Math.sqrt(2.0 / 9), channels, 1, 3, 3);
    }

    /** Identity batch norm: scale 1, shift 0, running mean 0, running variance 1. */
    private static void batchNorm(SafetensorsWriter w, String prefix, int channels) {
        w.put(prefix + ".weight", new long[] {channels}, filled(channels, 1f));
        w.put(prefix + ".bias", new long[] {channels}, filled(channels, 0f));
        w.put(prefix + ".running_mean", new long[] {channels}, filled(channels, 0f));
        w.put(prefix + ".running_var", new long[] {channels}, filled(channels, 1f));
    }

    private static void layerNorm(SafetensorsWriter w, String prefix, int dim) {
        w.put(prefix + ".weight", new long[] {dim}, filled(dim, 1f));
        w.put(prefix + ".bias", new long[] {dim}, filled(dim, 0f));
    }

    private static void normal(SafetensorsWriter w, Random rng, String name, double std, long... shape) {
        long n = 1;
        for (long s : shape) n *= s;
        float[] data = new float[Math.toIntExact(n)];
        for (int i = 0; i < data.length; i++) data[i] = (float) (rng.nextGaussian() * std);
        w.put(name, shape, data);
    }

    private static float[] filled(int n, float value) {
        float[] a = new float[n];
        Arrays.fill(a, value);
        return a;
    }
}
