package dev.patchexplorer.ui.panels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The heads grid's tile side from the room the window gives, by hand. */
class HeadsTileSizeTest {
    @Test
    void theSmallerShareOfWidthAndHeightWins() {
        // ViT-B: 12 layers x 12 heads in 876 x 736 of room, 70 px row labels, 20 px header, 150 px reserved:
        // across (876 - 70 - 4 x 12) / 12 = 63.17; down (736 - 150 - 20 - 4 x 12) / 12 = 43.17 -> 43
        assertEquals(43, HeadsView.tileSize(876, 736, 150, 70, 20, 12, 12));
        // ViT-Ti: 12 x 3 in the same room: across (876 - 70 - 12) / 3 = 264.67, down still 43.17 -> 43
        assertEquals(43, HeadsView.tileSize(876, 736, 150, 70, 20, 12, 3));
        // a taller window: down (1436 - 150 - 20 - 48) / 12 = 101.5 -> 101; across for 12 heads 63.17 -> 63
        assertEquals(101, HeadsView.tileSize(876, 1436, 150, 70, 20, 12, 3));
        assertEquals(63, HeadsView.tileSize(876, 1436, 150, 70, 20, 12, 12));
    }

    @Test
    void neverBelowTheSmallestTile() {
        assertEquals(HeadsView.MIN_TILE, HeadsView.tileSize(300, 200, 150, 70, 20, 24, 16));
        assertEquals(HeadsView.MIN_TILE, HeadsView.tileSize(300, 200, 150, 70, 20, 0, 0));
    }
}
