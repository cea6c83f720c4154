package dev.patchexplorer.core.classify;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopKTest {
    @Test
    void ordersByProbabilityWithImageNetLabels() {
        float[] logits = new float[1000];
        logits[285] = 5;
        logits[281] = 4;
        var top = TopK.of(logits, 2);
        assertEquals(285, top.get(0).index());
        assertEquals("Egyptian cat", top.get(0).label());
        assertEquals("tabby, tabby cat", top.get(1).label());
        assertEquals("class 3", TopK.of(new float[] {0, 0, 0, 9}, 1).get(0).label());
    }
}
