package dev.patchexplorer.ui.session;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.patchexplorer.core.objects.Box;
import dev.patchexplorer.model.JsonErrors;
import dev.patchexplorer.ui.Messages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session as versioned JSON: {@code "format": "patch-explorer-session", "version": 1}. Reading is
 * tolerant: unknown keys are ignored, missing ones leave the window's value, a malformed box is
 * skipped. Only text that is not JSON, or JSON that is not a session, is refused as a whole.
 */
public final class SessionFile {
    public static final String FORMAT = "patch-explorer-session";
    public static final int VERSION = 1;
    public static final String EXTENSION = "json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private SessionFile() {}

    public static String toJson(Session s) {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("version", VERSION);
        if (s.image() != null) root.addProperty("image", s.image());
        if (s.model() != null) root.addProperty("model", s.model());
        for (Map.Entry<String, Map<String, Object>> section : s.sections().entrySet()) {
            JsonObject o = new JsonObject();
            section.getValue().forEach((k, v) -> {
                if (v != null) o.add(k, GSON.toJsonTree(v));
            });
            root.add(section.getKey(), o);
        }
        JsonObject view = new JsonObject();
        if (s.viewId() != null) view.addProperty("id", s.viewId());
        view.addProperty("fitted", s.place().fitted());
        view.addProperty("zoom", s.place().scale());
        view.addProperty("centreX", s.place().centreX());
        view.addProperty("centreY", s.place().centreY());
        root.add("view", view);
        JsonArray boxes = new JsonArray();
        for (Box b : s.boxes()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", b.name());
            o.addProperty("x", b.x());
            o.addProperty("y", b.y());
            o.addProperty("width", b.width());
            o.addProperty("height", b.height());
            boxes.add(o);
        }
        root.add("boxes", boxes);
        return GSON.toJson(root) + "\n";
    }

    /** Writes to a temporary file and moves it into place, so a crash never leaves half a session. */
    public static void write(Session s, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "session", ".tmp");
        try {
            Files.writeString(tmp, toJson(s), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static Session read(Path file) throws SessionFileException {
        String name = String.valueOf(file.getFileName());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SessionFileException(Messages.format("session.error.read", name, describe(e)));
        }
        return parse(text, name);
    }

    /** {@code name} names the file in messages. */
    public static Session parse(String text, String name) throws SessionFileException {
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(text);
        } catch (JsonParseException | StackOverflowError e) {
            throw new SessionFileException(Messages.format("session.error.json", name, JsonErrors.describe(e)));
        }
        if (!parsed.isJsonObject() || !FORMAT.equals(string(parsed.getAsJsonObject(), "format"))) {
            throw new SessionFileException(Messages.format("session.error.format", name));
        }
        JsonObject root = parsed.getAsJsonObject();
        Double version = number(root, "version");
        if (version == null || version < 1) throw new SessionFileException(Messages.format("session.error.format", name));
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            if (!e.getValue().isJsonObject() || e.getKey().equals("view")) continue;
            Map<String, Object> values = new LinkedHashMap<>();
            e.getValue().getAsJsonObject().entrySet().forEach(v -> {
                if (v.getValue().isJsonPrimitive()) values.put(v.getKey(), v.getValue().getAsString());
            });
            sections.put(e.getKey(), values);
        }
        JsonObject view = root.has("view") && root.get("view").isJsonObject() ? root.getAsJsonObject("view") : new JsonObject();
        Session.Place place = place(view);
        return new Session(string(root, "image"), string(root, "model"), sections, string(view, "id"), place, boxes(root));
    }

    private static Session.Place place(JsonObject view) {
        Double zoom = number(view, "zoom"), cx = number(view, "centreX"), cy = number(view, "centreY");
        boolean fitted = !Boolean.FALSE.equals(bool(view, "fitted"));
        if (fitted || zoom == null || cx == null || cy == null || !(zoom > 0) || !Double.isFinite(cx) || !Double.isFinite(cy)) {
            return Session.Place.FITTED;
        }
        return new Session.Place(false, zoom, cx, cy);
    }

    private static List<Box> boxes(JsonObject root) {
        List<Box> out = new ArrayList<>();
        if (!root.has("boxes") || !root.get("boxes").isJsonArray()) return out;
        for (JsonElement e : root.getAsJsonArray("boxes")) {
            if (!e.isJsonObject()) continue;
            JsonObject o = e.getAsJsonObject();
            String boxName = string(o, "name");
            Double x = number(o, "x"), y = number(o, "y"), w = number(o, "width"), h = number(o, "height");
            if (boxName == null || x == null || y == null || w == null || h == null) continue;
            try {
                out.add(new Box(boxName, x, y, w, h));
            } catch (IllegalArgumentException bad) {
                // a box with no area or a non-finite corner: skipped, the others still open
            }
        }
        return out;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static Double number(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) return null;
        return e.getAsDouble();
    }

    private static Boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && ((JsonPrimitive) e).isBoolean() ? e.getAsBoolean() : null;
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? Messages.get("session.error.noFile")
                : String.valueOf(e.getMessage());
    }
}
