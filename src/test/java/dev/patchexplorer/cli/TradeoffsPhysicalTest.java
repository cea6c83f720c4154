package dev.patchexplorer.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.patchexplorer.imagefile.PhysicalSizeFiles;
import dev.patchexplorer.imagefile.PhysicalSizeFiles.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tradeoffs --image/--mpp}: the physical figures against values worked by hand. */
class TradeoffsPhysicalTest {
    @TempDir
    Path dir;

    private static JsonObject ok(String... args) {
        TradeoffsCommandTest.Result r = TradeoffsCommandTest.run(args);
        assertEquals(0, r.code(), r.err());
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }

    private Path halfMicronTiff() throws Exception {
        // 400 x 200 at 20,000 px/cm = 0.5 µm/px
        return PhysicalSizeFiles.tiff(dir.resolve("slide.tif"), 400, 200, new Rational(20_000, 1), new Rational(20_000, 1), 3, null);
    }

    @Test
    void tiffScaleGivesPatchInMicrons() throws Exception {
        // centre square 200 px resized to 100: 2 source px per working px = 1.0 µm; patch 10 = 20 source px = 10 µm,
        // 100 µm², 10,000 per mm², 2.5 mm² of tissue = 25,000 patches; 20x image seen at 10x
        JsonObject o = ok("tradeoffs", "--image", halfMicronTiff().toString(), "--size", "100", "--patch", "10", "--tissue-mm2", "2.5");
        assertEquals(100, o.get("width").getAsInt());
        assertEquals(0.5, o.get("mpp").getAsDouble(), 1e-9);
        assertEquals("tiff_resolution", o.get("mpp_source").getAsString());
        assertEquals(20, o.get("magnification").getAsDouble(), 1e-9);
        assertEquals(1.0, o.get("working_mpp").getAsDouble(), 1e-9);
        assertEquals(10, o.get("working_magnification").getAsDouble(), 1e-9);
        assertEquals(20, o.get("source_px_per_patch").getAsDouble(), 1e-9);
        assertEquals(10, o.get("patch_um").getAsDouble(), 1e-9);
        assertEquals(100, o.get("patch_area_um2").getAsDouble(), 1e-9);
        assertEquals(10_000, o.get("patches_per_mm2").getAsDouble(), 1e-6);
        assertEquals(25_000, o.get("patches_for_tissue").getAsLong());
        assertEquals(400, o.getAsJsonObject("image").get("original_width").getAsInt());
        assertFalse(o.has("physical_note"));
        // presets from the 200 px short side at 0.5 µm/px: 20x keeps 200, 10x halves it; 256 px at 20x reads 256 source px
        JsonArray presets = o.getAsJsonArray("tile_presets");
        assertEquals(4, presets.size());
        JsonObject p256 = presets.get(1).getAsJsonObject();
        assertEquals(256, p256.get("tile_px").getAsInt());
        assertEquals(128, p256.get("tile_um").getAsDouble(), 1e-9);
        assertEquals(200, p256.get("working_size").getAsInt());
        assertEquals(256, p256.get("source_px_per_tile").getAsDouble(), 1e-9);
        assertEquals(100, presets.get(3).getAsJsonObject().get("working_size").getAsInt());
    }

    @Test
    void mppOverridesTheFile() throws Exception {
        JsonObject o = ok("tradeoffs", "--image", halfMicronTiff().toString(), "--size", "100", "--patch", "10", "--mpp", "0.25");
        assertEquals("--mpp", o.get("mpp_source").getAsString());
        assertEquals(0.5, o.get("working_mpp").getAsDouble(), 1e-9);   // 2 source px x 0.25
        assertEquals(5, o.get("patch_um").getAsDouble(), 1e-9);
        assertEquals(40, o.get("magnification").getAsDouble(), 1e-9);
    }

    @Test
    void wholePictureResizedToWidthAndHeight() throws Exception {
        // 400 x 200 squashed to 100 x 100: x 4 source px (2 µm), y 2 source px (1 µm) per working px; patch 10 = 20 x 10 µm
        JsonObject o = ok("tradeoffs", "--image", halfMicronTiff().toString(), "--width", "100", "--height", "100", "--patch", "10");
        assertEquals(20, o.get("patch_um_x").getAsDouble(), 1e-9);
        assertEquals(10, o.get("patch_um_y").getAsDouble(), 1e-9);
        assertEquals(200, o.get("patch_area_um2").getAsDouble(), 1e-9);
        assertEquals(5_000, o.get("patches_per_mm2").getAsDouble(), 1e-6);
    }

    @Test
    void publishedFiveTwelveAtTwentyXExample() {
        // reference section 6 (TRIDENT #119): 512 px at 20x on a 0.265 µm/px slide reads about 966 px
        JsonObject o = ok("tradeoffs", "--width", "1000", "--height", "1000", "--mpp", "0.265");
        JsonObject p512 = o.getAsJsonArray("tile_presets").get(2).getAsJsonObject();
        assertEquals(512, p512.get("tile_px").getAsInt());
        assertEquals(966.04, p512.get("source_px_per_tile").getAsDouble(), 0.005);
        assertEquals(530, p512.get("working_size").getAsInt());   // 1000 x 0.265 / 0.5
        assertEquals(37.7358, o.get("magnification").getAsDouble(), 1e-4);
    }

    @Test
    void pictureWithoutScaleSaysSoAndInventsNothing() throws Exception {
        Path png = PhysicalSizeFiles.png(dir.resolve("plain.png"), 64, 48, null, null, 0);
        JsonObject o = ok("tradeoffs", "--image", png.toString(), "--size", "32", "--patch", "8");
        for (String key : new String[] {"mpp", "magnification", "patch_um", "patch_area_um2", "patches_per_mm2", "source_px_per_patch", "tile_presets"}) {
            assertFalse(o.has(key), key);
        }
        assertTrue(o.get("physical_note").getAsString().contains("--mpp"));
        assertEquals(4, o.get("grid_rows").getAsInt());   // 32 / 8: the costs themselves are still there
        // without --image nothing physical is added at all
        assertFalse(ok("tradeoffs", "--size", "224").has("physical_note"));
    }

    @Test
    void pngPhysAndSwin() throws Exception {
        Path png = PhysicalSizeFiles.png(dir.resolve("m.png"), 96, 64, 2_000_000L, 2_000_000L, 1);
        JsonObject o = ok("tradeoffs", "--arch", "swin_tiny_patch4_window7_224", "--image", png.toString(), "--size", "64", "--patch", "4");
        assertEquals("png_phys", o.get("mpp_source").getAsString());
        assertEquals(2, o.get("patch_um").getAsDouble(), 1e-9);   // centre 64 -> 64: 4 px x 0.5 µm
    }

    @Test
    void badValuesExitTwoWithOneLine() throws Exception {
        String tif = halfMicronTiff().toString();
        String[][] bad = {
                {"tradeoffs", "--mpp", "0"}, {"tradeoffs", "--mpp", "-0.5"}, {"tradeoffs", "--mpp", "NaN"},
                {"tradeoffs", "--mpp", "Infinity"}, {"tradeoffs", "--mpp", "abc"},
                {"tradeoffs", "--image", tif, "--tissue-mm2", "0"},
                {"tradeoffs", "--image", dir.resolve("nothing.tif").toString()},
                {"tradeoffs", "--image", tif, "--size", "100", "--width", "50"},
                {"tradeoffs", "--image", PhysicalSizeFiles.png(dir.resolve("p.png"), 64, 48, null, null, 0).toString(),
                        "--size", "32", "--tissue-mm2", "1"}};
        for (String[] args : bad) {
            TradeoffsCommandTest.Result r = TradeoffsCommandTest.run(args);
            String what = String.join(" ", args);
            assertEquals(2, r.code(), what);
            assertEquals(1, r.err().strip().lines().count(), what + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertTrue(r.out().isEmpty(), what);
        }
    }
}
