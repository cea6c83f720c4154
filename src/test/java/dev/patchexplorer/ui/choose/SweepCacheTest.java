package dev.patchexplorer.ui.choose;

import dev.patchexplorer.core.sweep.SweepMode;
import dev.patchexplorer.core.sweep.SweepRow;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepCacheTest {
    private final Object image = new StringBuilder("chelsea");
    private final Object model = new StringBuilder("vit");

    @Test
    void theKeyIsTheImageAndModelObjectsTheModeAndTheSize() {
        SweepCacheKey k = new SweepCacheKey(image, model, SweepMode.FLEXI, 224);
        assertEquals(k, new SweepCacheKey(image, model, SweepMode.FLEXI, 224));
        assertEquals(k.hashCode(), new SweepCacheKey(image, model, SweepMode.FLEXI, 224).hashCode());
        assertNotEquals(k, new SweepCacheKey(image, model, SweepMode.RESIZE, 224));
        assertNotEquals(k, new SweepCacheKey(image, model, SweepMode.FLEXI, 192));
        // an equal-looking reopened image or reloaded model is another key
        assertNotEquals(k, new SweepCacheKey(new StringBuilder("chelsea"), model, SweepMode.FLEXI, 224));
        assertNotEquals(k, new SweepCacheKey(image, new StringBuilder("vit"), SweepMode.FLEXI, 224));
    }

    @Test
    void resultsAreKeptPerKeyAndPatchAndDroppedWithTheirModel() {
        SweepCache cache = new SweepCache();
        SweepCacheKey flexi = new SweepCacheKey(image, model, SweepMode.FLEXI, 224);
        SweepCacheKey resize = new SweepCacheKey(image, model, SweepMode.RESIZE, 224);
        cache.put(flexi, result(12));
        cache.put(flexi, result(16));
        cache.put(resize, result(16));
        assertEquals(java.util.List.of(12, 16), java.util.List.copyOf(cache.results(flexi).keySet()));
        assertEquals(java.util.List.of(16), java.util.List.copyOf(cache.results(resize).keySet()));
        Object other = new Object();
        cache.put(new SweepCacheKey(image, other, SweepMode.FLEXI, 224), result(8));
        cache.keepOnlyModel(other);
        assertTrue(cache.results(flexi).isEmpty());
        assertEquals(java.util.List.of(8), java.util.List.copyOf(cache.results(new SweepCacheKey(image, other, SweepMode.FLEXI, 224)).keySet()));
    }

    @Test
    void keepsOnlyTheMostRecentKeys() {
        SweepCache cache = new SweepCache();
        for (int size = 100; size < 100 + SweepCache.LIMIT + 3; size++) cache.put(new SweepCacheKey(image, model, SweepMode.FLEXI, size), result(16));
        assertEquals(SweepCache.LIMIT, cache.size());
    }

    private static PatchResult result(int patch) {
        int grid = 224 / patch;
        SweepRow row = new SweepRow("chelsea", patch, SweepMode.FLEXI, 224, 16, grid, grid, grid * grid + 1, 1.0, 0, "x", 0.5,
                new int[] {0}, 1, 1, 0, 0, 0, 0, new double[0], 0, new double[0], 0, 1, 1);
        return new PatchResult(row, new double[grid * grid]);
    }
}
