package dev.patchexplorer.core.tiling;

import dev.patchexplorer.core.tradeoff.VitArchitecture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TilingTest {

    @Test
    void tilesWithoutOverlapAreTheGridWithTheLastOneMovedBack() {
        Tiling t = new Tiling(100, 64, 32, 0);
        assertEquals(4, t.columns()); // 0, 32, 64 and 68 (flush with the edge)
        assertEquals(2, t.rows());
        assertEquals(8, t.count());
        assertEquals(64, t.start(2, 100));
        assertEquals(68, t.start(3, 100));
        assertEquals(32, t.start(1, 64));
    }

    @Test
    void overlapShortensTheStride() {
        Tiling t = new Tiling(100, 100, 32, 8); // stride 24: starts 0, 24, 48, 68
        assertEquals(24, t.stride());
        assertEquals(4, t.columns()); // ceil((100 - 32) / 24) + 1 = 3 + 1
        assertEquals(48, t.start(2, 100));
        assertEquals(68, t.start(3, 100));
        assertEquals(16, Tiling.withOverlapShare(100, 100, 32, 0.5).overlap());
        assertEquals(6, Tiling.withOverlapShare(100, 100, 32, 0.5).columns()); // stride 16: ceil(68 / 16) + 1 = 5 + 1
    }

    @Test
    void aSideShorterThanATileGetsOne() {
        Tiling t = new Tiling(20, 300, 32, 0);
        assertEquals(1, t.columns());
        assertEquals(0, t.start(0, 20));
        assertEquals(10, t.rows()); // ceil(268 / 32) + 1
    }

    @Test
    void everyPixelIsCoveredAndNoTileLeavesTheImage() {
        for (int length : new int[] {1, 31, 32, 33, 100, 257}) {
            for (int overlap : new int[] {0, 5, 31}) {
                Tiling t = new Tiling(length, 1, 32, overlap);
                boolean[] covered = new boolean[length];
                for (int i = 0; i < t.columns(); i++) {
                    int s = t.start(i, length);
                    assertTrue(s >= 0 && (length <= 32 || s + 32 <= length));
                    for (int x = s; x < Math.min(length, s + 32); x++) covered[x] = true;
                }
                for (boolean c : covered) assertTrue(c, "length " + length + " overlap " + overlap);
            }
        }
    }

    @Test
    void badTilesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Tiling(10, 10, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Tiling(10, 10, 8, 8));
        assertThrows(IllegalArgumentException.class, () -> new Tiling(0, 10, 8, 0));
    }

    @Test
    void aTilesPassAgainstTheWholeImagesAtTheSameDetail() {
        VitArchitecture ti = VitArchitecture.standard("vit_tiny_patch16_224", 192, 12, 3, 16, 224, 1000);
        // a 448 x 224 image in 112 px tiles: each tile becomes 224 px (14 x 14 + 1 tokens); the whole image
        // at that detail is 896 x 448 px, 56 x 28 patches + 1
        TileMemory m = TileMemory.of(ti, 448, 224, 112);
        assertEquals(197, m.tileTokens());
        assertEquals(56 * 28 + 1, m.wholeTokens());
        // attention of all 12 layers, 3 heads, float32: the largest part of each pass
        assertEquals(12L * 3 * 197 * 197 * 4, m.tile().attentionBytes());
        assertEquals(12L * 3 * 1569 * 1569 * 4, m.whole().attentionBytes());
        assertTrue(m.ratio() > 1569.0 / 197, "more than the token ratio: attention grows with its square, " + m.ratio());
    }
}
