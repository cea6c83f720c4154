package dev.patchexplorer.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code reconstruct}: the JSON's rank, P²C and D, and its PSNR against one worked out here from the
 * two PNGs it writes. On the real ViT-Ti, patch 8 (192 values into 192 dimensions) comes back almost
 * exactly and patch 32 (3,072 into 192) does not.
 */
class ReconstructCommandTest {
    @TempDir
    Path tmp;
    @TempDir
    Path models;

    private static String chelsea() {
        return TestAssets.sample("chelsea.png").toString();
    }

    @Test
    void tinyVitJsonAndPictures() throws IOException {
        String vit = TinyCheckpoints.vit(models.resolve("vit")).toString();
        Path out = tmp.resolve("p4");
        CliRun run = CliRun.standard("reconstruct", "--model", vit, "--image", chelsea(), "--patch", "4", "--size", "64",
                "--out", out.toString());
        assertEquals(0, run.code(), run.toString());
        JsonObject json = json(out);
        // D = 24 rows, P²C = 48 values: the rank is at most 24, and random rows have it
        assertEquals(24, json.get("dim").getAsInt());
        assertEquals(48, json.get("values_per_patch").getAsInt());
        assertEquals(24, json.get("rank").getAsInt());
        assertEquals(16, json.getAsJsonObject("grid").get("width").getAsInt());
        assertEquals(psnrOf(out), json.get("psnr").getAsDouble(), 1e-9);
        assertFalse(json.get("lossless").getAsBoolean());

        Path out2 = tmp.resolve("p2");
        run = CliRun.standard("reconstruct", "--model", vit, "--image", chelsea(), "--patch", "2", "--size", "64",
                "--out", out2.toString());
        assertEquals(0, run.code(), run.toString());
        JsonObject small = json(out2);
        assertEquals(12, small.get("values_per_patch").getAsInt()); // 12 values into 24 dimensions: all kept
        assertEquals(12, small.get("rank").getAsInt());
        assertTrue(small.get("lossless").getAsBoolean() || small.get("psnr").getAsDouble() > 40, small.toString());
    }

    @Test
    void realVitTinyKeepsEverythingAtPatch8AndBlursAt32() throws IOException {
        String vit = TestAssets.model("vit_tiny_patch16_224.augreg_in21k_ft_in1k").toString();
        Path p8 = tmp.resolve("p8");
        CliRun run = CliRun.standard("reconstruct", "--model", vit, "--image", chelsea(), "--patch", "8", "--size", "224",
                "--out", p8.toString());
        assertEquals(0, run.code(), run.toString());
        JsonObject j8 = json(p8);
        assertEquals(192, j8.get("values_per_patch").getAsInt());
        assertEquals(192, j8.get("dim").getAsInt());
        assertEquals(192, j8.get("rank").getAsInt());
        double psnr8 = j8.has("psnr") ? j8.get("psnr").getAsDouble() : Double.POSITIVE_INFINITY;
        assertTrue(psnr8 > 40, "patch 8 PSNR " + psnr8);

        Path p32 = tmp.resolve("p32");
        run = CliRun.standard("reconstruct", "--model", vit, "--image", chelsea(), "--patch", "32", "--size", "224",
                "--out", p32.toString());
        assertEquals(0, run.code(), run.toString());
        JsonObject j32 = json(p32);
        assertEquals(3072, j32.get("values_per_patch").getAsInt());
        assertEquals(192, j32.get("rank").getAsInt());
        double psnr32 = j32.get("psnr").getAsDouble();
        assertEquals(psnrOf(p32), psnr32, 1e-9);
        assertTrue(psnr32 < 35, "3,072 values through 192 dimensions must lose detail, PSNR " + psnr32);
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        Path cnn = TinyCheckpoints.mobileNetV2(models.resolve("cnn"));
        CliRun run = CliRun.standard("reconstruct", "--model", cnn.toString(), "--image", chelsea(), "--out", tmp.toString());
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("needs a ViT"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());

        String vit = TinyCheckpoints.vit(models.resolve("vit")).toString();
        run = CliRun.standard("reconstruct", "--model", vit, "--image", chelsea(), "--patch", "0", "--out", tmp.toString());
        assertEquals(2, run.code(), run.toString());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        run = CliRun.standard("reconstruct", "--model", vit, "--image", chelsea());
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("--out"), run.err());
    }

    private static JsonObject json(Path dir) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve("reconstruction.json"))).getAsJsonObject();
    }

    /** PSNR of reconstruction.png against input.png, from the files. */
    private static double psnrOf(Path dir) throws IOException {
        BufferedImage a = ImageIO.read(dir.resolve("input.png").toFile());
        BufferedImage b = ImageIO.read(dir.resolve("reconstruction.png").toFile());
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int s = 0; s <= 16; s += 8) {
                    double d = ((p >> s) & 0xff) - ((q >> s) & 0xff);
                    sum += d * d;
                }
            }
        }
        return 10 * Math.log10(255.0 * 255.0 / (sum / (3.0 * a.getWidth() * a.getHeight())));
    }
}
