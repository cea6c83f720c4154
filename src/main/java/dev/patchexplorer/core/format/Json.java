package dev.patchexplorer.core.format;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one JSON writer of the CLI: pretty, UTF-8 as is, and never NaN or Infinity, which JSON
 * cannot hold (Gson would print a tree's NaN as a bare {@code NaN} that no parser reads).
 */
public final class Json {
    // Special values pass Gson so that the check below can name where they are.
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    private Json() {}

    /** A result that holds a number JSON cannot represent; the message names where. */
    public static final class NonFiniteNumberException extends IllegalStateException {
        NonFiniteNumberException(String where, String value) {
            super("the result is not valid JSON: " + where + " is " + value);
        }
    }

    /**
     * The text of a JSON tree, or of maps, lists, arrays and records of numbers and strings.
     *
     * @throws NonFiniteNumberException when any number in it is NaN or infinite
     */
    public static String text(Object value) {
        JsonElement tree = value instanceof JsonElement e ? e : GSON.toJsonTree(value);
        requireFinite(tree, "");
        return GSON.toJson(tree);
    }

    public static void print(PrintStream out, Object value) {
        out.println(text(value));
    }

    public static void write(Path file, Object value) throws IOException {
        Files.writeString(file, text(value) + "\n", StandardCharsets.UTF_8);
    }

    private static void requireFinite(JsonElement e, String where) {
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                requireFinite(m.getValue(), where.isEmpty() ? m.getKey() : where + "." + m.getKey());
            }
        } else if (e.isJsonArray()) {
            for (int i = 0; i < e.getAsJsonArray().size(); i++) requireFinite(e.getAsJsonArray().get(i), where + "[" + i + "]");
        } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            checkNumber(e.getAsJsonPrimitive(), where.isEmpty() ? "the value" : where);
        }
    }

    private static void checkNumber(JsonPrimitive p, String where) {
        // by the written form, so any Number type (Double, Float, Gson's lazily parsed ones) is caught
        String written = String.valueOf(p.getAsNumber());
        if (written.equals("NaN") || written.endsWith("Infinity")) throw new NonFiniteNumberException(where, written);
    }
}
