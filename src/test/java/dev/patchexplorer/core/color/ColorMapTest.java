package dev.patchexplorer.core.color;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ColorMapTest {
    @Test
    void endsMatchThePublishedTables() {
        assertEquals(256, ColorMap.VIRIDIS.lookupTable().length);
        assertEquals(0xff440154, ColorMap.VIRIDIS.argb(0));   // matplotlib viridis #440154
        assertEquals(0xfffde725, ColorMap.VIRIDIS.argb(1));   // #fde725
        assertEquals(0xff000004, ColorMap.MAGMA.argb(0));
        assertEquals(0xfffcfdbf, ColorMap.MAGMA.argb(1));
        assertEquals(0xfffcffa4, ColorMap.INFERNO.argb(1));
        assertEquals(0xff053061, ColorMap.RED_BLUE_DIVERGING.argb(0)); // ColorBrewer RdBu ends
        assertEquals(0xff67001f, ColorMap.RED_BLUE_DIVERGING.argb(1));
        assertEquals(ColorMap.VIRIDIS.argb(0), ColorMap.VIRIDIS.argb(Double.NaN));
    }
}
