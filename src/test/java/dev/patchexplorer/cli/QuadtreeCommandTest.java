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

    @Test
    void theAttentionScoreSplitsFirstWhereTheRolloutMassIs() throws Exception {
        String image = TestAssets.sample("chelsea.png").toString();
        Path vit = dev.patchexplorer.testing.TinyCheckpoints.vit(tmp.resolve("vit"));
        Path out = tmp.resolve("out");
        // 192 px from 64 px cells: 9 to start, the rollout at the tiny ViT's 16 px patch is 12 x 12
        CliRun r = CliRun.standard("quadtree", "--image", image, "--size", "192", "--min", "16", "--max", "64",
                "--budget", "12", "--score", "attention", "--model", vit.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        JsonObject json = JsonParser.parseString(Files.readString(out.resolve("quadtree.json"))).getAsJsonObject();
        assertEquals("attention", json.get("score").getAsString());
        assertEquals(12, json.get("tokens").getAsInt()); // 9 + 3: one split
        JsonObject map = json.getAsJsonObject("attention_map");
        assertEquals(16, map.get("patch").getAsInt());
        assertEquals("rollout", map.get("map").getAsString());
        List<QuadCell> cells = new ArrayList<>();
        for (JsonElement e : json.getAsJsonArray("cells")) {
            JsonObject c = e.getAsJsonObject();
            cells.add(new QuadCell(c.get("x").getAsInt(), c.get("y").getAsInt(), c.get("size").getAsInt()));
        }
        int[] cover = new int[192 * 192];
        for (QuadCell c : cells) for (int y = c.y(); y < c.y() + c.size(); y++) for (int x = c.x(); x < c.x() + c.size(); x++) cover[y * 192 + x]++;
        for (int v : cover) assertEquals(1, v);

        // the rollout on the same working pixels, summed here over each 64 px cell's 4 x 4 patches: the heaviest splits
        RgbImage working = Preprocess.resizeBicubic(Preprocess.centerCropSquare(ImageFiles.read(Path.of(image)).pixels()), 192, 192);
        RolloutMap rollout = RolloutMap.of(vit, working, dev.patchexplorer.core.vit.PatchMode.RESIZE);
        assertEquals(12 * 12, rollout.values().length);
        int heaviest = -1;
        double most = -1;
        for (int cell = 0; cell < 9; cell++) {
            double sum = 0;
            for (int pr = 0; pr < 4; pr++) for (int pc = 0; pc < 4; pc++) sum += rollout.values()[((cell / 3) * 4 + pr) * 12 + (cell % 3) * 4 + pc];
            if (sum > most) {
                most = sum;
                heaviest = cell;
            }
        }
        int hx = (heaviest % 3) * 64, hy = (heaviest / 3) * 64;
        for (QuadCell c : cells) {
            boolean inside = c.x() >= hx && c.x() < hx + 64 && c.y() >= hy && c.y() < hy + 64;
            assertEquals(inside ? 32 : 64, c.size(), "cell " + c + " with the heaviest at " + hx + "," + hy);
        }
    }

    @Test
    void theAttentionScoreNeedsAModelAndTheOthersRefuseOne() throws Exception {
        String image = TestAssets.sample("chelsea.png").toString();
        CliRun r = CliRun.standard("quadtree", "--image", image, "--score", "attention", "--out", tmp.toString());
        assertEquals(2, r.code());
        assertEquals("patch-explorer quadtree: --score attention needs a ViT --model", r.err().strip().lines().findFirst().orElse(""));
        assertEquals(1, r.err().strip().lines().count(), r.err());
        CliRun blur = CliRun.standard("quadtree", "--image", image, "--model", "x", "--out", tmp.toString());
        assertEquals(2, blur.code());
        assertTrue(blur.err().contains("--model and --mode apply to --score attention only"), blur.err());
        Path cnn = dev.patchexplorer.testing.TinyCheckpoints.mobileNetV2(tmp.resolve("cnn"));
        CliRun c = CliRun.standard("quadtree", "--image", image, "--score", "attention", "--model", cnn.toString(), "--out", tmp.toString());
        assertEquals(2, c.code(), c.toString());
        assertTrue(c.err().startsWith("patch-explorer quadtree: --score attention needs a ViT"), c.err());
        assertEquals(1, c.err().strip().lines().count(), c.err());
        assertTrue(!c.err().contains("Exception"), c.err());
    }
}
