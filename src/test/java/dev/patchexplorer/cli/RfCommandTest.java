package dev.patchexplorer.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rf} run in-process through {@link Cli#standard()}, output parsed back with gson. */
class RfCommandTest {

    private record Result(int code, String out, String err) {
        JsonObject json() {
            return JsonParser.parseString(out).getAsJsonObject();
        }
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonObject row(JsonArray rows, String key, String value) {
        for (var e : rows) if (e.getAsJsonObject().get(key).getAsString().equals(value)) return e.getAsJsonObject();
        throw new AssertionError("no row with " + key + " = " + value);
    }

    @Test
    void archWithoutAFolder() {
        Result r = run("rf", "--arch", "resnet18");
        assertEquals(0, r.code(), r.err());
        JsonObject json = r.json();
        assertEquals("resnet18", json.get("architecture").getAsString());
        assertEquals("[224,224]", json.get("input").toString());
        JsonArray layers = json.getAsJsonArray("layers");
        assertEquals(18, layers.size());
        JsonObject conv1 = row(layers, "name", "conv1");
        assertEquals(7, conv1.get("kernel").getAsInt());
        assertEquals(2, conv1.get("stride").getAsInt());
        assertEquals(3, conv1.get("padding").getAsInt());
        assertEquals("[112,112]", conv1.get("output").toString());
        JsonObject last = row(json.getAsJsonArray("blocks"), "block", "layer4.1");
        assertEquals(435, last.get("rf").getAsInt());
        assertEquals(32, last.get("effective_stride").getAsInt());
        assertEquals(217, last.get("effective_padding").getAsInt());
        assertEquals("[7,7]", last.get("output").toString());
    }

    @Test
    void sizeOverridesTheInput() {
        JsonObject json = run("rf", "--arch", "mobilenetv2_100", "--size", "320").json();
        JsonObject head = row(json.getAsJsonArray("blocks"), "block", "conv_head");
        assertEquals("[10,10]", head.get("output").toString());
        assertEquals(491, head.get("rf").getAsInt());
    }

    @Test
    void modelFolderOfACheckpoint(@TempDir Path models) throws Exception {
        Path dir = TinyCheckpoints.resNet50(models.resolve("resnet50"));
        Result r = run("rf", "--model", dir.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject last = row(r.json().getAsJsonArray("blocks"), "block", "layer4.2");
        assertEquals(427, last.get("rf").getAsInt());
    }

    @Test
    void configInputSizeIsUsed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("config.json"),
                "{\"architecture\": \"resnet18\", \"pretrained_cfg\": {\"input_size\": [3, 256, 192]}}");
        JsonObject json = run("rf", "--model", dir.toString()).json();
        assertEquals("[256,192]", json.get("input").toString());
        assertEquals("[8,6]", row(json.getAsJsonArray("blocks"), "block", "layer4.1").get("output").toString());
    }

    @Test
    void clearOneLineErrors(@TempDir Path dir) throws Exception {
        assertUsage(run("rf", "--model", dir.resolve("missing").toString()), "model folder not found");
        assertUsage(run("rf", "--model", dir.toString()), "no config.json");
        Files.writeString(dir.resolve("config.json"), "{\"num_classes\": 10}");
        assertUsage(run("rf", "--model", dir.toString()), "no \"architecture\"");
        Files.writeString(dir.resolve("config.json"), "{not json");
        assertUsage(run("rf", "--model", dir.toString()), "not valid JSON");
        Files.writeString(dir.resolve("config.json"), "{\"architecture\": \"convnext_tiny\"}");
        assertUsage(run("rf", "--model", dir.toString()), "convnext_tiny");
        assertUsage(run("rf", "--arch", "vit_tiny_patch16_224"), "ViT");
        assertUsage(run("rf"), "--model DIR or --arch NAME");
        assertUsage(run("rf", "--arch", "resnet18", "--model", dir.toString()), "exactly one");
        assertUsage(run("rf", "--arch", "resnet18", "--size", "0"), "--size");
    }

    private static void assertUsage(Result r, String fragment) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("patch-explorer rf: ") && r.err().contains(fragment), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("", r.out());
    }
}
