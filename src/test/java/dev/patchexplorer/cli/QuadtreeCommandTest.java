package dev.patchexplorer.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.patchexplorer.core.adaptive.BlurScorer;
import dev.patchexplorer.core.adaptive.CellOutlines;
import dev.patchexplorer.core.adaptive.QuadCell;
import dev.patchexplorer.core.adaptive.Quadtree;
import dev.patchexplorer.core.adaptive.QuadtreeSpec;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.testing.TestAssets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuadtreeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesCellsThatTileTheWorkingImageAndThePicture() throws Exception {
        String image = TestAssets.sample("chelsea.png").toString();
        CliRun r = CliRun.standard("quadtree", "--image", image, "--size", "256", "--min", "16", "--max", "64",
                "--budget", "64", "--out", tmp.toString());
        assertEquals(0, r.code(), r.toString());
        JsonObject json = JsonParser.parseString(Files.readString(tmp.resolve("quadtree.json"))).getAsJsonObject();
        assertEquals(64, json.get("tokens").getAsInt());
        assertEquals(16, json.get("initial_tokens").getAsInt());
        assertEquals(16, json.get("splits").getAsInt());
        assertEquals(256, json.get("uniform_tokens").getAsInt());
        assertEquals(64.0 * 64 / (256.0 * 256), json.get("attention_cost_vs_uniform").getAsDouble(), 1e-12);
        List<QuadCell> cells = new ArrayList<>();
        for (JsonElement e : json.getAsJsonArray("cells")) {
            JsonObject c = e.getAsJsonObject();
            cells.add(new QuadCell(c.get("x").getAsInt(), c.get("y").getAsInt(), c.get("size").getAsInt()));
        }
        assertEquals(64, cells.size());
        int[] cover = new int[256 * 256];
        for (QuadCell c : cells) for (int y = c.y(); y < c.y() + c.size(); y++) for (int x = c.x(); x < c.x() + c.size(); x++) cover[y * 256 + x]++;
        for (int v : cover) assertEquals(1, v);

        // the same working pixels as analyze (centre square, bicubic to --size), the same cells as the core call
        RgbImage working = Preprocess.resizeBicubic(Preprocess.centerCropSquare(ImageFiles.read(Path.of(image)).pixels()), 256, 256);
        assertEquals(Quadtree.tokenize(working, new QuadtreeSpec(256, 16, 64, 64), new BlurScorer()).cells(), cells);
        BufferedImage png = ImageIO.read(tmp.resolve("quadtree.png").toFile());
        int[] drawn = png.getRGB(0, 0, 256, 256, null, 0, 256);
        assertArrayEquals(CellOutlines.draw(working, cells, QuadtreeCommand.LINE_COLOUR).argb(), drawn);
        assertTrue(r.out().contains("quadtree.json"), r.out());
    }

    @Test
    void entropyScoreIsAccepted() throws Exception {
        CliRun r = CliRun.standard("quadtree", "--image", TestAssets.sample("coffee.png").toString(), "--size", "128", "--min", "8",
                "--max", "32", "--budget", "40", "--score", "entropy", "--out", tmp.toString());
        assertEquals(0, r.code(), r.toString());
        JsonObject json = JsonParser.parseString(Files.readString(tmp.resolve("quadtree.json"))).getAsJsonObject();
        assertEquals("entropy", json.get("score").getAsString());
        assertEquals(40, json.get("tokens").getAsInt()); // 16 + 3 x 8
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        String image = TestAssets.sample("chelsea.png").toString();
        Path file = Files.writeString(tmp.resolve("file.txt"), "x");
        for (String[] args : new String[][]{
                {"quadtree", "--image", image, "--out", tmp.toString(), "--max", "48"},
                {"quadtree", "--image", image, "--out", tmp.toString(), "--size", "200"},
                {"quadtree", "--image", image, "--out", tmp.toString(), "--budget", "3"},
                {"quadtree", "--image", image, "--out", tmp.toString(), "--min", "0"},
                {"quadtree", "--image", image, "--out", tmp.toString(), "--score", "saliency"},
                {"quadtree", "--image", image, "--out", tmp.toString(), "--size", "8"},
                {"quadtree", "--image", image, "--out", file.toString()},
                {"quadtree", "--image", image},
                {"quadtree", "--image", tmp.resolve("missing.png").toString(), "--out", tmp.toString()},
                {"quadtree", "--out", tmp.toString()}}) {
            CliRun r = CliRun.standard(args);
            assertEquals(2, r.code(), String.join(" ", args) + "\n" + r);
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("patch-explorer quadtree: "), r.err());
            assertTrue(!r.err().contains("Exception"), r.err());
        }
        assertTrue(CliRun.standard("quadtree", "--image", image, "--out", tmp.toString(), "--budget", "3").err()
                .contains("a budget of 3 tokens is below the 16 patches of side 64 that cover the image"));
    }
}
