package dev.patchexplorer.ui.inference;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class GradientMapTest {

    @Test
    void coloursSaturateAtThe99thPercentileOfNonZeroValues() {
        float[] v = new float[150]; // 50 zeros, then 1 .. 100
        for (int i = 0; i < 100; i++) v[50 + i] = i + 1;
        GradientMap m = GradientMap.of(GradientMapKind.SALIENCY, v, 15, 10, 15, 10, "t", null);
        assertEquals(100, m.max());
        assertEquals(99, m.displayMax()); // nearest rank: ceil(0.99 * 100) = 99th smallest of 1..100
        assertEquals(1.0, m.normalised(149));   // 100 is above the display maximum: top colour
        assertEquals(50.0 / 99, m.normalised(50 + 49), 1e-12); // the value 50
        assertEquals(0, m.normalised(0));
    }

    @Test
    void supportIsMeasuredInWorkingPixels() {
        // A 4 x 2 map covering 8 x 4 working pixels: each value is a 2 x 2 block.
        float[] v = new float[8];
        v[1] = 3;       // (x 1, y 0)
        v[4 + 2] = 1;   // (x 2, y 1)
        GradientMap m = GradientMap.of(GradientMapKind.ERF, v, 4, 2, 8, 4, "t", null);
        assertArrayEquals(new double[] {2, 0, 6, 4}, m.nonZeroExtent());
        assertNull(GradientMap.of(GradientMapKind.ERF, new float[8], 4, 2, 8, 4, "t", null).nonZeroExtent());
        assertEquals(0, GradientMap.of(GradientMapKind.ERF, new float[8], 4, 2, 8, 4, "t", null).displayMax());
    }
}
