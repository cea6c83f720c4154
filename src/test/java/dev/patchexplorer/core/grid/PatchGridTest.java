package dev.patchexplorer.core.grid;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchGridTest {
    @Test
    void exactTiling() {
        PatchGrid g = PatchGrid.of(224, 224, GridSpec.of(16));
        assertEquals(14, g.cols());
        assertEquals(14, g.rows());
        assertEquals(0, g.droppedPixels());
        assertEquals(0, g.paddedPixels());
    }

    @Test
    void cropDropsTheRemainderOfANonSquareImage() {
        // 300 x 200, P = 32: floor(300/32) = 9 columns (288 px), floor(200/32) = 6 rows (192 px).
        PatchGrid g = PatchGrid.of(300, 200, GridSpec.of(32));
        assertEquals(9, g.cols());
        assertEquals(6, g.rows());
        assertEquals(300L * 200 - 288L * 192, g.droppedPixels());
        assertEquals(0, g.paddedPixels());
    }

    @Test
    void padCoversTheRemainder() {
        // 300 x 200, P = 32 padded: 10 x 7 patches covering 320 x 224.
        PatchGrid g = PatchGrid.of(300, 200, new GridSpec(32, 32, 0, 0, EdgePolicy.PAD));
        assertEquals(10, g.cols());
        assertEquals(7, g.rows());
        assertEquals(0, g.droppedPixels());
        assertEquals(320L * 224 - 300L * 200, g.paddedPixels());
    }

    @Test
    void overlapWhenStrideIsSmallerThanPatch() {
        // 224 wide, P = 32, S = 16: floor((224 - 32) / 16) + 1 = 13 per axis, covering all 224 px.
        PatchGrid g = PatchGrid.of(224, 224, new GridSpec(32, 16, 0, 0, EdgePolicy.CROP));
        assertEquals(13, g.cols());
        assertEquals(169, g.patchCount());
        assertEquals(0, g.droppedPixels());
        // (40, 40) lies in patches starting at 16 and 32; the later one (col 2) starts nearest.
        assertEquals(2 * 13 + 2, g.indexAt(40, 40));
    }

    @Test
    void gapsWhenStrideIsLargerThanPatch() {
        // 100 px, P = 10, S = 20: patches at 0, 20, 40, 60, 80 -> 5 per axis, 50 px covered per axis.
        PatchGrid g = PatchGrid.of(100, 100, new GridSpec(10, 20, 0, 0, EdgePolicy.CROP));
        assertEquals(5, g.cols());
        assertEquals(100L * 100 - 50L * 50, g.droppedPixels());
        assertEquals(-1, g.indexAt(15, 5));   // in a gap
        assertEquals(1, g.indexAt(25, 5));
    }

    @Test
    void offsetShiftsTheGridAndDropsTheMargin() {
        // 64 x 64, P = 16, offset (8, 4): floor((64 - 8 - 16) / 16) + 1 = 3 cols, floor((60 - 16)/16) + 1 = 3 rows.
        PatchGrid g = PatchGrid.of(64, 64, new GridSpec(16, 16, 8, 4, EdgePolicy.CROP));
        assertEquals(3, g.cols());
        assertEquals(3, g.rows());
        assertEquals(8, g.cellX(0));
        assertEquals(4 + 32, g.cellY(2));
        assertEquals(64L * 64 - 48L * 48, g.droppedPixels());
        assertEquals(-1, g.indexAt(7.9, 10));
        assertEquals(0, g.indexAt(8, 4));
    }

    @Test
    void patchLargerThanImageGivesAnEmptyGridWhenCroppingAndOnePatchWhenPadding() {
        PatchGrid crop = PatchGrid.of(50, 50, GridSpec.of(64));
        assertTrue(crop.isEmpty());
        assertEquals(2500, crop.droppedPixels());
        PatchGrid pad = PatchGrid.of(50, 50, new GridSpec(64, 64, 0, 0, EdgePolicy.PAD));
        assertEquals(1, pad.patchCount());
        assertEquals(64L * 64 - 2500, pad.paddedPixels());
    }

    @Test
    void indexAtMapsRowMajor() {
        PatchGrid g = PatchGrid.of(224, 224, GridSpec.of(16));
        assertEquals(0, g.indexAt(0, 0));
        assertEquals(13, g.indexAt(223.9, 0));
        assertEquals(14 + 2, g.indexAt(40, 20));
        assertEquals(-1, g.indexAt(224, 0));
        assertEquals(2, g.column(16));
        assertEquals(1, g.row(16));
    }

    @Test
    void invalidSpecsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> GridSpec.of(0));
        assertThrows(IllegalArgumentException.class, () -> GridSpec.of(-4));
        assertThrows(IllegalArgumentException.class, () -> new GridSpec(16, 0, 0, 0, EdgePolicy.CROP));
    }
}
