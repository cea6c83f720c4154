package dev.patchexplorer.core.physical;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TilePresetTest {
    @Test
    void tileSidesOnTheSlideMatchTheTridentTable() {
        // TRIDENT README: 224 px at 20x = 112 µm, 256 px at 20x = 128 µm, 512 px at 20x = 256 µm; 10x is 1 µm/px
        assertEquals(112, TilePreset.TILE_224_AT_20X.tileMicrons(), 1e-12);
        assertEquals(128, TilePreset.TILE_256_AT_20X.tileMicrons(), 1e-12);
        assertEquals(256, TilePreset.TILE_512_AT_20X.tileMicrons(), 1e-12);
        assertEquals(256, TilePreset.TILE_256_AT_10X.tileMicrons(), 1e-12);
        assertEquals(1.0, TilePreset.TILE_256_AT_10X.micronsPerPixel(), 1e-12);
    }

    @Test
    void fiveTwelveAtTwentyXOnA0265Slide() {
        // TRIDENT #119 (reference section 6): 512 px at 20x on a 0.265 µm/px slide reads about 966 px at level 0
        assertEquals(966.04, TilePreset.TILE_512_AT_20X.sourcePixelsPerTile(0.265), 0.005);
        assertEquals(1.8868, TilePreset.TILE_512_AT_20X.resampling(0.265), 1e-4);   // 0.5 / 0.265
        assertEquals(5300, TilePreset.TILE_512_AT_20X.workingSize(10_000, 0.265));    // 10,000 x 0.265 / 0.5
    }

    @Test
    void workingSizePutsTheImageAtThePresetMagnification() {
        // a 40x (0.25 µm/px) 4000 x 3000 image: 20x halves it to 1500 on the short side, 10x quarters it to 750;
        // a tile of 256 then reads 512 or 1024 source pixels
        assertEquals(1500, TilePreset.TILE_256_AT_20X.workingSize(3000, 0.25));
        assertEquals(750, TilePreset.TILE_256_AT_10X.workingSize(3000, 0.25));
        assertEquals(512, TilePreset.TILE_256_AT_20X.sourcePixelsPerTile(0.25), 1e-9);
        assertEquals(1024, TilePreset.TILE_256_AT_10X.sourcePixelsPerTile(0.25), 1e-9);
        // a 10x image read at 20x is enlarged: 224 px of the tile read 112 source px
        assertEquals(112, TilePreset.TILE_224_AT_20X.sourcePixelsPerTile(1.0), 1e-9);
        assertEquals(6000, TilePreset.TILE_224_AT_20X.workingSize(3000, 1.0));
    }

    @Test
    void refusesBadScales() {
        assertThrows(IllegalArgumentException.class, () -> TilePreset.TILE_224_AT_20X.sourcePixelsPerTile(0));
        assertThrows(IllegalArgumentException.class, () -> TilePreset.TILE_224_AT_20X.workingSize(3000, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> TilePreset.TILE_224_AT_20X.workingSize(0, 0.5));
    }
}
