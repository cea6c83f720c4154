package dev.patchexplorer.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzeCommandTest {
    @TempDir
    Path tmp;
    @TempDir
    Path models;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** The pretrained ViT-Ti, for what depends on its trained weights (the predicted class). */
    private static String pretrainedVit() {
        return TestAssets.model("vit_tiny_patch16_224.augreg_in21k_ft_in1k").toString();
    }

    /** The tests' tiny ViT (ViT-Ti's 12 blocks and 3 heads, random weights), for the command's plumbing. */
    private String vit() throws IOException {
        return TinyCheckpoints.vit(models.resolve("vit")).toString();
    }

    @Test
    void flexiAtPatch32WritesJsonAndOverlays() throws Exception {
        int code = run("analyze", "--model", vit(), "--image", TestAssets.sample("chelsea.png").toString(),
                "--patch", "32", "--mode", "flexi", "--out", tmp.toString());
        assertEquals(0, code, err.toString());
        JsonObject json = JsonParser.parseString(Files.readString(tmp.resolve("analysis.json"))).getAsJsonObject();
        assertEquals(7, json.getAsJsonObject("grid").get("height").getAsInt());
        assertEquals(12, json.getAsJsonArray("classTokenAttention").size());
        assertEquals(3, json.getAsJsonArray("classTokenAttention").get(0).getAsJsonArray().size());
        assertEquals(7, json.getAsJsonArray("rollout").size());
        assertEquals(5, json.getAsJsonArray("top5").size());
        assertTrue(Files.size(tmp.resolve("rollout.png")) > 0);
        assertTrue(Files.size(tmp.resolve("last_layer_mean_attention.png")) > 0);
    }

    @Test
    void resizeAtNativePatchToStdoutFindsTheCat() {
        int code = run("analyze", "--model", pretrainedVit(), "--image", TestAssets.sample("chelsea.png").toString(), "--patch", "16", "--mode", "resize");
        assertEquals(0, code, err.toString());
        JsonObject json = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(285, json.getAsJsonArray("top5").get(0).getAsJsonObject().get("index").getAsInt());
        assertEquals("Egyptian cat", json.getAsJsonArray("top5").get(0).getAsJsonObject().get("label").getAsString());
    }

    @Test
    void badInputIsOneLineAndNonZero() throws Exception {
        assertEquals(2, run("analyze", "--model", vit(), "--image", TestAssets.sample("chelsea.png").toString(), "--mode", "zoom"));
        assertTrue(err.toString().contains("--mode must be resize or flexi"), err.toString());
        err.reset();
        assertEquals(2, run("analyze", "--model", vit(), "--image", tmp.resolve("nope.png").toString()));
        assertEquals(1, err.toString().strip().lines().count());
        err.reset();
        Files.writeString(tmp.resolve("config.json"), "{}");
        assertEquals(1, run("analyze", "--model", tmp.resolve("missing").toString(), "--image", TestAssets.sample("chelsea.png").toString()));
        assertTrue(err.toString().contains("does not exist"), err.toString());
    }
}
