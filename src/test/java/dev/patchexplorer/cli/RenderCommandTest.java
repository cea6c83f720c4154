package dev.patchexplorer.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.patchexplorer.core.tradeoff.ReadoutFields;
import dev.patchexplorer.render.ReadoutFiles;
import dev.patchexplorer.testing.TestAssets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code render} without a model, its refusals, and the readout CSV against {@code tradeoffs}' JSON. */
class RenderCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aGridOnlyViewAtTwoX(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("v.png");
        assertEquals(0, run("render", "--image", TestAssets.sample("chelsea.png").toString(), "--size", "224", "--patch", "32",
                "--scale", "2", "--out", png.toString()), err.toString());
        JsonObject json = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(448, img.getWidth());
        assertEquals(json.get("height").getAsInt(), img.getHeight());
        assertEquals(7, json.getAsJsonObject("grid").get("cols").getAsInt());
        assertEquals("chelsea.png · patch 32", json.get("caption").getAsString());
        // no legend, one caption line: 224 + 6 + 14 + 6, doubled
        assertEquals((224 + 26) * 2, img.getHeight());
        // default grid colour #ffd400 at 85 % over the photo: the line at x = 32 * 2 is mostly yellow
        int rgb = img.getRGB(64, 40);
        assertTrue(((rgb >> 16) & 0xff) > 200 && ((rgb >> 8) & 0xff) > 170 && (rgb & 0xff) < 80, Integer.toHexString(rgb));
    }

    @Test
    void badInputExitsTwoWithOneLine(@TempDir Path dir) {
        String image = TestAssets.sample("chelsea.png").toString();
        String[][] bad = {
                {"render", "--image", image, "--scale", "3", "--out", dir.resolve("a.png").toString()},
                {"render", "--image", image, "--out", dir.toString()},
                {"render", "--image", image, "--out", dir.resolve("a.jpg").toString()},
                {"render", "--image", image, "--map", "cls", "--out", dir.resolve("a.png").toString()},
                {"render", "--image", image, "--lang", "fr", "--out", dir.resolve("a.png").toString()},
                {"render", "--image", image, "--opacity", "NaN", "--out", dir.resolve("a.png").toString()},
                {"render", "--image", dir.resolve("missing.png").toString(), "--out", dir.resolve("a.png").toString()},
                {"render", "--image", image, "--patch", "300", "--out", dir.resolve("a.png").toString()},
        };
        for (String[] args : bad) {
            err.reset();
            assertEquals(2, run(args), String.join(" ", args));
            String message = err.toString(StandardCharsets.UTF_8).strip();
            assertEquals(1, message.lines().count(), message);
            assertFalse(message.contains("Exception"), message);
        }
        assertFalse(Files.exists(dir.resolve("a.png")), "a refused run writes nothing");
    }

    /** The window's readout CSV holds tradeoffs' JSON, value for value, one row per value under a header. */
    @Test
    void readoutCsvEqualsTradeoffsJson() {
        assertEquals(0, run("tradeoffs", "--size", "224", "--patch", "16"), err.toString());
        JsonObject json = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        var arch = dev.patchexplorer.core.tradeoff.VitPresets.defaultArchitecture();
        var grid = dev.patchexplorer.core.grid.PatchGrid.of(224, 224, dev.patchexplorer.core.grid.GridSpec.of(16));
        var t = dev.patchexplorer.core.tradeoff.TradeOffs.of(arch, grid, Runtime.getRuntime().maxMemory());
        Map<String, Object> flat = ReadoutFields.flat(ReadoutFields.of(arch, 224, 224, 16, 16, grid.spec().edge(), t));
        String[] rows = ReadoutFiles.csv(flat).split("\n");
        int leaves = json.size() - 1 + json.getAsJsonObject("macs").size();
        assertEquals(leaves + 1, rows.length, "header plus one row per value");
        assertEquals("readout,value", rows[0]);
        for (int i = 1; i < rows.length; i++) {
            String[] cells = rows[i].split(",", 2);
            String[] path = cells[0].split("\\.");
            var v = path.length == 1 ? json.get(path[0]) : json.getAsJsonObject(path[0]).get(path[1]);
            assertTrue(v != null, "tradeoffs has no " + cells[0]);
            if (v.getAsJsonPrimitive().isNumber()) {
                assertEquals(v.getAsDouble(), Double.parseDouble(cells[1]), 0.0, cells[0]);
            } else {
                assertEquals(v.getAsString(), cells[1], cells[0]);
            }
        }
        assertEquals(196, json.get("patch_tokens").getAsInt()); // 14 x 14, by hand
    }
}
