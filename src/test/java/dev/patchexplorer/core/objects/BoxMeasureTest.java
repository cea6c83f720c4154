package dev.patchexplorer.core.objects;

import dev.patchexplorer.core.grid.AspectMode;
import dev.patchexplorer.core.grid.EdgePolicy;
import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every count below is worked by hand in the comments: patch i covers [offset + i*stride, offset + i*stride + patch). */
class BoxMeasureTest {
    /** 448 x 448 shown at working size 224: two original pixels per working pixel (working scale 0.5). */
    private static final WorkingResolution HALF = WorkingResolution.of(448, 448, 224, AspectMode.SQUASH);
    private static final Box OBJECT = new Box("cat", 40, 20, 100, 60);

    private static PatchGrid grid(GridSpec spec) {
        return PatchGrid.of(224, 224, spec);
    }

    @Test
    void aHundredBySixtyBoxAtHalfScaleOnPatch16() {
        // working box: x 20..70, y 10..40 (50 x 30 working px)
        BoxMeasure m = BoxMeasure.of(OBJECT, HALF, grid(GridSpec.of(16)));
        assertEquals(20, m.workingX0(), 1e-12);
        assertEquals(70, m.workingX1(), 1e-12);
        assertEquals(10, m.workingY0(), 1e-12);
        assertEquals(40, m.workingY1(), 1e-12);
        // columns touched: starts 16, 32, 48, 64 (0 ends at 16 <= 20; 80 starts past 70)
        assertEquals(4, m.touchedCols());
        // rows touched: starts 0, 16, 32 (48 starts past 40)
        assertEquals(3, m.touchedRows());
        assertEquals(12, m.touched());
        // wholly inside: columns 32, 48 ([32,48), [48,64) within [20,70)); rows 16 ([16,32) within [10,40))
        assertEquals(2, m.insideCols());
        assertEquals(1, m.insideRows());
        assertEquals(2, m.inside());
        assertEquals(50 / 16.0, m.widthPatches(), 1e-12);
        assertEquals(30 / 16.0, m.heightPatches(), 1e-12);
        assertEquals(BoxWarning.UNDER_TWO_PATCHES, m.warning()); // 1.875 patches on the short side
    }

    @Test
    void anOffsetMovesTheGridUnderTheSameBox() {
        // offset 4: starts 4, 20, 36, 52, 68 ...
        BoxMeasure m = BoxMeasure.of(OBJECT, HALF, grid(new GridSpec(16, 16, 4, 4, EdgePolicy.CROP)));
        // x 20..70: touched 20, 36, 52, 68 (4 ends at 20); inside 20, 36, 52 ([52,68) ends before 70; [68,84) does not)
        assertEquals(4, m.touchedCols());
        assertEquals(3, m.insideCols());
        // y 10..40: touched 4, 20, 36; inside 20 ([20,36))
        assertEquals(3, m.touchedRows());
        assertEquals(1, m.insideRows());
        assertEquals(12, m.touched());
        assertEquals(3, m.inside());
    }

    @Test
    void overlappingPatchesAreCountedOncePerStart() {
        // patch 16, stride 8: starts 0, 8, ..., 208 (27 columns)
        BoxMeasure m = BoxMeasure.of(OBJECT, HALF, grid(new GridSpec(16, 8, 0, 0, EdgePolicy.CROP)));
        // x 20..70: touched when start > 4 and start < 70: 8 .. 64 -> 8 starts
        assertEquals(8, m.touchedCols());
        // inside when start >= 20 and start + 16 <= 70: 24, 32, 40, 48 -> 4
        assertEquals(4, m.insideCols());
    }

    @Test
    void anObjectSmallerThanOnePatchIsWarnedAbout() {
        // 20 x 20 original -> 10 x 10 working; 10/16 of a patch
        BoxMeasure m = BoxMeasure.of(new Box("cell", 0, 0, 20, 20), HALF, grid(GridSpec.of(16)));
        assertEquals(BoxWarning.UNDER_ONE_PATCH, m.warning());
        assertEquals(1, m.touched());
        assertEquals(0, m.inside());
        assertEquals(10 / 16.0, m.widthPatches(), 1e-12);
    }

    @Test
    void edgesOnGridLinesTouchNoNeighbour() {
        // original x 32..64 -> working 16..32: exactly the patch [16,32)
        BoxMeasure m = BoxMeasure.of(new Box("exact", 32, 32, 32, 32), HALF, grid(GridSpec.of(16)));
        assertEquals(1, m.touched());
        assertEquals(1, m.inside());
        assertEquals(BoxWarning.UNDER_TWO_PATCHES, m.warning()); // exactly 1 patch is not under one
    }

    @Test
    void eachAxisUsesItsOwnScale() {
        // 448 x 224 squashed to 224 x 224: 2 original px per working px across, 1 down
        WorkingResolution w = WorkingResolution.of(448, 224, 224, AspectMode.SQUASH);
        BoxMeasure m = BoxMeasure.of(new Box("wide", 0, 0, 64, 32), w, grid(GridSpec.of(16)));
        // working 32 x 32: 2 x 2 patches
        assertEquals(2, m.touchedCols());
        assertEquals(2, m.touchedRows());
        assertEquals(4, m.inside());
        assertEquals(BoxWarning.NONE, m.warning()); // 2 patches on the short side
    }

    @Test
    void croppingDropsAnObjectInTheRemainderWherePaddingKeepsIt() {
        // working x and y 200..224; patch 48: crop keeps starts 0..144 (last ends at 192), pad adds 192
        Box corner = new Box("corner", 400, 400, 48, 48);
        assertEquals(0, BoxMeasure.of(corner, HALF, grid(GridSpec.of(48))).touched());
        BoxMeasure padded = BoxMeasure.of(corner, HALF, grid(new GridSpec(48, 48, 0, 0, EdgePolicy.PAD)));
        assertEquals(1, padded.touched());
        assertEquals(0, padded.inside());
    }

    @Test
    void patchesPerObjectAgainstPatchSize() {
        List<BoxMeasure.Point> s = BoxMeasure.series(OBJECT, HALF, GridSpec.of(16), true, List.of(8, 16, 32, 64, 256));
        // p=8:  x 20..70 touched starts 16..64 (7), y 10..40 starts 8..32 (4) -> 28;
        //       inside x 24..56 (5), y 16..32 (3) -> 15
        // p=16: 12 and 2 (worked above)
        // p=32: x starts 0, 32, 64 (3), y 0, 32 (2) -> 6; nothing wholly inside
        // p=64: x starts 0, 64 (2), y 0 (1) -> 2; nothing inside
        // p=256 is larger than the 224 px working image: left out
        assertEquals(List.of(new BoxMeasure.Point(8, 28, 15), new BoxMeasure.Point(16, 12, 2),
                new BoxMeasure.Point(32, 6, 0), new BoxMeasure.Point(64, 2, 0)), s);
    }

    @Test
    void boxesNeedAPositiveFiniteSize() {
        assertThrows(IllegalArgumentException.class, () -> new Box("x", 0, 0, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new Box("x", 0, 0, Double.NaN, 5));
        assertThrows(IllegalArgumentException.class, () -> new Box("x", Double.NaN, 0, 5, 5));
        assertEquals(new Box("b", 10, 5, 20, 15), Box.between("b", 30, 5, 10, 20));
    }
}
