package dev.patchexplorer.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TradeoffsCommandTest {
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void vitBase16At224() {
        Result r = run("tradeoffs", "--arch", "vit_base_patch16_224", "--size", "224", "--patch", "16");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(14, o.get("grid_rows").getAsInt());
        assertEquals(196, o.get("patch_tokens").getAsInt());
        assertEquals(197, o.get("sequence_length").getAsInt());
        assertEquals(17.56, o.get("gmacs").getAsDouble(), 0.005);             // PATCH_MATH.md check value
        assertEquals(2 * o.getAsJsonObject("macs").get("total").getAsLong() / 1e9, o.get("gflops").getAsDouble(), 1e-4);
        assertEquals(12L * 197 * 197 * 4, o.get("attention_bytes_per_layer").getAsLong());
        assertEquals(86_567_656L, o.get("model_parameters").getAsLong());
    }

    @Test
    void modelParametersFollowThePatchSize() {
        JsonObject o = JsonParser.parseString(run("tradeoffs", "--arch", "vit_tiny_patch16_224", "--size", "1024",
                "--patch", "128").out()).getAsJsonObject();
        // 128^2 x 3 x 192 + 192 = 9,437,376 embedding, (64 + 1) x 192 position, 5,531,944 in the rest (TradeOffsTest)
        assertEquals(9_437_376L, o.get("patch_embedding_parameters").getAsLong());
        assertEquals(14_981_800L, o.get("model_parameters").getAsLong());
    }

    @Test
    void listAndRangeSweep() {
        JsonArray list = JsonParser.parseString(run("tradeoffs", "--arch", "vit_base_patch16_224", "--patch", "8,16,32").out()).getAsJsonArray();
        assertEquals(3, list.size());
        assertEquals(4.41, list.get(2).getAsJsonObject().get("gmacs").getAsDouble(), 0.005);
        JsonArray range = JsonParser.parseString(run("tradeoffs", "--patch", "4:64").out()).getAsJsonArray();
        assertEquals(61, range.size());
        assertEquals(4, range.get(0).getAsJsonObject().get("patch").getAsInt());
        assertEquals(56 * 56, range.get(0).getAsJsonObject().get("patch_tokens").getAsInt());  // floor(224/4)^2
    }

    @Test
    void nonSquareWithPadding() {
        JsonObject o = JsonParser.parseString(run("tradeoffs", "--width", "300", "--height", "200", "--patch", "32",
                "--edge", "pad").out()).getAsJsonObject();
        assertEquals(7, o.get("grid_rows").getAsInt());
        assertEquals(10, o.get("grid_cols").getAsInt());
        assertEquals(320L * 224 - 300L * 200, o.get("padded_pixels").getAsLong());
    }

    @Test
    void swinArchitecturesGiveCostsPerStage() {
        JsonObject t = JsonParser.parseString(run("tradeoffs", "--arch", "swin_tiny_patch4_window7_224").out()).getAsJsonObject();
        assertEquals(4.49, t.get("gmacs").getAsDouble(), 0.005);   // torchvision's Swin_T GFLOPS (multiply-adds), SwinCostsTest
        assertEquals(4, t.get("patch").getAsInt());
        assertEquals(224, t.get("width").getAsInt());
        JsonArray stages = t.getAsJsonArray("stages");
        assertEquals(4, stages.size());
        int[] tokens = {3136, 784, 196, 49};
        for (int s = 0; s < 4; s++) assertEquals(tokens[s], stages.get(s).getAsJsonObject().get("tokens").getAsInt());
        assertEquals(28_288_354L, t.get("model_parameters").getAsLong());
        assertTrue(t.get("global_attention_gmacs").getAsDouble() > t.get("gmacs").getAsDouble());
        assertEquals(1 - t.get("gmacs").getAsDouble() / t.get("global_attention_gmacs").getAsDouble(),
                t.get("window_saving").getAsDouble(), 1e-3);
        assertEquals(8.74, JsonParser.parseString(run("tradeoffs", "--arch", "swin_small_patch4_window7_224").out())
                .getAsJsonObject().get("gmacs").getAsDouble(), 0.005);
        assertEquals(15.43, JsonParser.parseString(run("tradeoffs", "--arch", "swin_base_patch4_window7_224").out())
                .getAsJsonObject().get("gmacs").getAsDouble(), 0.005);
        JsonArray sweep = JsonParser.parseString(run("tradeoffs", "--arch", "swin_tiny_patch4_window7_224", "--patch", "2,4").out()).getAsJsonArray();
        assertEquals(112 * 112, sweep.get(0).getAsJsonObject().getAsJsonArray("stages").get(0).getAsJsonObject().get("tokens").getAsInt());
    }

    @Test
    void swinRefusesWhatItCannotDo() {
        for (String[] args : new String[][]{
                {"tradeoffs", "--arch", "swin_tiny_patch4_window7_224", "--size", "200"},
                {"tradeoffs", "--arch", "swin_tiny_patch4_window7_224", "--stride", "2"},
                {"tradeoffs", "--arch", "swin_tiny_patch4_window7_224", "--edge", "pad"},
                {"tradeoffs", "--arch", "swin_tiny_patch4_window7_224", "--patch", "0"}}) {
            Result r = run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals(1, r.err().lines().count(), r.err());
            assertEquals("", r.out());
        }
        assertTrue(run("tradeoffs", "--arch", "swin_tiny_patch4_window7_224", "--size", "200").err().contains("multiples of 32"));
        assertTrue(run("tradeoffs", "--arch", "nope").err().contains("swin_base_patch4_window7_224"));
    }

    @Test
    void badInputExitsNonZeroWithOneLine() {
        for (String[] args : new String[][]{
                {"tradeoffs", "--patch", "300"},
                {"tradeoffs", "--patch", "0"},
                {"tradeoffs", "--patch", "-4"},
                {"tradeoffs", "--patch", "abc"},
                {"tradeoffs", "--bogus", "1"},
                {"tradeoffs", "--arch", "vit_huge_patch99"},
                {"tradeoffs", "--size", "0"},
                {"tradeoffs", "--patch", "64:4"},
                {"tradeoffs", "--edge", "wrap"},
                {"nonsense"}}) {
            Result r = run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals("", r.out(), String.join(" ", args));
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("patch-explorer"), r.err());
        }
        assertTrue(run("tradeoffs", "--patch", "300").err().contains("larger than the 224x224 image"));
    }
}
