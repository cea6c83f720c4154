package dev.patchexplorer.core.physical;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhysicalScaleTest {
    @Test
    void magnificationIsTenOverMicronsPerPixel() {
        // the convention of the reference (section 6): 10x ~ 1.0, 20x ~ 0.5, 40x ~ 0.25 µm/px
        assertEquals(10.0, PhysicalScale.square(1.0, PhysicalScale.Source.HAND).magnification(), 1e-12);
        assertEquals(20.0, PhysicalScale.square(0.5, PhysicalScale.Source.HAND).magnification(), 1e-12);
        assertEquals(40.0, PhysicalScale.square(0.25, PhysicalScale.Source.FILE).magnification(), 1e-12);
        assertEquals(39.6825, PhysicalScale.square(0.252, PhysicalScale.Source.FILE).magnification(), 1e-4);
    }

    @Test
    void axesApartByMoreThanOnePercentAreAnisotropic() {
        assertFalse(new PhysicalScale(0.5, 0.5, PhysicalScale.Source.FILE).anisotropic());
        assertFalse(new PhysicalScale(0.5, 0.504, PhysicalScale.Source.FILE).anisotropic());  // 0.8 %
        assertTrue(new PhysicalScale(0.5, 0.506, PhysicalScale.Source.FILE).anisotropic());   // 1.2 %
        assertTrue(new PhysicalScale(0.506, 0.5, PhysicalScale.Source.FILE).anisotropic());
        assertEquals(0.503, new PhysicalScale(0.5, 0.506, PhysicalScale.Source.FILE).micronsPerPixel(), 1e-12);
    }

    @Test
    void refusesNonPositiveAndNonFiniteValues() {
        for (double bad : new double[] {0, -0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertFalse(PhysicalScale.isValid(bad), String.valueOf(bad));
            assertThrows(IllegalArgumentException.class, () -> PhysicalScale.square(bad, PhysicalScale.Source.HAND));
            assertThrows(IllegalArgumentException.class, () -> new PhysicalScale(0.5, bad, PhysicalScale.Source.HAND));
        }
        assertTrue(PhysicalScale.isValid(1e-4));
    }
}
