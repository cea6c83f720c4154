package dev.patchexplorer.core.tome;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BipartiteMergeTest {
    /**
     * Class token, then patches p0 (B), p1 (A), p2 (B), p3 (A) in 2-d: p1 = p2 = (0, 1) are identical, so
     * they merge first; p3 = (1, 1) is 45 degrees from both p0 = (1, 0) and p2, and the tie goes to p0.
     */
    private static final float[] METRIC = {1, 0, 1, 0, 0, 1, 0, 1, 1, 1};

    @Test
    void identicalTokensMergeFirst() {
        BipartiteMerge m = BipartiteMerge.match(METRIC, 5, 2, 1, 1);
        assertArrayEquals(new int[] {0, 1, 2, 2, 3}, m.target());
        assertEquals(4, m.tokensAfter());
        assertEquals(1, m.merged());
    }

    @Test
    void theNextPairIsTheBestMatchLeftAndATieGoesToTheLowerToken() {
        assertArrayEquals(new int[] {0, 1, 2, 2, 1}, BipartiteMerge.match(METRIC, 5, 2, 1, 2).target());
    }

    /** At most |A| = 2 merges, whatever r asks; r = 0 changes nothing. */
    @Test
    void rIsCappedAtSetAAndZeroIsTheIdentity() {
        assertEquals(3, BipartiteMerge.match(METRIC, 5, 2, 1, 9).tokensAfter());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, BipartiteMerge.match(METRIC, 5, 2, 1, 0).target());
    }

    /** Every token the same as the class token: the class token still never merges, nor receives a merge. */
    @Test
    void theClassTokenIsProtected() {
        float[] same = new float[7 * 3];
        Arrays.fill(same, 1f);
        int[] t = BipartiteMerge.match(same, 7, 3, 1, 3).target();
        assertEquals(0, t[0]);
        for (int i = 1; i < 7; i++) assertTrue(t[i] >= 1, "token " + i + " went into the class token");
        assertEquals(4, BipartiteMerge.match(same, 7, 3, 1, 3).tokensAfter());
    }

    /** p1 = (0, 3) of size 2 merged into p2 = (0, 0) of size 1: (0, 2) of size 3. */
    @Test
    void rowsAverageBySize() {
        BipartiteMerge m = BipartiteMerge.match(METRIC, 5, 2, 1, 1);
        float[] rows = {5, 5, 7, 7, 0, 3, 0, 0, 9, 9};
        float[] sizes = {1, 1, 2, 1, 1};
        assertArrayEquals(new float[] {5, 5, 7, 7, 0, 2, 9, 9}, m.mergeRows(rows, 2, sizes));
        assertArrayEquals(new float[] {1, 1, 3, 1}, m.mergeSizes(sizes));
    }

    /** Repeated over 12 blocks on random metrics, the counts are MergeSchedule's, e.g. 197 at r 13 -> 41. */
    @Test
    void repeatedMergesFollowTheSchedule() {
        Random rng = new Random(3);
        for (int[] c : new int[][] {{197, 13}, {197, 0}, {50, 16}, {785, 40}, {10, 100}}) {
            int n = c[0];
            int[] counts = new int[13];
            counts[0] = n;
            for (int b = 0; b < 12; b++) {
                float[] metric = new float[n * 4];
                for (int i = 0; i < metric.length; i++) metric[i] = (float) rng.nextGaussian();
                n = BipartiteMerge.match(metric, n, 4, 1, c[1]).tokensAfter();
                counts[b + 1] = n;
            }
            assertArrayEquals(MergeSchedule.of(c[0], c[1], 12, 1).tokensIn(), counts, "tokens " + c[0] + ", r " + c[1]);
        }
        assertEquals(41, MergeSchedule.of(197, 13, 12, 1).finalTokens());
    }

    @Test
    void refusesAMetricOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> BipartiteMerge.match(new float[9], 5, 2, 1, 1));
    }
}
