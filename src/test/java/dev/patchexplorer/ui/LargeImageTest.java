package dev.patchexplorer.ui;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.patchexplorer.cli.Cli;
import dev.patchexplorer.imagefile.TestImages;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.io.ImageLoader;
import dev.patchexplorer.ui.io.LoadedImage;
import javafx.scene.image.PixelReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real 30000 x 30000 PNG (900 megapixels, 2.7 GB of pixels, a few MB on disk) opens in the window's
 * loader and in the CLI within the test heap (2 GB): read as every third pixel, 10000 x 10000, with the
 * original size reported. The file's left and right halves differ and swap at the middle row, so the
 * subsampled pixel (i, j) must be the source pixel (3i, 3j).
 */
class LargeImageTest {
    private static final int SIDE = 30_000, LEFT = 0x3060C0, RIGHT = 0xE0A020;

    @TempDir
    static Path dir;
    private static Path png;

    @BeforeAll
    static void write() throws Exception {
        FxTestSupport.startToolkit();
        png = TestImages.quadrantPng(dir.resolve("huge.png"), SIDE, SIDE, LEFT, RIGHT);
        assertTrue(Files.size(png) < 64L << 20, "compressed size " + Files.size(png));
    }

    /** Source colour at (x, y): left half LEFT above the middle row, RIGHT below, and the reverse on the right. */
    private static int source(int x, int y) {
        boolean left = x < SIDE / 2, top = y < SIDE / 2;
        return left == top ? LEFT : RIGHT;
    }

    @Test
    void theWindowOpensItSubsampled() throws Exception {
        LoadedImage loaded = ImageLoader.load(png);
        assertEquals(10_000, loaded.width());
        assertEquals(10_000, loaded.height());
        assertEquals(SIDE, loaded.originalWidth());
        assertEquals(SIDE, loaded.originalHeight());
        assertEquals(3, loaded.subsampling());
        PixelReader pixels = loaded.image().getPixelReader();
        // 4999 -> source 14997 (first half), 5000 -> source 15000 (second half)
        for (int[] p : new int[][]{{0, 0}, {4999, 4999}, {5000, 4999}, {4999, 5000}, {5000, 5000}, {9999, 9999}}) {
            assertEquals(Integer.toHexString(0xFF000000 | source(3 * p[0], 3 * p[1])),
                    Integer.toHexString(pixels.getArgb(p[0], p[1])), p[0] + "," + p[1]);
        }
    }

    @Test
    void theCliAnalysesItAndReportsTheSubsampling() throws Exception {
        Path model = TinyCheckpoints.vit(dir.resolve("vit"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.standard().run(new String[]{"analyze", "--model", model.toString(), "--image", png.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonObject image = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject().getAsJsonObject("image");
        assertEquals("PNG", image.get("format").getAsString());
        assertEquals(10_000, image.get("width").getAsInt());
        assertEquals(10_000, image.get("height").getAsInt());
        assertEquals(SIDE, image.get("original_width").getAsInt());
        assertEquals(SIDE, image.get("original_height").getAsInt());
        assertEquals(3, image.get("subsampling").getAsInt());
    }
}
