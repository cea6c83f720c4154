package dev.patchexplorer.core.tradeoff;

import dev.patchexplorer.core.grid.GridSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PatchSweepTest {
    @Test
    void skipsPatchesLargerThanTheImageAndKeepsOrder() {
        List<PatchSweep.Point> points = PatchSweep.over(VitPresets.defaultArchitecture(), 100, 60,
                GridSpec.of(16), List.of(8, 16, 64, 128), true, Long.MAX_VALUE);
        assertEquals(List.of(8, 16), points.stream().map(PatchSweep.Point::patch).toList());
        assertEquals(12 * 7, points.get(0).tradeOffs().patchTokens());  // floor(100/8) x floor(60/8)
        assertEquals(6 * 3, points.get(1).tradeOffs().patchTokens());
    }

    @Test
    void publishedAccuracyHasSourcesForEveryPoint() {
        assertEquals(27, PublishedAccuracy.all().size());
        PublishedAccuracy.all().forEach(p -> assertEquals(false, p.source().isBlank()));
    }
}
