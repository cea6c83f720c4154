package dev.patchexplorer.model;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.patchexplorer.model.catalog.ModelFileException;
import dev.patchexplorer.model.catalog.SafetensorsHeader;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A seeded mutation loop over a small valid checkpoint (the tiny ViT of {@link TinyCheckpoints}, at
 * two blocks and ten classes so that the thousands of loads stay quick):
 * byte flips, truncations, header-length changes and JSON mutations of the safetensors header and
 * of config.json. Every case must end in a load or a refusal in words ({@link ModelLoadException}
 * from the loader, {@link ModelFileException} from the catalog's header check), within a time
 * bound, never with another exception, a hang or an OutOfMemoryError. A failure names the case's
 * number and mutation, so that it can be replayed with the same seed.
 */
class CheckpointFuzzTest {
    private static final long SEED = Long.getLong("patchexplorer.fuzzSeed", 0x5afe_7e45L);
    private static final int CASES = Integer.getInteger("patchexplorer.fuzzCases", 3000);
    private static final long CASE_SECONDS = 10;
    /** The brief's test for a leaked Java class name, plus the bare words. */
    private static final Pattern JAVA_NAME = Pattern.compile("\\b[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w*(Exception|Error)\\b|Exception");

    @TempDir
    Path tmp;

    private record Case(String what, byte[] config, byte[] weights) {}

    @Test
    void everyMutationEndsInALoadOrARefusalInWords() throws Exception {
        Path base = TinyCheckpoints.vitDraft(2, 10).write(tmp.resolve("base"));
        byte[] config = Files.readAllBytes(base.resolve("config.json"));
        byte[] weights = Files.readAllBytes(base.resolve("model.safetensors"));
        Random random = new Random(SEED);
        Path dir = Files.createDirectories(tmp.resolve("case"));
        Map<String, Integer> outcomes = new TreeMap<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "checkpoint-fuzz");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < CASES; i++) {
                Case c = mutate(random, config, weights);
                Files.write(dir.resolve("config.json"), c.config());
                Files.write(dir.resolve("model.safetensors"), c.weights());
                Future<String> result = worker.submit(() -> attempt(dir));
                try {
                    outcomes.merge(result.get(CASE_SECONDS, TimeUnit.SECONDS), 1, Integer::sum);
                } catch (TimeoutException e) {
                    fail("case " + i + " (" + c.what() + ") ran longer than " + CASE_SECONDS + " s");
                } catch (ExecutionException e) {
                    throw new AssertionError("case " + i + " (" + c.what() + ") ended in " + e.getCause(), e.getCause());
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.println("[fuzz] " + CASES + " cases, seed " + SEED + ": " + outcomes);
        // the mutator must reach both ends, or the loop tests nothing
        assertTrue(outcomes.getOrDefault("loaded", 0) > 0, outcomes.toString());
        assertTrue(outcomes.getOrDefault("refused", 0) > CASES / 2, outcomes.toString());
    }

    /** "loaded" or "refused"; anything else escapes and fails the case. */
    private static String attempt(Path dir) throws Exception {
        try {
            SafetensorsHeader.read(dir.resolve("model.safetensors"));
        } catch (ModelFileException e) {
            requireWords(e.getMessage());
        }
        try (VisionModel m = ModelLoader.load(dir)) {
            return "loaded";
        } catch (ModelLoadException e) {
            requireWords(e.getMessage());
            return "refused";
        }
    }

    private static void requireWords(String message) {
        assertTrue(message != null && !message.isBlank(), "a refusal without a message");
        assertFalse(JAVA_NAME.matcher(message).find(), "a Java class name in: " + message);
        assertFalse(message.contains("\n"), "more than one line: " + message);
    }

    private static Case mutate(Random r, byte[] config, byte[] weights) {
        int kind = r.nextInt(10);
        return switch (kind) {
            case 0 -> new Case("flip bytes of the safetensors header", config, flip(r, weights, 8, headerEnd(weights)));
            case 1 -> new Case("flip bytes anywhere in the weights", config, flip(r, weights, 0, weights.length));
            case 2 -> {
                int len = r.nextBoolean() ? r.nextInt(headerEnd(weights) + 1) : r.nextInt(weights.length);
                yield new Case("truncate the weights to " + len + " bytes", config, Arrays.copyOf(weights, len));
            }
            case 3 -> {
                long claimed = headerLength(r, weights);
                byte[] w = weights.clone();
                ByteBuffer.wrap(w).order(ByteOrder.LITTLE_ENDIAN).putLong(0, claimed);
                yield new Case("header length field set to " + claimed, config, w);
            }
            case 4, 5, 6 -> {
                JsonObject header = JsonParser.parseString(new String(weights, 8, headerEnd(weights) - 8, StandardCharsets.UTF_8))
                        .getAsJsonObject();
                String what = mutateHeader(r, header);
                yield new Case(what, config, withHeader(weights, new Gson().toJson(header)));
            }
            case 7 -> new Case("flip bytes of config.json", flip(r, config, 0, config.length), weights);
            case 8 -> {
                int len = r.nextInt(config.length);
                yield new Case("truncate config.json to " + len + " bytes", Arrays.copyOf(config, len), weights);
            }
            default -> {
                JsonObject root = JsonParser.parseString(new String(config, StandardCharsets.UTF_8)).getAsJsonObject();
                String what = mutateConfig(r, root);
                yield new Case(what, new Gson().toJson(root).getBytes(StandardCharsets.UTF_8), weights);
            }
        };
    }

    private static int headerEnd(byte[] weights) {
        return 8 + (int) ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    }

    private static byte[] flip(Random r, byte[] bytes, int from, int to) {
        byte[] out = bytes.clone();
        int flips = 1 + r.nextInt(6);
        for (int i = 0; i < flips; i++) out[from + r.nextInt(to - from)] = (byte) r.nextInt(256);
        return out;
    }

    private static long headerLength(Random r, byte[] weights) {
        long real = headerEnd(weights) - 8;
        return switch (r.nextInt(8)) {
            case 0 -> 0;
            case 1 -> -1 - r.nextInt(1000);
            case 2 -> Long.MAX_VALUE - r.nextInt(3);
            case 3 -> Long.MIN_VALUE;
            case 4 -> real + r.nextInt(33) - 16;
            case 5 -> 100L * 1024 * 1024 + r.nextInt(3) - 1;
            case 6 -> weights.length - 8 + r.nextInt(3) - 1;
            default -> r.nextLong();
        };
    }

    /** The weights with a new JSON header (its length field correct), data unchanged. */
    private static byte[] withHeader(byte[] weights, String json) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        int dataStart = headerEnd(weights);
        ByteBuffer out = ByteBuffer.allocate(8 + h.length + weights.length - dataStart).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(h.length).put(h).put(weights, dataStart, weights.length - dataStart);
        return out.array();
    }

    private static String mutateHeader(Random r, JsonObject header) {
        List<String> names = new ArrayList<>(header.keySet());
        String name = names.get(r.nextInt(names.size()));
        JsonObject entry = header.getAsJsonObject(name);
        switch (r.nextInt(12)) {
            case 0 -> {
                JsonElement v = pick(r, new JsonPrimitive("F16"), new JsonPrimitive("BF16"), new JsonPrimitive("F64"),
                        new JsonPrimitive("I64"), new JsonPrimitive("U8"), new JsonPrimitive("F32x"), new JsonPrimitive(5),
                        JsonNull.INSTANCE, new JsonArray(), new JsonObject());
                entry.add("dtype", v);
                return "header: " + name + ".dtype = " + v;
            }
            case 1 -> {
                JsonArray shape = entry.getAsJsonArray("shape");
                JsonElement v = oddNumber(r);
                if (shape.isEmpty()) shape.add(v); else shape.set(r.nextInt(shape.size()), v);
                return "header: one dimension of " + name + ".shape = " + v;
            }
            case 2 -> {
                JsonArray shape = entry.getAsJsonArray("shape");
                if (r.nextBoolean() || shape.isEmpty()) shape.add(1 + r.nextInt(4)); else shape.remove(shape.size() - 1);
                return "header: " + name + ".shape rank changed to " + shape;
            }
            case 3 -> {
                JsonArray offsets = entry.getAsJsonArray("data_offsets");
                JsonElement v = oddNumber(r);
                offsets.set(r.nextInt(2), v);
                return "header: one of " + name + ".data_offsets = " + v;
            }
            case 4 -> {
                JsonArray offsets = entry.getAsJsonArray("data_offsets");
                JsonElement a = offsets.get(0);
                offsets.set(0, offsets.get(1));
                offsets.set(1, a);
                return "header: " + name + ".data_offsets swapped";
            }
            case 5 -> {
                String other = names.get(r.nextInt(names.size()));
                entry.add("data_offsets", header.getAsJsonObject(other).get("data_offsets").deepCopy());
                entry.add("shape", header.getAsJsonObject(other).get("shape").deepCopy());
                return "header: " + name + " overlaps " + other;
            }
            case 6 -> {
                String key = pick(r, "dtype", "shape", "data_offsets");
                entry.remove(key);
                return "header: " + name + " without " + key;
            }
            case 7 -> {
                header.remove(name);
                return "header: entry " + name + " removed";
            }
            case 8 -> {
                header.remove(name);
                String renamed = pick(r, "bl\u00f6cks.0.\u00fcnicode", "\u0000", "\ud83d\ude00" + name, "", name + " ", "blocks.99.x");
                header.add(renamed, entry);
                return "header: " + name + " renamed to " + renamed;
            }
            case 9 -> {
                header.add("__metadata__", pick(r, deep(r.nextInt(2) == 0 ? 200 : 300), new JsonPrimitive(1), new JsonArray()));
                return "header: odd __metadata__";
            }
            case 10 -> {
                header.add(name, pick(r, new JsonPrimitive(1), new JsonPrimitive("x"), new JsonArray(), JsonNull.INSTANCE, deep(50)));
                return "header: " + name + " is not an object";
            }
            default -> {
                entry.add("shape", pick(r, new JsonPrimitive("[24]"), JsonNull.INSTANCE, new JsonObject(), deep(20)));
                return "header: " + name + ".shape of the wrong type";
            }
        }
    }

    private static String mutateConfig(Random r, JsonObject root) {
        JsonObject args = root.getAsJsonObject("model_args");
        JsonObject cfg = root.getAsJsonObject("pretrained_cfg");
        JsonObject target = pick(r, root, args, cfg);
        List<String> keys = new ArrayList<>(target.keySet());
        String key = keys.get(r.nextInt(keys.size()));
        switch (r.nextInt(4)) {
            case 0 -> {
                target.remove(key);
                return "config: without " + key;
            }
            case 1 -> {
                JsonElement v = oddValue(r);
                target.add(key, v);
                return "config: " + key + " = " + abbreviated(v);
            }
            case 2 -> {
                if (target.get(key).isJsonArray() && !target.getAsJsonArray(key).isEmpty()) {
                    JsonArray a = target.getAsJsonArray(key);
                    JsonElement v = oddValue(r);
                    a.set(r.nextInt(a.size()), v);
                    return "config: an element of " + key + " = " + abbreviated(v);
                }
                target.add(key, oddNumber(r));
                return "config: " + key + " = a number";
            }
            default -> {
                target.add(key, deep(r.nextBoolean() ? 100 : 1000));
                return "config: " + key + " nested deeply";
            }
        }
    }

    private static JsonElement oddNumber(Random r) {
        return pick(r, new JsonPrimitive(-1), new JsonPrimitive(0), new JsonPrimitive(1), new JsonPrimitive(1e30),
                new JsonPrimitive(Long.MAX_VALUE), new JsonPrimitive(1L << 40), new JsonPrimitive(2.5),
                new JsonPrimitive(-1e300), new JsonPrimitive("7"), new JsonPrimitive(new java.math.BigDecimal("1e400")),
                new JsonPrimitive(r.nextInt(1000)), new JsonPrimitive(Integer.MAX_VALUE + 1L));
    }

    private static JsonElement oddValue(Random r) {
        JsonArray pair = new JsonArray();
        pair.add(3);
        pair.add(224);
        return pick(r, oddNumber(r), new JsonPrimitive("vit_tiny_patch16_224"), new JsonPrimitive("\u732b\ud83d\udc08"),
                new JsonPrimitive("x".repeat(100_000)), JsonNull.INSTANCE, new JsonPrimitive(true), new JsonArray(),
                new JsonObject(), pair, new JsonPrimitive("resnet50"), new JsonPrimitive("mobilenetv2_100"), deep(30));
    }

    /** [[[ ... ]]] {@code levels} deep. */
    private static JsonElement deep(int levels) {
        JsonArray outer = new JsonArray();
        JsonArray a = outer;
        for (int i = 1; i < levels; i++) {
            JsonArray inner = new JsonArray();
            a.add(inner);
            a = inner;
        }
        return outer;
    }

    private static String abbreviated(JsonElement v) {
        String s = v.toString();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }
}
