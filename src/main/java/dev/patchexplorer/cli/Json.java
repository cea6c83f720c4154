package dev.patchexplorer.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;

/** One place that decides how the CLI prints JSON. */
public final class Json {
    private Json() {}

    public static String pretty(JsonElement e) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(e);
    }
}
