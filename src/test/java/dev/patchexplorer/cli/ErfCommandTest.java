package dev.patchexplorer.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.testing.TinyCheckpoints.Kind;
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
import java.util.Arrays;
import java.util.Comparator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code erf} run in-process through {@link Cli#standard()}; the JSON is read back and checked by hand-worked numbers.
 * The models are the tests' tiny checkpoints: fields, units and supports depend on the layers, not on trained weights.
 */
class ErfCommandTest {
    @TempDir
    Path tmp;
    @TempDir
    Path models;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonObject erfJson() throws Exception {
        return JsonParser.parseString(Files.readString(tmp.resolve("erf.json"))).getAsJsonObject();
    }

    private String model(Kind kind) throws IOException {
        return TinyCheckpoints.write(kind, models.resolve(kind.name())).toString();
    }

    private static String chelsea() {
        return TestAssets.sample("chelsea.png").toString();
    }

    /**
     * blocks.3.1 of MobileNetV2 at 224 px: RF 107, effective stride 16, effective padding 53, so unit u is
     * centred at 16u; the point (140, 90) is nearest to column 9 (144) and row 6 (96), whose box starts at
     * 9 * 16 - 53 = 91 and 6 * 16 - 53 = 43.
     */
    @Test
    void cnnUnitNearestTheClickWithItsFieldAndRadii() throws Exception {
        int code = run("erf", "--model", model(Kind.MOBILENETV2), "--image", chelsea(), "--layer", "blocks.3.1",
                "--at", "140,90", "--out", tmp.toString());
        assertEquals(0, code, err.toString());
        JsonObject json = erfJson();
        assertEquals("cnn", json.get("family").getAsString());
        JsonObject unit = json.getAsJsonObject("unit");
        assertEquals(6, unit.get("row").getAsInt());
        assertEquals(9, unit.get("col").getAsInt());
        JsonObject rf = json.getAsJsonObject("theoretical_rf");
        assertEquals(107, rf.get("size").getAsInt());
        assertEquals(16, rf.get("stride").getAsInt());
        assertBox(rf.getAsJsonObject("box"), 91, 43, 198, 150);
        float[][] g = gradient(json, 224, 224);
        assertZeroOutside(g, 91, 43, 198, 150);
        assertEquals(1.0, json.getAsJsonObject("erf").get("mass_inside_theoretical_rf").getAsDouble(), 0);
        checkRadii(json, g, 144, 96, 107);
        BufferedImage png = ImageIO.read(tmp.resolve("erf.png").toFile());
        assertEquals(448, png.getWidth(), "a 224 px image is drawn twice as large");
        assertTrue(png.getHeight() > 448, "caption band below the image");
        JsonObject summary = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(json.getAsJsonObject("erf").get("radius50").getAsDouble(), summary.get("radius50").getAsDouble(), 0);
    }

    @Test
    void vitBlockZeroIsExactlyTheClickedPatch() throws Exception {
        int code = run("erf", "--model", model(Kind.VIT), "--image", chelsea(), "--layer", "0",
                "--at", "140,90", "--out", tmp.toString());
        assertEquals(0, code, err.toString());
        JsonObject json = erfJson();
        JsonObject unit = json.getAsJsonObject("unit");
        assertEquals(5, unit.get("token_row").getAsInt());
        assertEquals(8, unit.get("token_col").getAsInt());
        assertEquals(16, json.getAsJsonObject("theoretical_rf").get("size").getAsInt());
        assertBox(json.getAsJsonObject("theoretical_rf").getAsJsonObject("box"), 128, 80, 144, 96);
        float[][] g = gradient(json, 224, 224);
        assertZeroOutside(g, 128, 80, 144, 96);
        checkRadii(json, g, 135.5, 87.5, 16);
    }

    /** RESIZE at patch 32: a 7x7 grid run at the native 16 px, so the gradient lives on a 112 px input, 2 working px each. */
    @Test
    void vitResizeModeReportsTheInputGridAndScale() throws Exception {
        int code = run("erf", "--model", model(Kind.VIT), "--image", chelsea(), "--layer", "3",
                "--at", "200,10", "--patch", "32", "--mode", "resize", "--out", tmp.toString());
        assertEquals(0, code, err.toString());
        JsonObject json = erfJson();
        assertEquals(2.0, json.get("scale").getAsDouble(), 0);
        assertEquals(16, json.getAsJsonObject("unit").get("model_patch").getAsInt());
        assertEquals(0, json.getAsJsonObject("unit").get("token_row").getAsInt());
        assertEquals(6, json.getAsJsonObject("unit").get("token_col").getAsInt());
        assertEquals(112, json.getAsJsonObject("theoretical_rf").get("size").getAsInt(), "the whole grid after a block");
        float[][] g = gradient(json, 112, 112);
        int outside = 0;
        for (int y = 0; y < 112; y++) for (int x = 0; x < 112; x++) if (g[y][x] > 0 && (y >= 16 || x < 96)) outside++;
        assertTrue(outside > 112 * 112 / 2, "after attention the field covers most of the image: " + outside);
        checkRadii(json, g, 103.5, 7.5, 112);
    }

    @Test
    void resNetGroupNameMeansItsLastBlock() throws Exception {
        int code = run("erf", "--model", model(Kind.RESNET18), "--image", chelsea(), "--layer", "layer2",
                "--at", "111,111", "--out", tmp.toString());
        assertEquals(0, code, err.toString());
        JsonObject json = erfJson();
        assertEquals("layer2.1", json.get("layer").getAsString());
        // ResNet-18 layer2.1 by hand: r = 7 + 2*2 (max-pool) + 4 * 2*4 (layer1) + 4 * 2*8 (layer2) = 99,
        // S = 8, P = 3 + 1*2 + 4 * 1*4 + 1*4 + 3 * 1*8 = 49; unit u is centred at 8u - 49 + 49 = 8u,
        // so 111 is nearest to u = 14 (112), whose box is [14 * 8 - 49, + 99) = [63, 162)
        assertEquals(99, json.getAsJsonObject("theoretical_rf").get("size").getAsInt());
        assertEquals(49, json.getAsJsonObject("theoretical_rf").get("padding").getAsInt());
        assertEquals(14, json.getAsJsonObject("unit").get("col").getAsInt());
        assertEquals(14, json.getAsJsonObject("unit").get("row").getAsInt());
        float[][] g = gradient(json, 224, 224);
        assertZeroOutside(g, 63, 63, 162, 162);
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws Exception {
        String cnn = model(Kind.MOBILENETV2), vit = model(Kind.VIT);
        String out = tmp.toString();
        expectUsage("no layer 'nope'", "erf", "--model", cnn, "--image", chelsea(), "--layer", "nope", "--at", "1,1", "--out", out);
        expectUsage("block index from 0 (after the patch embedding) to 12", "erf", "--model", vit, "--image", chelsea(), "--layer", "13",
                "--at", "1,1", "--out", out);
        expectUsage("block index", "erf", "--model", vit, "--image", chelsea(), "--layer", "blocks.3", "--at", "1,1", "--out", out);
        expectUsage("outside the 224x224 working image", "erf", "--model", cnn, "--image", chelsea(), "--layer", "conv_head",
                "--at", "224,5", "--out", out);
        expectUsage("--at expects two numbers", "erf", "--model", cnn, "--image", chelsea(), "--layer", "conv_head", "--at", "a,b", "--out", out);
        expectUsage("--at expects X,Y", "erf", "--model", cnn, "--image", chelsea(), "--layer", "conv_head", "--at", "5", "--out", out);
        expectUsage("ViT models only", "erf", "--model", cnn, "--image", chelsea(), "--layer", "conv_head", "--at", "5,5",
                "--patch", "16", "--out", out);
        expectUsage("margin", "erf", "--model", vit, "--image", chelsea(), "--layer", "1", "--at", "200,10", "--patch", "48",
                "--mode", "flexi", "--out", out);
        expectUsage("missing required option --out", "erf", "--model", cnn, "--image", chelsea(), "--layer", "conv_head", "--at", "5,5");
        expectUsage("--mode must be resize or flexi", "erf", "--model", vit, "--image", chelsea(), "--layer", "1", "--at", "5,5",
                "--mode", "zoom", "--out", out);
        assertTrue(!Files.exists(tmp.resolve("erf.json")), "nothing written for bad input");
    }

    private void expectUsage(String message, String... args) {
        err.reset();
        assertEquals(2, run(args), String.join(" ", args));
        String text = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(message), text);
    }

    private static float[][] gradient(JsonObject json, int h, int w) {
        JsonArray rows = json.getAsJsonArray("gradient");
        assertEquals(h, rows.size());
        float[][] g = new float[h][w];
        for (int y = 0; y < h; y++) {
            JsonArray row = rows.get(y).getAsJsonArray();
            assertEquals(w, row.size());
            for (int x = 0; x < w; x++) g[y][x] = row.get(x).getAsFloat();
        }
        return g;
    }

    private static void assertZeroOutside(float[][] g, int x0, int y0, int x1, int y1) {
        boolean inside = false;
        for (int y = 0; y < g.length; y++) {
            for (int x = 0; x < g[y].length; x++) {
                boolean in = x >= x0 && x < x1 && y >= y0 && y < y1;
                if (!in) assertEquals(0f, g[y][x], "pixel (" + x + ", " + y + ") outside the field");
                inside |= in && g[y][x] > 0;
            }
        }
        assertTrue(inside, "gradient inside the field");
    }

    private static void assertBox(JsonObject box, int x0, int y0, int x1, int y1) {
        assertEquals(x0, box.get("x0").getAsInt());
        assertEquals(y0, box.get("y0").getAsInt());
        assertEquals(x1, box.get("x1").getAsInt());
        assertEquals(y1, box.get("y1").getAsInt());
    }

    /** The 50 % / 90 % radii recomputed by brute force: pixels sorted by distance from the centre, mass accumulated. */
    private static void checkRadii(JsonObject json, float[][] g, double cx, double cy, int theoreticalSize) {
        JsonObject centre = json.getAsJsonObject("unit").getAsJsonObject("centre");
        assertEquals(cx, centre.get("x").getAsDouble(), 1e-9);
        assertEquals(cy, centre.get("y").getAsDouble(), 1e-9);
        int h = g.length, w = g[0].length;
        double[][] pixels = new double[h * w][];
        double total = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixels[y * w + x] = new double[] {Math.hypot(x - cx, y - cy), g[y][x]};
                total += g[y][x];
            }
        }
        Arrays.sort(pixels, Comparator.comparingDouble(p -> p[0]));
        JsonObject erf = json.getAsJsonObject("erf");
        for (double share : new double[] {0.5, 0.9}) {
            double sum = 0, radius = -1;
            for (int i = 0; i < pixels.length && radius < 0; i++) {
                sum += pixels[i][1];
                boolean lastAtThisDistance = i + 1 == pixels.length || pixels[i + 1][0] > pixels[i][0];
                if (lastAtThisDistance && sum >= share * total) radius = pixels[i][0];
            }
            String key = share == 0.5 ? "50" : "90";
            assertEquals(radius, erf.get("radius" + key).getAsDouble(), 1e-9, "radius" + key);
            assertEquals(radius / (theoreticalSize / 2.0), erf.get("fraction" + key).getAsDouble(), 1e-9, "fraction" + key);
        }
    }
}
