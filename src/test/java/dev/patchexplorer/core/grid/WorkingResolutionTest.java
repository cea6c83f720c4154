package dev.patchexplorer.core.grid;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WorkingResolutionTest {
    @Test
    void keepScalesTheShorterSide() {
        // chelsea is 451 x 300: 224 / 300 scale -> 336.7 -> 337 x 224.
        WorkingResolution r = WorkingResolution.of(451, 300, 224, AspectMode.KEEP);
        assertEquals(337, r.width());
        assertEquals(224, r.height());
        assertEquals(300.0 / 224, r.scaleY(), 1e-12);
    }

    @Test
    void squashMakesASquare() {
        WorkingResolution r = WorkingResolution.of(4000, 3000, 384, AspectMode.SQUASH);
        assertEquals(384, r.width());
        assertEquals(384, r.height());
        assertEquals(4000.0 / 384, r.scaleX(), 1e-12);
    }

    @Test
    void rejectsSizesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> WorkingResolution.of(10, 10, 0, AspectMode.KEEP));
        assertThrows(IllegalArgumentException.class, () -> WorkingResolution.of(10, 10, 9000, AspectMode.KEEP));
    }

    @Test
    void snapFindsTheNearestDivisor() {
        // 224 = 2^5 x 7: its divisors from 2, the whole side included (one patch covers the image)
        assertEquals(List.of(2, 4, 7, 8, 14, 16, 28, 32, 56, 112, 224), PatchSizes.divisors(224, 224));
        assertEquals(16, PatchSizes.snap(17, 224, 224));
        assertEquals(14, PatchSizes.snap(12, 224, 224));   // 12 is 2 from 14 and 4 from 8
        assertEquals(13, PatchSizes.snap(13, 337, 337));   // 337 is prime: nothing to snap to
        assertEquals(337, PatchSizes.snap(300, 337, 337)); // past 128 the whole side is a divisor to snap to
        assertEquals(256, PatchSizes.snap(250, 512, 512)); // 512 = 2^9: 256 is the nearest past 128
    }
}
