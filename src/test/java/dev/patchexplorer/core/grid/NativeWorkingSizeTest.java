package dev.patchexplorer.core.grid;

import dev.patchexplorer.core.tradeoff.AttentionMemory;
import org.junit.jupiter.api.Test;

import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeWorkingSizeTest {
    @Test
    void keepUsesTheShorterSideAndSquashTheLonger() {
        assertEquals(300, NativeWorkingSize.natural(451, 300, AspectMode.KEEP));
        assertEquals(451, NativeWorkingSize.natural(451, 300, AspectMode.SQUASH));
        // at the KEEP size the working image is the image itself: 300 / 300 scale
        WorkingResolution w = WorkingResolution.of(451, 300, 300, AspectMode.KEEP);
        assertEquals(451, w.width());
        assertEquals(300, w.height());
        assertThrows(IllegalArgumentException.class, () -> NativeWorkingSize.natural(0, 10, AspectMode.KEEP));
    }

    @Test
    void clampedToTheControlsRange() {
        assertEquals(4096, NativeWorkingSize.bounded(10_000, s -> true));
        assertEquals(16, NativeWorkingSize.bounded(8, s -> true));
        assertEquals(16, NativeWorkingSize.bounded(3000, s -> false)); // nothing fits: the floor, the readouts explain
    }

    @Test
    void loweredToTheLargestSizeWhoseAttentionFits() {
        // ViT-B (12 layers, 12 heads, 1 class token), patch 16 on a square working image, a 1 GiB heap:
        // the budget is half of it, 536,870,912 bytes. All layers hold 12 x 12 x N^2 x 4 bytes, so
        // N^2 <= 932,067.6 -> N <= 965, i.e. at most 964 patches: 31 x 31 = 961 fits, 32 x 32 = 1024 does not.
        // 31 patches a side fit while floor(size / 16) <= 31, that is size <= 511.
        long heap = 1L << 30;
        IntPredicate fits = size -> {
            long n = (long) (size / 16) * (size / 16) + 1;
            return !AttentionMemory.exceedsBudget(AttentionMemory.allLayersBytes(12, 12, n), heap);
        };
        assertTrue(fits.test(511));
        assertFalse(fits.test(512));
        assertEquals(511, NativeWorkingSize.bounded(2000, fits));
        assertEquals(400, NativeWorkingSize.bounded(400, fits)); // already fits: unchanged
    }
}
