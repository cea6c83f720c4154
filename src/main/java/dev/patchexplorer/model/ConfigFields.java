package dev.patchexplorer.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of one JSON object of config.json. A field that is absent or null reads as null;
 * a field that is present with the wrong type or an impossible value is refused with a sentence
 * that names it by its path ("pretrained_cfg.input_size") and says what it should be.
 */
final class ConfigFields {
    private static final int MAX_SHOWN = 60;

    private final JsonObject object;
    private final String path;

    ConfigFields(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    private JsonElement get(String name) {
        JsonElement e = object.get(name);
        return e == null || e.isJsonNull() ? null : e;
    }

    private String where(String name) {
        return path + name;
    }

    /** A nested object, or null when absent. */
    ConfigFields object(String name) throws ModelLoadException {
        JsonElement e = get(name);
        if (e == null) return null;
        if (!e.isJsonObject()) throw wrong(where(name), "an object ({ ... })", e);
        return new ConfigFields(e.getAsJsonObject(), where(name) + ".");
    }

    String string(String name) throws ModelLoadException {
        JsonElement e = get(name);
        if (e == null) return null;
        if (!(e instanceof JsonPrimitive p) || !p.isString()) throw wrong(where(name), "a string", e);
        return p.getAsString();
    }

    Integer wholeNumber(String name, int min, int max) throws ModelLoadException {
        JsonElement e = get(name);
        return e == null ? null : whole(where(name), e, min, max);
    }

    Double positiveNumber(String name) throws ModelLoadException {
        JsonElement e = get(name);
        if (e == null) return null;
        double v = number(where(name), e);
        if (!(v > 0)) throw wrong(where(name), "a number above 0", e);
        return v;
    }

    /** A list of whole numbers, each in [min, max]; null when absent. */
    int[] wholeNumbers(String name, int min, int max) throws ModelLoadException {
        JsonElement e = get(name);
        if (e == null) return null;
        if (!e.isJsonArray()) throw wrong(where(name), "a list of whole numbers", e);
        JsonArray a = e.getAsJsonArray();
        if (a.size() > 16) throw wrong(where(name), "a short list of whole numbers", e);
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = whole(where(name) + "[" + i + "]", a.get(i), min, max);
        return out;
    }

    /** Exactly three finite numbers (per-channel mean or std); {@code positive} also refuses 0 and below. */
    float[] finiteTriple(String name, boolean positive) throws ModelLoadException {
        JsonElement e = get(name);
        if (e == null) return null;
        String want = positive ? "three numbers above 0, one per colour channel" : "three numbers, one per colour channel";
        if (!e.isJsonArray() || e.getAsJsonArray().size() != 3) throw wrong(where(name), want, e);
        float[] out = new float[3];
        for (int i = 0; i < 3; i++) {
            double v = number(where(name), e.getAsJsonArray().get(i));
            out[i] = (float) v;
            if (!Float.isFinite(out[i]) || (positive && !(out[i] > 0))) throw wrong(where(name), want, e);
        }
        return out;
    }

    /** The whole object as plain Java values (numbers as Double, lists, maps, strings, booleans). */
    Map<String, Object> plainValues() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> m : object.entrySet()) out.put(m.getKey(), plain(m.getValue()));
        return Collections.unmodifiableMap(out);
    }

    /** Gson's reader caps nesting (255 levels), so this recursion is bounded. */
    private static Object plain(JsonElement e) {
        if (e == null || e.isJsonNull()) return null;
        if (e instanceof JsonPrimitive p) {
            if (p.isBoolean()) return p.getAsBoolean();
            if (p.isNumber()) return asDouble(p);
            return p.getAsString();
        }
        if (e.isJsonArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonElement x : e.getAsJsonArray()) list.add(plain(x));
            return Collections.unmodifiableList(list);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) map.put(m.getKey(), plain(m.getValue()));
        return Collections.unmodifiableMap(map);
    }

    /** The number's value; text that only looks like a number to Gson's lenient reader becomes NaN. */
    private static double asDouble(JsonPrimitive p) {
        try {
            return new BigDecimal(p.getAsString()).doubleValue();
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double number(String where, JsonElement e) throws ModelLoadException {
        if (!(e instanceof JsonPrimitive p) || !p.isNumber()) throw wrong(where, "a number", e);
        double v = asDouble(p);
        if (!Double.isFinite(v)) throw wrong(where, "a finite number", e);
        return v;
    }

    private static int whole(String where, JsonElement e, int min, int max) throws ModelLoadException {
        String want = "a whole number from " + min + " to " + max;
        if (!(e instanceof JsonPrimitive p) || !p.isNumber()) throw wrong(where, want, e);
        double v = asDouble(p);
        if (v != Math.rint(v) || v < min || v > max) throw wrong(where, want, e);
        return (int) v;
    }

    static ModelLoadException wrong(String where, String want, Object got) {
        String shown = String.valueOf(got);
        if (got instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) shown = Long.toString(d.longValue());
        if (shown.length() > MAX_SHOWN) shown = shown.substring(0, MAX_SHOWN) + "...";
        return new ModelLoadException("config.json: " + where + " must be " + want + ", but it is " + shown
                + "; fix the file or download the model again");
    }
}
