package dev.patchexplorer.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;

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
        int gridH = json.getAsJsonObject("grid").get("height").getAsInt(), gridW = json.getAsJsonObject("grid").get("width").getAsInt();
        RgbImage used = Preprocess.resizeBicubic(Preprocess.centerCropSquare(ImageFiles.read(TestAssets.sample("chelsea.png")).pixels()),
                json.get("size").getAsInt(), json.get("size").getAsInt());
        assertOverlay(tmp.resolve("rollout.png"), used, gridH, gridW, rows(json.getAsJsonArray("rollout")));
        JsonArray lastLayer = json.getAsJsonArray("classTokenAttention").get(json.getAsJsonArray("classTokenAttention").size() - 1).getAsJsonArray();
        double[] lastMean = new double[gridH * gridW];
        for (JsonElement head : lastLayer) {
            double[] h = rows(head.getAsJsonArray());
            for (int i = 0; i < h.length; i++) lastMean[i] += h[i] / lastLayer.size();
        }
        assertOverlay(tmp.resolve("last_layer_mean_attention.png"), used, gridH, gridW, lastMean);
    }

    /** The map's rows (a JSON array of arrays) flattened row by row. */
    private static double[] rows(JsonArray rows) {
        return StreamSupport.stream(rows.spliterator(), false).flatMap(r -> StreamSupport.stream(r.getAsJsonArray().spliterator(), false))
                .mapToDouble(JsonElement::getAsDouble).toArray();
    }

    /**
     * A PNG of whole patches (gridW x 32 by gridH x 32 px) where the map's largest cell is 60 % viridis' top
     * colour #FDE725 over the photo and its smallest cell 60 % viridis' bottom colour #440154 (matplotlib's table).
     */
    private static void assertOverlay(Path png, RgbImage base, int gridH, int gridW, double[] map) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(gridW * 32, img.getWidth(), png + " width");
        assertEquals(gridH * 32, img.getHeight(), png + " height");
        int hi = 0, lo = 0;
        for (int i = 0; i < map.length; i++) {
            if (map[i] > map[hi]) hi = i;
            if (map[i] < map[lo]) lo = i;
        }
        assertTrue(map[hi] > map[lo], "a map with contrast: " + map[lo] + " .. " + map[hi]);
        for (int[] cell : new int[][] {{hi, 0xfde725}, {lo, 0x440154}}) {
            for (int[] at : new int[][] {{4, 4}, {16, 16}, {27, 20}}) {
                int x = cell[0] % gridW * 32 + at[0], y = cell[0] / gridW * 32 + at[1];
                int want = blend(base.get(x, y), cell[1]), got = img.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    assertEquals((want >> shift) & 0xff, (got >> shift) & 0xff, 1,
                            png.getFileName() + String.format(" pixel (%d, %d): want #%06x, got #%06x", x, y, want & 0xffffff, got & 0xffffff));
                }
            }
        }
    }

    private static int blend(int photo, int colour) {
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            out |= (int) Math.round(0.4 * ((photo >> shift) & 0xff) + 0.6 * ((colour >> shift) & 0xff)) << shift;
        }
        return out;
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
        assertEquals(2, run("analyze", "--model", tmp.resolve("missing").toString(), "--image", TestAssets.sample("chelsea.png").toString()));
        assertTrue(err.toString().contains("model folder not found"), err.toString());
    }

    @Test
    void aPassTooLargeForThisComputerExitsTwoNamingAPatchThatFits() throws Exception {
        // Patch 1 at 2048 px: 4,194,305 tokens; all 12 layers' attention alone, 144 x 4,194,305^2 bytes, is 2.25 PiB.
        int code = run("analyze", "--model", vit(), "--image", TestAssets.sample("chelsea.png").toString(),
                "--patch", "1", "--size", "2048", "--mode", "flexi");
        String line = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, line);
        assertEquals(1, line.strip().lines().count(), line);
        assertTrue(line.contains("4,194,305 tokens need 2.25 PiB"), line);
        java.util.regex.Matcher fits = java.util.regex.Pattern.compile("patch (\\d+) or larger fits at 2048 px").matcher(line);
        assertTrue(fits.find(), line);
        assertTrue(Integer.parseInt(fits.group(1)) > 1, line);
        assertTrue(!line.contains("Exception") && !line.contains("\tat "), line);
    }
}
