package dev.patchexplorer.core.rf;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Click -> unit -> box on stacks small enough to work out by hand. */
class UnitAtPointTest {

    /** One 3x3 conv, stride 2, padding 1 (MobileNetV2's stem) on a 10 px input: r = 3, S = 2, P = 1, centre(u) = 2u. */
    private final LayerField stem = ReceptiveFieldTable.compute(List.of(LayerSpec.of("stem", 3, 2, 1)), 10, 10).last();

    @Test
    void aClickPicksTheUnitWhoseCentreIsNearest() {
        // x = 6.3 lies in pixel 6, at 5.8 in centre coordinates: the nearest centre 2u is 6, u = 3
        UnitField u = UnitAtPoint.unitAt(stem, 6.3, 0.9).orElseThrow();
        assertEquals(3, u.ux());
        assertEquals(0, u.uy());
        // unit 3 sees pixels 3*2 - 1 = 5 .. 7, i.e. the box [5, 8)
        assertEquals(new PixelBox(5, -1, 8, 2), u.box());
        assertEquals(new PixelBox(5, 0, 8, 2), u.insideImage());
        assertEquals(6.0, u.centreX());
        assertEquals(3, u.paddingPixels()); // the row above the image
    }

    @Test
    void pointsBetweenCentresRoundUpAndPointsOutsideClamp() {
        // x = 6.5 is 6.0 in centre coordinates: u = 3 exactly; x = 7.5 is 7.0: halfway between 3 and 4, goes to 4
        assertEquals(3, UnitAtPoint.unitAt(stem, 6.5, 0).orElseThrow().ux());
        assertEquals(4, UnitAtPoint.unitAt(stem, 7.5, 0).orElseThrow().ux());
        // output is floor((10 + 2 - 3) / 2) + 1 = 5 units: a click past the image takes the last one
        assertEquals(4, UnitAtPoint.unitAt(stem, 50, -20).orElseThrow().ux());
        assertEquals(0, UnitAtPoint.unitAt(stem, 50, -20).orElseThrow().uy());
    }

    @Test
    void deeperLayerOfMobileNetV2() {
        // blocks.1.0 of MobileNetV2 at 224: stem 3/2 (r 3, S 2, P 1), dw 3/1 (r 7, P 3), dw 3/2 (r 11, S 4, P 5)
        LayerField f = ReceptiveFieldTable.compute(MobileNetV2Layers.mobilenetv2_100(), 224, 224).find("blocks.1.0");
        assertEquals(11, f.size());
        assertEquals(4, f.stride());
        assertEquals(5, f.padding());
        // centre(u) = 4u - 5 + 5 = 4u; a click at (100.2, 41.7) is at (99.7, 41.2) -> u = (25, 10)
        UnitField u = UnitAtPoint.unitAt(f, 100.2, 41.7).orElseThrow();
        assertEquals(25, u.ux());
        assertEquals(10, u.uy());
        assertEquals(new PixelBox(95, 35, 106, 46), u.box());
        assertTrue(u.paddingPixels() == 0);
    }

    @Test
    void aLayerWithNoUnitsGivesNothing() {
        LayerField tiny = ReceptiveFieldTable.compute(List.of(LayerSpec.of("big", 7, 1, 0)), 4, 4).last();
        assertTrue(UnitAtPoint.unitAt(tiny, 1, 1).isEmpty());
        assertTrue(UnitAtPoint.unitAt(stem, Double.NaN, 1).isEmpty());
    }
}
