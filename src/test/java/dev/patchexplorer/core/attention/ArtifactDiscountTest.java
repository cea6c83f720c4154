package dev.patchexplorer.core.attention;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Artifact detection and discounting on hand-worked attention. */
class ArtifactDiscountTest {
    /** 1 head, class token + 2 x 2 patches: N = 5. */
    private static final AttentionLayout LAYOUT = new AttentionLayout(1, 1, 2, 2);

    @Test
    void discountingAPatchZeroesItAndRenormalisesTheRowOverTheRest() {
        float[] layer = new float[25];
        float[] cls = {0.1f, 0.1f, 0.2f, 0.5f, 0.1f}; // patch 2 (row 1, column 0) takes half
        System.arraycopy(cls, 0, layer, 0, 5);
        KeptKeys keys = KeptKeys.withoutPatches(new boolean[] {false, false, true, false}, LAYOUT);
        double[] map = AttentionMaps.patchMap(layer, LAYOUT, HeadFusion.MEAN, 0, keys);
        // 0.1, 0.2, 0, 0.1 over the 0.5 left: 0.2, 0.4, 0, 0.2
        assertArrayEquals(new double[] {0.2, 0.4, 0, 0.2}, map, 1e-6);
        assertArrayEquals(new double[] {0.2, 0.4, 0, 0.2}, AttentionMaps.headPatchMap(layer, LAYOUT, 0, 0, keys), 1e-6);
    }

    @Test
    void discountedRolloutPutsNoMassOnTheDroppedPatchAndNothingDroppedIsBitIdentical() {
        AttentionLayout layout = new AttentionLayout(3, 1, 3, 4);
        float[][] att = random(layout, 4, 11);
        boolean[] drop = new boolean[12];
        drop[0] = drop[11] = true;
        double[] full = AttentionRollout.fullRow(att, layout, HeadFusion.MEAN, 0, KeptKeys.withoutPatches(drop, layout));
        assertEquals(0, full[1]);
        assertEquals(0, full[12]);
        double sum = 0;
        for (double v : full) sum += v;
        assertEquals(1, sum, 1e-12); // rows stay stochastic, so the rolled-out row still sums to 1
        for (HeadFusion f : HeadFusion.values()) {
            assertArrayEquals(AttentionRollout.classToken(att, layout, f),
                    AttentionRollout.classToken(att, layout, f, KeptKeys.withoutPatches(new boolean[12], layout)), 0.0);
        }
    }

    @Test
    void discountedRolloutEqualsRolloutOfAttentionWithTheColumnsRemovedByHand() {
        AttentionLayout layout = new AttentionLayout(2, 1, 2, 3);
        float[][] att = random(layout, 3, 5);
        boolean[] drop = {false, true, false, false, false, false};
        int n = layout.tokens();
        float[][] edited = new float[att.length][];
        for (int l = 0; l < att.length; l++) {
            edited[l] = att[l].clone();
            for (int row = 0; row < layout.heads() * n; row++) {
                double kept = 0;
                edited[l][row * n + 2] = 0; // patch 1 is token 2
                for (int k = 0; k < n; k++) kept += edited[l][row * n + k];
                for (int k = 0; k < n; k++) edited[l][row * n + k] /= (float) kept;
            }
        }
        assertArrayEquals(AttentionRollout.classToken(edited, layout, HeadFusion.MEAN),
                AttentionRollout.classToken(att, layout, HeadFusion.MEAN, KeptKeys.withoutPatches(drop, layout)), 1e-6);
    }

    @Test
    void aPatchEveryQueryAttendsToIsAnArtifactAndAnOrdinaryOneIsNot() {
        // 1 head, class token + 4 x 4 patches, N = 17; every query gives 0.6 to patch 5 and spreads 0.4 evenly
        AttentionLayout layout = new AttentionLayout(1, 1, 4, 4);
        int n = layout.tokens();
        float[] layer = new float[n * n];
        for (int q = 0; q < n; q++) {
            for (int k = 0; k < n; k++) layer[q * n + k] = 0.4f / (n - 1);
            layer[q * n + 1 + 5] = 0.6f;
        }
        ArtifactTokens a = ArtifactTokens.detect(layer, layout);
        // received: 0.6 against 0.4/16 = 0.025 for the rest: 24 times the median, under 30
        assertEquals(24, a.ratio()[5], 1e-4);
        assertEquals(0, a.count());
        for (int q = 0; q < n; q++) {
            for (int k = 0; k < n; k++) layer[q * n + k] = 0.2f / (n - 1);
            layer[q * n + 1 + 5] = 0.8f;
        }
        a = ArtifactTokens.detect(layer, layout);
        // 0.8 against 0.2/16 = 0.0125: 64 times, over 30
        assertEquals(64, a.ratio()[5], 1e-3);
        assertTrue(a.flags()[5]);
        assertEquals(1, a.count());
        assertFalse(a.flags()[4]);
        assertEquals(1, a.ratio()[4], 1e-5);
    }

    private static float[][] random(AttentionLayout layout, int layers, long seed) {
        Random r = new Random(seed);
        int n = layout.tokens();
        float[][] att = new float[layers][layout.heads() * n * n];
        for (float[] layer : att) {
            for (int row = 0; row < layout.heads() * n; row++) {
                double sum = 0;
                for (int k = 0; k < n; k++) sum += layer[row * n + k] = (float) r.nextDouble();
                for (int k = 0; k < n; k++) layer[row * n + k] /= (float) sum;
            }
        }
        return att;
    }
}
