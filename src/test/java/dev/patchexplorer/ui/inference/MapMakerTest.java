package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.ViTOutput;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Hand-worked attention of a 2 x 2 grid with a class token, two heads and one layer. */
class MapMakerTest {
    private static final PatchGrid GRID = PatchGrid.of(32, 32, GridSpec.of(16));

    /** N = 5 tokens; every row uniform except the class token's row, which differs per head. */
    private static MapMaker.Inference inference() {
        int n = 5;
        float[] layer = new float[2 * n * n];
        Arrays.fill(layer, 0.2f);
        float[] head0Cls = {0.0f, 0.1f, 0.4f, 0.2f, 0.3f};
        System.arraycopy(head0Cls, 0, layer, 0, n);            // head 0, query 0
        // head 1, query 0 stays uniform: 0.2 to every token
        ViTOutput out = new ViTOutput(new float[0], 2, 2, 1, 2, 1, new float[][] {layer});
        return new MapMaker.Inference(out, GridInput.plan(PatchMode.RESIZE, GRID, 16), GRID);
    }

    private static MapMaker.Settings classToken(HeadChoice head, double mass) {
        return new MapMaker.Settings(MapKind.CLASS_TOKEN, 1, head, -1, -1, mass);
    }

    @Test
    void classTokenMapAveragesTheHeads() {
        Heatmap h = MapMaker.make(inference(), classToken(HeadChoice.MEAN, Double.NaN)).heatmap();
        // (0.1 + 0.2) / 2, (0.4 + 0.2) / 2, (0.2 + 0.2) / 2, (0.3 + 0.2) / 2
        assertArrayEquals(new double[] {0.15, 0.3, 0.2, 0.25}, h.values(), 1e-7);
        assertNull(h.mask());
        assertEquals(GRID, h.grid());
    }

    @Test
    void massThresholdKeepsTheFewestPatchesHoldingTheShare() {
        // total 0.9, 60 % of it is 0.54: 0.3 alone is short, 0.3 + 0.25 = 0.55 reaches it
        Heatmap h = MapMaker.make(inference(), classToken(HeadChoice.MEAN, 0.6)).heatmap();
        assertEquals(2, h.mask().kept());
        assertArrayEquals(new boolean[] {false, true, false, true}, h.mask().keep());
        assertEquals(0.15, h.min(), 1e-7); // the colour range is still the whole map's: 0.15..0.3
        assertEquals(0.3, h.max(), 1e-7);
        // 56 % of 0.9 is 0.504: still the same two; 62 % is 0.558: a third patch (0.2) is needed
        assertEquals(2, MapMaker.make(inference(), classToken(HeadChoice.MEAN, 0.56)).heatmap().mask().kept());
        assertEquals(3, MapMaker.make(inference(), classToken(HeadChoice.MEAN, 0.62)).heatmap().mask().kept());
        // head 0 alone: 0.1 0.4 0.2 0.3 of 1.0; 70 % needs 0.4 + 0.3
        Heatmap head0 = MapMaker.make(inference(), classToken(HeadChoice.single(0), 0.7)).heatmap();
        assertArrayEquals(new boolean[] {false, true, false, true}, head0.mask().keep());
    }

    @Test
    void everyHeadOfTheLayerOnOneSharedScale() {
        HeadMaps heads = MapMaker.make(inference(), classToken(HeadChoice.MEAN, Double.NaN)).heads();
        assertEquals(2, heads.heads());
        assertEquals(1, heads.layer());
        assertArrayEquals(new double[] {0.1, 0.4, 0.2, 0.3}, heads.maps().get(0), 1e-7);
        assertArrayEquals(new double[] {0.2, 0.2, 0.2, 0.2}, heads.maps().get(1), 1e-7);
        assertEquals(0.1, heads.min(), 1e-7);
        assertEquals(0.4, heads.max(), 1e-7);
        assertEquals(1.0, heads.normalised(0, 1), 1e-6);
        assertEquals(1.0 / 3, heads.normalised(1, 0), 1e-6); // (0.2 - 0.1) / (0.4 - 0.1)
    }
}
