package dev.patchexplorer.ui.views.compare;

import dev.patchexplorer.core.classify.Prediction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agreement figures of two panes, against values worked out by hand. */
class ComparisonTest {
    private static List<Prediction> top(int... classes) {
        return java.util.Arrays.stream(classes).mapToObj(c -> new Prediction(c, "class " + c, 0.1)).toList();
    }

    @Test
    void overlapCountsTheClassesBothTopFivesHold() {
        Comparison c = Comparison.of(null, null, top(1, 2, 3, 4, 5), top(5, 9, 1, 8, 3), null, null);
        assertEquals(3, c.top5Overlap(), "1, 3 and 5");
        assertFalse(c.top1Same());
        assertTrue(Double.isNaN(c.kl()), "no logits, no divergence");
        assertTrue(Comparison.of(null, null, top(7, 2), top(7, 3), null, null).top1Same());
    }

    @Test
    void nothingIsClaimedBeforeBothPanesHavePredictions() {
        Comparison c = Comparison.of(null, null, top(1, 2, 3, 4, 5), List.of(), null, null);
        assertNull(c.top1Same());
        assertEquals(-1, c.top5Overlap());
    }

    /** Two classes, logits (0, 0) against (ln 3, 0): p = (1/2, 1/2), q = (3/4, 1/4), KL = ½ ln(2/3) + ½ ln 2 = ½ ln(4/3). */
    @Test
    void klIsThatOfTheTwoSoftmaxes() {
        float[] a = {0f, 0f};
        float[] b = {(float) Math.log(3), 0f};
        Comparison c = Comparison.of(null, null, top(0), top(0), a, b);
        assertEquals(0.5 * Math.log(4.0 / 3.0), c.kl(), 1e-6);
        assertEquals(0, Comparison.of(null, null, top(0), top(0), a, a).kl(), 0);
        assertTrue(Double.isNaN(Comparison.of(null, null, top(0), top(0), a, new float[3]).kl()), "different heads: no KL");
    }
}
