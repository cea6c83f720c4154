package dev.patchexplorer.core.physical;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PatchPhysicsTest {
    private static final PhysicalScale FORTY_X = PhysicalScale.square(0.25, PhysicalScale.Source.FILE);

    @Test
    void patchOfAHalvedImageCoversTwiceTheSourcePixels() {
        // 4000 x 3000 at 0.25 µm/px analysed at 2000 x 1500: each working pixel is 2 source pixels = 0.5 µm,
        // a 16 px patch reads 32 source px = 8 µm, 64 µm², 1e6 / 64 = 15,625 per mm²
        PatchPhysics p = PatchPhysics.of(FORTY_X, 4000, 3000, 2000, 1500, 16);
        assertEquals(0.5, p.micronsPerWorkingPixelX(), 1e-12);
        assertEquals(0.5, p.micronsPerWorkingPixelY(), 1e-12);
        assertEquals(32, p.sourcePixelsX(), 1e-12);
        assertEquals(8, p.patchWidthMicrons(), 1e-12);
        assertEquals(8, p.patchHeightMicrons(), 1e-12);
        assertEquals(64, p.patchAreaMicrons2(), 1e-9);
        assertEquals(15_625, p.patchesPerMm2(), 1e-6);
        assertEquals(20, p.workingMagnification(), 1e-9);   // 10 / 0.5
        assertEquals(15_625, p.patchesFor(1.0));            // an exact fit stays exact
        assertEquals(39_063, p.patchesFor(2.5));            // 39,062.5 rounded up
    }

    @Test
    void squashedImageHasDifferentAxes() {
        // 1000 x 500 at 0.5 µm/px squashed to 224 x 224, patch 16: 1000/224 and 500/224 source px per working px,
        // sides 16 x 1000/224 x 0.5 = 35.714 µm and 17.857 µm; per mm² = 1e6 x 224² / (16² x 500 x 250) = 1568
        PatchPhysics p = PatchPhysics.of(PhysicalScale.square(0.5, PhysicalScale.Source.HAND), 1000, 500, 224, 224, 16);
        assertEquals(16 * 1000 / 224.0, p.sourcePixelsX(), 1e-9);
        assertEquals(16 * 500 / 224.0, p.sourcePixelsY(), 1e-9);
        assertEquals(35.7142857, p.patchWidthMicrons(), 1e-6);
        assertEquals(17.8571429, p.patchHeightMicrons(), 1e-6);
        assertEquals(1568, p.patchesPerMm2(), 1e-6);
    }

    @Test
    void anisotropicScaleKeepsItsAxes() {
        PatchPhysics p = PatchPhysics.of(new PhysicalScale(0.5, 0.6, PhysicalScale.Source.FILE), 100, 100, 100, 100, 10);
        assertEquals(5, p.patchWidthMicrons(), 1e-12);
        assertEquals(6, p.patchHeightMicrons(), 1e-12);
        assertEquals(30, p.patchAreaMicrons2(), 1e-12);
    }

    @Test
    void refusesEmptySizesAndBadAreas() {
        assertThrows(IllegalArgumentException.class, () -> PatchPhysics.of(FORTY_X, 0, 10, 10, 10, 2));
        assertThrows(IllegalArgumentException.class, () -> PatchPhysics.of(FORTY_X, 10, 10, 10, 10, 0));
        PatchPhysics p = PatchPhysics.of(FORTY_X, 10, 10, 10, 10, 2);
        assertThrows(IllegalArgumentException.class, () -> p.patchesFor(0));
        assertThrows(IllegalArgumentException.class, () -> p.patchesFor(Double.NaN));
    }
}
