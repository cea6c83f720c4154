package dev.patchexplorer.core.attention;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttentionRolloutTest {

    /** Random row-stochastic attention for a non-square grid with class + 2 register tokens. */
    private static float[][] randomAttention(AttentionLayout layout, int layers, long seed) {
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

    /** The textbook definition: full matrix products, for comparison. */
    private static double[] naiveRollout(float[][] att, AttentionLayout layout, HeadFusion fusion, int query) {
        int n = layout.tokens();
        double[] r = null;
        double[] a = new double[n * n];
        for (float[] layer : att) {
            AttentionRollout.residualFused(layer, layout, fusion, a);
            if (r == null) {
                r = a.clone();
                continue;
            }
            double[] next = new double[n * n];
            for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) for (int j = 0; j < n; j++) next[i * n + j] += a[i * n + k] * r[k * n + j];
            r = next;
        }
        double[] row = new double[n];
        System.arraycopy(r, query * n, row, 0, n);
        return row;
    }

    @Test
    void vectorFormEqualsTheFullMatrixProductOnANonSquareGridWithRegisters() {
        AttentionLayout layout = new AttentionLayout(3, 3, 4, 6);
        float[][] att = randomAttention(layout, 4, 7);
        for (HeadFusion f : HeadFusion.values()) {
            assertArrayEquals(naiveRollout(att, layout, f, 0), AttentionRollout.fullRow(att, layout, f, 0), 1e-12);
            int clicked = layout.patchToken(2, 5);
            assertArrayEquals(naiveRollout(att, layout, f, clicked), AttentionRollout.fullRow(att, layout, f, clicked), 1e-12);
        }
        double[] map = AttentionRollout.classToken(att, layout, HeadFusion.MEAN);
        assertEquals(24, map.length);
        double[] full = AttentionRollout.fullRow(att, layout, HeadFusion.MEAN, 0);
        assertEquals(full[3], map[0]);
        double sum = 0;
        for (double v : full) sum += v;
        assertEquals(1.0, sum, 1e-12);
    }

    @Test
    void classTokenMapDropsPrefixColumnsAndFusesHeads() {
        AttentionLayout layout = new AttentionLayout(2, 1, 1, 2);
        float[] layer = {
            0.5f, 0.25f, 0.25f, 0, 0, 0, 0, 0, 0,   // head 0, rows 0..2
            0.2f, 0.7f, 0.1f, 0, 0, 0, 0, 0, 0,     // head 1
        };
        assertArrayEquals(new double[] {0.475, 0.175}, AttentionMaps.classTokenMap(layer, layout, HeadFusion.MEAN), 1e-7);
        assertArrayEquals(new double[] {0.7, 0.25}, AttentionMaps.classTokenMap(layer, layout, HeadFusion.MAX), 1e-7);
        assertArrayEquals(new double[] {0.25, 0.1}, AttentionMaps.classTokenMap(layer, layout, HeadFusion.MIN), 1e-7);
        assertArrayEquals(new float[] {0.2f, 0.7f, 0.1f}, AttentionMaps.row(layer, layout, 1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> layout.patchToken(1, 0));
    }

    @Test
    void topMassKeepsTheSmallestSetHoldingTheFraction() {
        boolean[] keep = MassThreshold.topMass(new double[] {0.1, 0.5, 0.3, 0.1}, 0.6);
        assertArrayEquals(new boolean[] {false, true, true, false}, keep);
        boolean[] all = MassThreshold.topMass(new double[] {1, 1}, 1.0);
        assertTrue(all[0] && all[1]);
        assertFalse(MassThreshold.topMass(new double[] {1, 1}, 0)[0]);
    }
}
