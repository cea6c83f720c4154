package dev.patchexplorer.core.features;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenSimilarityTest {

    /**
     * One prefix token then a 1x4 grid of 2-d tokens: (1,0), (0,2), (-3,0), (1,1). From patch 0 the cosines
     * are 1, 0, -1 and 1/sqrt 2 by hand; the prefix token (huge, along the query) is not in the map.
     */
    @Test
    void cosinesByHand() {
        float[] t = {100, 0, 1, 0, 0, 2, -3, 0, 1, 1};
        assertArrayEquals(new double[] {1, 0, -1, Math.sqrt(0.5)}, TokenSimilarity.cosineMap(t, 2, 1, 1, 4, 0, 0), 1e-12);
        assertArrayEquals(new double[] {Math.sqrt(0.5), Math.sqrt(0.5), -Math.sqrt(0.5), 1},
                TokenSimilarity.cosineMap(t, 2, 1, 2, 2, 1, 1), 1e-12);
    }

    @Test
    void aZeroTokenIsZeroNotNaN() {
        float[] t = {0, 0, 1, 1};
        assertArrayEquals(new double[] {0, 0}, TokenSimilarity.cosineMap(t, 2, 0, 1, 2, 0, 0));
        assertArrayEquals(new double[] {0, 1}, TokenSimilarity.cosineMap(t, 2, 0, 1, 2, 0, 1), 1e-12);
    }

    @Test
    void refusesAPatchOutsideTheGrid() {
        assertThrows(IllegalArgumentException.class, () -> TokenSimilarity.cosineMap(new float[8], 2, 0, 2, 2, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> TokenSimilarity.cosineMap(new float[7], 2, 0, 2, 2, 0, 0));
    }
}
