package dev.patchexplorer.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The parts of a timm {@code config.json} we use. Absent preprocessing fields fall back to timm's
 * defaults (224 px, ImageNet mean/std, bicubic, crop 0.875). A field that is present but of the
 * wrong type or out of range is refused with a sentence naming it, never silently replaced.
 *
 * @param numClasses -1 when the config does not say (the head tensor decides)
 * @param modelArgs  {@code model_args} as plain Java values (numbers are Double), empty when absent
 * @param inputSizeGiven whether pretrained_cfg.input_size was in the file (else inputSize is timm's default)
 */
public record ModelConfig(String architecture, int numClasses, String globalPool, Map<String, Object> modelArgs,
                          int[] inputSize, float[] mean, float[] std, String interpolation, double cropPct,
                          boolean inputSizeGiven) {
    /** A timm config.json is a few kilobytes; a much larger file is not one (and is not read into memory). */
    static final long MAX_BYTES = 1 << 20;
    /** Largest class count and image side a config may declare; beyond these it is not a real model. */
    static final int MAX_CLASSES = 1_000_000;
    static final int MAX_INPUT_SIDE = 8192;
    private static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    public int inputHeight() {
        return inputSize[1];
    }

    public int inputWidth() {
        return inputSize[2];
    }

    /** Whether model_args holds this name. */
    public boolean hasArg(String name) {
        return modelArgs.containsKey(name);
    }

    /** A whole number from model_args, or the fallback when absent; anything else there is refused. */
    public int intArg(String name, int fallback) throws ModelLoadException {
        Object v = modelArgs.get(name);
        if (v == null) return fallback;
        return wholeArg(name, v);
    }

    /** A list of whole numbers from model_args, or null when absent; anything else there is refused. */
    public int[] intListArg(String name) throws ModelLoadException {
        Object v = modelArgs.get(name);
        if (v == null) return null;
        if (!(v instanceof List<?> list)) throw ConfigFields.wrong("model_args." + name, "a list of whole numbers", v);
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = wholeArg(name + "[" + i + "]", list.get(i));
        return out;
    }

    /** A number from model_args, or NaN when absent. */
    public double doubleArg(String name) throws ModelLoadException {
        Object v = modelArgs.get(name);
        if (v == null) return Double.NaN;
        if (v instanceof Double d && Double.isFinite(d)) return d;
        throw ConfigFields.wrong("model_args." + name, "a number", v);
    }

    private static int wholeArg(String name, Object v) throws ModelLoadException {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) return d.intValue();
        throw ConfigFields.wrong("model_args." + name, "a whole number", v);
    }

    public static ModelConfig read(Path configJson) throws ModelLoadException {
        String name = String.valueOf(configJson.getFileName());
        String text;
        try {
            long size = Files.size(configJson);
            if (size > MAX_BYTES) {
                throw new ModelLoadException(name + " is " + (size >> 10) + " KiB, far larger than a model configuration "
                        + "(a few KiB); the file is not a timm config.json");
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(configJson))).toString();
        } catch (CharacterCodingException e) {
            throw new ModelLoadException(name + " is not UTF-8 text, so it is not a timm config.json; "
                    + "download or export the model again", e);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + name + ": " + IoReasons.of(e), e);
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(text);
        } catch (JsonParseException | StackOverflowError e) {
            throw new ModelLoadException(JsonErrors.sentence(name, e) + "; fix the file or download the model again", e);
        }
        if (!parsed.isJsonObject()) {
            throw new ModelLoadException(name + " does not hold a JSON object ({ ... }), so it is not a timm config.json");
        }
        return fromJson(parsed.getAsJsonObject());
    }

    static ModelConfig fromJson(JsonObject root) throws ModelLoadException {
        ConfigFields top = new ConfigFields(root, "");
        String arch = top.string("architecture");
        if (arch == null) arch = top.string("model_type"); // some exports
        if (arch == null || arch.isBlank()) {
            throw new ModelLoadException("config.json names no \"architecture\"; a timm config.json says which model it "
                    + "describes, e.g. \"architecture\": \"vit_tiny_patch16_224\"");
        }
        ConfigFields cfg = top.object("pretrained_cfg");
        ConfigFields argsObj = top.object("model_args");
        Map<String, Object> args = argsObj == null ? Collections.emptyMap() : argsObj.plainValues();
        int numClasses = numClasses(top, argsObj, cfg);
        int[] inputSize = cfg == null ? null : cfg.wholeNumbers("input_size", 1, MAX_INPUT_SIDE);
        boolean inputSizeGiven = inputSize != null;
        if (inputSize == null) inputSize = new int[] {3, 224, 224};
        if (inputSize.length != 3 || inputSize[0] != 3) {
            throw new ModelLoadException("config.json: pretrained_cfg.input_size must be [3, height, width] (colour "
                    + "images), got " + java.util.Arrays.toString(inputSize));
        }
        float[] mean = cfg == null ? null : cfg.finiteTriple("mean", false);
        float[] std = cfg == null ? null : cfg.finiteTriple("std", true);
        Double crop = cfg == null ? null : cfg.positiveNumber("crop_pct");
        String interpolation = cfg == null ? null : cfg.string("interpolation");
        return new ModelConfig(arch, numClasses, top.string("global_pool"), args, inputSize,
                mean == null ? IMAGENET_MEAN.clone() : mean, std == null ? IMAGENET_STD.clone() : std,
                interpolation == null ? "bicubic" : interpolation, crop == null ? 0.875 : crop, inputSizeGiven);
    }

    /** Top-level num_classes, else model_args', else pretrained_cfg's; two that disagree are refused. */
    private static int numClasses(ConfigFields top, ConfigFields args, ConfigFields cfg) throws ModelLoadException {
        Integer atTop = top.wholeNumber("num_classes", 0, MAX_CLASSES);
        Integer inArgs = args == null ? null : args.wholeNumber("num_classes", 0, MAX_CLASSES);
        if (atTop != null && inArgs != null && !atTop.equals(inArgs)) {
            throw new ModelLoadException("config.json contradicts itself: num_classes is " + atTop
                    + " but model_args.num_classes is " + inArgs + "; fix one of them");
        }
        if (atTop != null) return atTop;
        if (inArgs != null) return inArgs;
        Integer inCfg = cfg == null ? null : cfg.wholeNumber("num_classes", 0, MAX_CLASSES);
        return inCfg != null ? inCfg : -1;
    }
}
