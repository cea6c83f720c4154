package dev.patchexplorer.core.grid;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellFootprintTest {
    /** Every working pixel lies in exactly the footprint of the patch indexAt names, or in none when indexAt says -1. */
    @ParameterizedTest
    @CsvSource({"16,16,5,5,CROP", "16,12,5,5,CROP", "12,16,5,5,CROP", "16,12,5,3,PAD", "16,16,0,0,PAD", "7,3,2,9,CROP"})
    void footprintsTileExactlyWhatIndexAtReports(int patch, int stride, int ox, int oy, EdgePolicy edge) {
        PatchGrid g = PatchGrid.of(224, 200, new GridSpec(patch, stride, ox, oy, edge));
        int[] owner = new int[g.width() * g.height()];
        Arrays.fill(owner, -1);
        for (int i = 0; i < g.patchCount(); i++) {
            CellFootprint f = CellFootprint.of(g, i);
            for (int y = f.y(); y < f.y() + f.height(); y++) {
                for (int x = f.x(); x < f.x() + f.width(); x++) {
                    if (x >= g.width() || y >= g.height()) continue; // padding beyond the image
                    assertEquals(-1, owner[y * g.width() + x], "pixel (" + x + ", " + y + ") drawn twice");
                    owner[y * g.width() + x] = i;
                }
            }
        }
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                assertEquals(g.indexAt(x + 0.5, y + 0.5), owner[y * g.width() + x], "pixel (" + x + ", " + y + ")");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void handWorkedOverlap() {
        // patch 16, stride 12, offset 5 on 64 px: columns start at 5, 17, 29, 41 (41 + 16 = 57 <= 64)
        PatchGrid g = PatchGrid.of(64, 64, new GridSpec(16, 12, 5, 5, EdgePolicy.CROP));
        assertEquals(4, g.cols());
        assertEquals(new CellFootprint(5, 5, 12, 12), CellFootprint.of(g, 0));
        assertEquals(new CellFootprint(17, 5, 12, 12), CellFootprint.of(g, 1));
        assertEquals(new CellFootprint(41, 41, 16, 16), CellFootprint.of(g, 15)); // the last keeps its far edge
        assertTrue(CellFootprint.contiguous(PatchGrid.of(64, 64, new GridSpec(16, 16, 5, 5, EdgePolicy.CROP))));
    }
}
