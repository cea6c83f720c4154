package dev.patchexplorer.ui.panels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The heads grid's tile side from the room the window gives, by hand. */
class HeadsTileSizeTest {
    @Test
    void theSmallerShareOfWidthAndHeightWins() {
        // square photo, ViT-B: 12 layers x 12 heads in 876 x 736 of room, 70 px row labels, 20 px header, 150 px reserved:
        // across (876 - 70 - 4 x 12) / 12 = 63.17; down (736 - 150 - 20 - 4 x 12) / 12 = 43.17 -> 43
        assertEquals(43, HeadsView.tileSize(876, 736, 150, 70, 20, 12, 12, 1, 1));
        // ViT-Ti: 12 x 3 in the same room: across (876 - 70 - 12) / 3 = 264.67, down still 43.17 -> 43
        assertEquals(43, HeadsView.tileSize(876, 736, 150, 70, 20, 12, 3, 1, 1));
        // a taller window: down (1436 - 150 - 20 - 48) / 12 = 101.5 -> 101; across for 12 heads 63.17 -> 63
        assertEquals(101, HeadsView.tileSize(876, 1436, 150, 70, 20, 12, 3, 1, 1));
        assertEquals(63, HeadsView.tileSize(876, 1436, 150, 70, 20, 12, 12, 1, 1));
    }

    @Test
    void aWidePhotoGetsALongerSideFromTheSameRowHeight() {
        // the cat, 451 x 300: a tile's height is 300/451 of its longer side. Rows leave 43.17 px of height,
        // so the longer side may be 43.17 x 451 / 300 = 64.89 -> 64 (across, 3 heads: 264.67, no limit)
        assertEquals(64, HeadsView.tileSize(876, 736, 150, 70, 20, 12, 3, 1, 300.0 / 451));
        // 12 heads: across 63.17 of width, the width being the longer side -> 63
        assertEquals(63, HeadsView.tileSize(876, 736, 150, 70, 20, 12, 12, 1, 300.0 / 451));
    }

    @Test
    void neverBelowTheSmallestTile() {
        assertEquals(HeadsView.MIN_TILE, HeadsView.tileSize(300, 200, 150, 70, 20, 24, 16, 1, 1));
        assertEquals(HeadsView.MIN_TILE, HeadsView.tileSize(300, 200, 150, 70, 20, 0, 0, 1, 1));
    }
}
