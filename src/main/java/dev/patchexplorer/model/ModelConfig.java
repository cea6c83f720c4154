package dev.patchexplorer.model;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The parts of a timm {@code config.json} we use. Absent preprocessing fields fall back to timm's
 * defaults (224 px, ImageNet mean/std, bicubic, crop 0.875).
 *
 * @param numClasses -1 when the config does not say (the head tensor decides)
 * @param modelArgs  {@code model_args} as plain Java values (numbers are Double), empty when absent
 */
public record ModelConfig(String architecture, int numClasses, String globalPool, Map<String, Object> modelArgs,
                          int[] inputSize, float[] mean, float[] std, String interpolation, double cropPct) {
    private static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    public int inputHeight() {
        return inputSize[1];
    }

    public int inputWidth() {
        return inputSize[2];
    }

    /** An integer from model_args, or the fallback. */
    public int intArg(String name, int fallback) {
        Object v = modelArgs.get(name);
        return v instanceof Number n ? n.intValue() : fallback;
    }

    /** An integer list from model_args, or null. */
    public int[] intListArg(String name) {
        if (!(modelArgs.get(name) instanceof List<?> list)) return null;
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) list.get(i)).intValue();
        return out;
    }

    public static ModelConfig read(Path configJson) throws ModelLoadException {
        String text;
        try {
            text = Files.readString(configJson, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + configJson.getFileName() + ": " + e.getMessage(), e);
        }
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) throw new ModelLoadException("config.json is not a JSON object");
            return fromJson(parsed.getAsJsonObject());
        } catch (JsonParseException | IllegalStateException | ClassCastException | UnsupportedOperationException e) {
            throw new ModelLoadException("config.json is malformed: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static ModelConfig fromJson(JsonObject root) throws ModelLoadException {
        String arch = string(root, "architecture", null);
        if (arch == null) arch = string(root, "model_type", null); // some exports
        if (arch == null) throw new ModelLoadException("config.json names no \"architecture\"");
        JsonObject cfg = root.has("pretrained_cfg") && root.get("pretrained_cfg").isJsonObject()
                ? root.getAsJsonObject("pretrained_cfg") : new JsonObject();
        Map<String, Object> args = root.has("model_args") && root.get("model_args").isJsonObject()
                ? new Gson().fromJson(root.get("model_args"), Map.class) : Collections.emptyMap();
        int numClasses = root.has("num_classes") ? root.get("num_classes").getAsInt()
                : args.get("num_classes") instanceof Number n ? n.intValue()
                : cfg.has("num_classes") ? cfg.get("num_classes").getAsInt() : -1;
        int[] inputSize = cfg.has("input_size") ? ints(cfg.getAsJsonArray("input_size")) : new int[] {3, 224, 224};
        if (inputSize.length != 3) throw new ModelLoadException("config.json: input_size must have 3 values");
        float[] mean = cfg.has("mean") ? floats(cfg.getAsJsonArray("mean")) : IMAGENET_MEAN.clone();
        float[] std = cfg.has("std") ? floats(cfg.getAsJsonArray("std")) : IMAGENET_STD.clone();
        if (mean.length != 3 || std.length != 3) throw new ModelLoadException("config.json: mean and std need 3 values each");
        double crop = cfg.has("crop_pct") && !cfg.get("crop_pct").isJsonNull() ? cfg.get("crop_pct").getAsDouble() : 0.875;
        return new ModelConfig(arch, numClasses, string(root, "global_pool", null), Collections.unmodifiableMap(args),
                inputSize, mean, std, string(cfg, "interpolation", "bicubic"), crop);
    }

    private static String string(JsonObject o, String name, String fallback) {
        return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsString() : fallback;
    }

    private static int[] ints(JsonArray a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).getAsInt();
        return out;
    }

    private static float[] floats(JsonArray a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).getAsFloat();
        return out;
    }
}
