package dev.patchexplorer.core.tradeoff;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bwconrad PI-resize table as SWEEP_AND_CONCEPTS.md section 2 quotes it, picked by width and depth. */
class PublishedPiResizeTest {
    @Test
    void picksTheTableRowOfTheLoadedViT() {
        var ti = PublishedAccuracy.piResize(192, 12, 16);
        assertEquals(16, ti.size());
        assertEquals(76.06, top1(ti, 14), 0);
        assertEquals(75.46, top1(ti, 16), 0);
        assertEquals(36.10, top1(ti, 32), 0);
        assertEquals(76.31, top1(PublishedAccuracy.piResize(384, 12, 16), 8), 0);
        assertEquals(5.11, top1(PublishedAccuracy.piResize(768, 12, 16), 48), 0);
        // the B row agrees with the points the accuracy chart already shows
        for (var p : PublishedAccuracy.all()) {
            if (p.series().equals("ViT-B/16 PI-resize")) assertEquals(p.top1(), top1(PublishedAccuracy.piResize(768, 12, 16), p.patch()), 0);
        }
        PublishedAccuracy.piResize(384, 12, 16).forEach(p -> assertTrue(p.source().contains("bwconrad")));
    }

    @Test
    void knowsNothingOfOtherModels() {
        assertTrue(PublishedAccuracy.piResize(24, 12, 16).isEmpty());   // the tests' tiny ViT
        assertTrue(PublishedAccuracy.piResize(192, 12, 14).isEmpty());
        assertTrue(PublishedAccuracy.piResize(768, 24, 16).isEmpty());
    }

    private static double top1(java.util.List<PublishedAccuracy.Point> table, int patch) {
        return table.stream().filter(p -> p.patch() == patch).findFirst().orElseThrow().top1();
    }
}
