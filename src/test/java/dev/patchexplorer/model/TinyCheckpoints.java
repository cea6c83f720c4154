package dev.patchexplorer.model;

import dev.patchexplorer.testing.SafetensorsWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Small random checkpoints in timm's key layout, written by the test itself: a ViT (width 24,
 * depth 2, 3 heads, 16 px patches, 224 px input, 10 classes), a MobileNetV2 (7 stages of one block,
 * width 8) and a ResNet-18-like net (one basic block per stage). Each tensor can be replaced before
 * writing, to plant a NaN or a wrong shape.
 */
public final class TinyCheckpoints {
    static final int VIT_DIM = 24;
    static final int VIT_DEPTH = 2;
    static final int VIT_CLASSES = 10;

    private final Map<String, SafetensorsWriter.Tensor> tensors = new LinkedHashMap<>();
    private final Random random;

    private TinyCheckpoints(long seed) {
        random = new Random(seed);
    }

    private void put(String name, float scale, long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) v[i] = (float) (random.nextGaussian() * scale);
        tensors.put(name, new SafetensorsWriter.Tensor(shape, v));
    }

    private void constant(String name, float value, long... shape) {
        put(name, 0, shape);
        java.util.Arrays.fill(tensors.get(name).data(), value);
    }

    private void layerNorm(String prefix, long dim) {
        constant(prefix + ".weight", 1, dim);
        constant(prefix + ".bias", 0, dim);
    }

    private void batchNorm(String prefix, long channels) {
        constant(prefix + ".weight", 1, channels);
        constant(prefix + ".bias", 0, channels);
        constant(prefix + ".running_mean", 0, channels);
        constant(prefix + ".running_var", 1, channels);
    }

    public static TinyCheckpoints vit() {
        TinyCheckpoints c = new TinyCheckpoints(24);
        int d = VIT_DIM;
        c.put("patch_embed.proj.weight", 0.02f, d, 3, 16, 16);
        c.put("patch_embed.proj.bias", 0.02f, d);
        c.put("cls_token", 0.02f, 1, 1, d);
        c.put("pos_embed", 0.02f, 1, 197, d);
        for (int i = 0; i < VIT_DEPTH; i++) {
            String b = "blocks." + i + ".";
            c.layerNorm(b + "norm1", d);
            c.put(b + "attn.qkv.weight", 0.2f, 3L * d, d);
            c.put(b + "attn.qkv.bias", 0.02f, 3L * d);
            c.put(b + "attn.proj.weight", 0.2f, d, d);
            c.put(b + "attn.proj.bias", 0.02f, d);
            c.layerNorm(b + "norm2", d);
            c.put(b + "mlp.fc1.weight", 0.2f, 4L * d, d);
            c.put(b + "mlp.fc1.bias", 0.02f, 4L * d);
            c.put(b + "mlp.fc2.weight", 0.1f, d, 4L * d);
            c.put(b + "mlp.fc2.bias", 0.02f, d);
        }
        c.layerNorm("norm", d);
        c.put("head.weight", 0.2f, VIT_CLASSES, d);
        c.put("head.bias", 0.02f, VIT_CLASSES);
        return c;
    }

    public static String vitConfig(String modelArgs) {
        return "{\"architecture\": \"vit_tiny_patch16_224\", \"num_classes\": " + VIT_CLASSES + ", \"global_pool\": \"token\","
                + " \"model_args\": {" + modelArgs + "},"
                + " \"pretrained_cfg\": {\"input_size\": [3, 224, 224], \"mean\": [0.5, 0.5, 0.5], \"std\": [0.5, 0.5, 0.5],"
                + " \"interpolation\": \"bicubic\", \"crop_pct\": 0.9}}";
    }

    /** What timm writes for this ViT. */
    public static final String VIT_ARGS = "\"img_size\": 224, \"patch_size\": 16, \"embed_dim\": 24, \"depth\": 2, "
            + "\"num_heads\": 3, \"mlp_ratio\": 4.0";

    public static TinyCheckpoints mobileNetV2() {
        TinyCheckpoints c = new TinyCheckpoints(2);
        long w = 8;
        c.put("conv_stem.weight", 0.3f, w, 3, 3, 3);
        c.batchNorm("bn1", w);
        c.put("blocks.0.0.conv_dw.weight", 0.3f, w, 1, 3, 3);
        c.batchNorm("blocks.0.0.bn1", w);
        c.put("blocks.0.0.conv_pw.weight", 0.3f, w, w, 1, 1);
        c.batchNorm("blocks.0.0.bn2", w);
        for (int s = 1; s < 7; s++) {
            String p = "blocks." + s + ".0.";
            c.put(p + "conv_pw.weight", 0.3f, 2 * w, w, 1, 1);
            c.batchNorm(p + "bn1", 2 * w);
            c.put(p + "conv_dw.weight", 0.3f, 2 * w, 1, 3, 3);
            c.batchNorm(p + "bn2", 2 * w);
            c.put(p + "conv_pwl.weight", 0.3f, w, 2 * w, 1, 1);
            c.batchNorm(p + "bn3", w);
        }
        c.put("conv_head.weight", 0.3f, 16, w, 1, 1);
        c.batchNorm("bn2", 16);
        c.put("classifier.weight", 0.3f, 5, 16);
        c.put("classifier.bias", 0.02f, 5);
        return c;
    }

    public static String mobileNetV2Config(String modelArgs) {
        return "{\"architecture\": \"mobilenetv2_100\", \"num_classes\": 5, \"global_pool\": \"avg\","
                + " \"model_args\": {" + modelArgs + "}, \"pretrained_cfg\": {\"input_size\": [3, 224, 224]}}";
    }

    /** ResNet-18 layout with one basic block per stage, widths 4, 8, 8, 16, stem 4, 3 classes. */
    public static TinyCheckpoints resNet() {
        TinyCheckpoints c = new TinyCheckpoints(18);
        long[] widths = {4, 8, 8, 16};
        c.put("conv1.weight", 0.2f, 4, 3, 7, 7);
        c.batchNorm("bn1", 4);
        long in = 4;
        for (int s = 1; s <= 4; s++) {
            long w = widths[s - 1];
            String p = "layer" + s + ".0.";
            c.put(p + "conv1.weight", 0.2f, w, in, 3, 3);
            c.batchNorm(p + "bn1", w);
            c.put(p + "conv2.weight", 0.2f, w, w, 3, 3);
            c.batchNorm(p + "bn2", w);
            if (s > 1) {
                c.put(p + "downsample.0.weight", 0.2f, w, in, 1, 1);
                c.batchNorm(p + "downsample.1", w);
            }
            in = w;
        }
        c.put("fc.weight", 0.2f, 3, 16);
        c.put("fc.bias", 0.02f, 3);
        return c;
    }

    public static String resNetConfig(String modelArgs) {
        return "{\"architecture\": \"resnet18\", \"num_classes\": 3, \"global_pool\": \"avg\","
                + " \"model_args\": {" + modelArgs + "}, \"pretrained_cfg\": {\"input_size\": [3, 224, 224]}}";
    }

    public static final String RESNET_ARGS = "\"channels\": [4, 8, 8, 16], \"stem_width\": 4, \"layers\": [1, 1, 1, 1]";

    /** Sets one value of a tensor (e.g. NaN). */
    public TinyCheckpoints set(String name, int index, float value) {
        tensors.get(name).data()[index] = value;
        return this;
    }

    /** Sets every value of a tensor. */
    TinyCheckpoints fill(String name, float value) {
        java.util.Arrays.fill(tensors.get(name).data(), value);
        return this;
    }

    /** Adds or replaces a tensor. */
    TinyCheckpoints put(String name, long[] shape, float[] values) {
        tensors.put(name, new SafetensorsWriter.Tensor(shape, values));
        return this;
    }

    TinyCheckpoints remove(String name) {
        tensors.remove(name);
        return this;
    }

    /** Writes config.json and model.safetensors into {@code folder} and returns it. */
    public Path write(Path folder, String configJson) throws IOException {
        Files.createDirectories(folder);
        SafetensorsWriter out = new SafetensorsWriter();
        tensors.forEach((name, t) -> out.put(name, t.shape(), t.data()));
        out.write(folder.resolve("model.safetensors"));
        Files.writeString(folder.resolve("config.json"), configJson);
        return folder;
    }
}
