package dev.patchexplorer.core.features;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LogitLensTrackTest {
    /**
     * Three classes over four blocks, worked by hand: logits (0, ln 3, 0) give (1/5, 3/5, 1/5); the top-1
     * goes 1, 0, 2, 2, so the answer is class 2 and it is settled from block 3.
     */
    @Test
    void followsTheFinalAnswerBackThroughTheBlocks() {
        float ln3 = (float) Math.log(3);
        float[][] lens = {
            {0, ln3, 0},     // 1/5, 3/5, 1/5
            {ln3, 0, 0},     // 3/5, 1/5, 1/5
            {0, 0, ln3},     // 1/5, 1/5, 3/5
            {0, 0, 2 * ln3}, // 1/11, 1/11, 9/11
        };
        LogitLensTrack t = LogitLensTrack.of(lens);
        assertArrayEquals(new int[] {1, 0, 2, 2}, t.top1());
        assertEquals(2, t.answer());
        assertEquals(3, t.settledFrom());
        assertArrayEquals(new double[] {0.6, 0.6, 0.6, 9 / 11.0}, t.top1Prob(), 1e-6);
        assertArrayEquals(new double[] {0.2, 0.2, 0.6, 9 / 11.0}, t.answerProb(), 1e-6);
    }

    @Test
    void anAnswerFromTheFirstBlockIsSettledThere() {
        LogitLensTrack t = LogitLensTrack.of(new float[][] {{1, 0}, {2, 0}});
        assertEquals(1, t.settledFrom());
        assertEquals(0, t.answer());
        assertThrows(IllegalArgumentException.class, () -> LogitLensTrack.of(new float[0][]));
    }
}
