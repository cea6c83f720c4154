package dev.patchexplorer.render;

import com.google.gson.GsonBuilder;

import java.util.Map;

/** Readouts ({@code ReadoutFields}) as files: JSON as the {@code tradeoffs} command prints them, or a two-column CSV. */
public final class ReadoutFiles {
    private ReadoutFiles() {}

    public static String json(Map<String, Object> fields) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(fields) + "\n";
    }

    /** "readout,value" then one row per value, nested names joined by a dot ("macs.total"). */
    public static String csv(Map<String, Object> flatFields) {
        StringBuilder s = new StringBuilder("readout,value\n");
        for (Map.Entry<String, Object> e : flatFields.entrySet()) {
            s.append(cell(e.getKey())).append(',').append(cell(String.valueOf(e.getValue()))).append('\n');
        }
        return s.toString();
    }

    private static String cell(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
