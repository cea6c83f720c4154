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

    /** Two models' heads over different class lists: the same index means different classes, so labels are compared. */
    @Test
    void headsWithDifferentClassesAreComparedByLabelWithoutKl() {
        List<Prediction> a = List.of(new Prediction(3, "cat", 0.6), new Prediction(7, "dog", 0.2), new Prediction(1, "fox", 0.1));
        List<Prediction> b = List.of(new Prediction(0, "cat", 0.5), new Prediction(3, "owl", 0.3), new Prediction(9, "fox", 0.1));
        Comparison c = Comparison.of(null, null, a, b, new float[1000], new float[10], "A", "B");
        assertTrue(c.classesDiffer());
        assertTrue(Double.isNaN(c.kl()));
        assertTrue(c.top1Same(), "both say cat, at indices 3 and 0");
        assertEquals(2, c.top5Overlap(), "cat and fox; index 3 is a cat in A and an owl in B");
        assertEquals("A", c.modelA());
        assertEquals("B", c.modelB());

        Comparison same = Comparison.of(null, null, a, b, new float[10], new float[10]);
        assertFalse(same.classesDiffer());
        assertFalse(same.top1Same(), "one head: indices 3 and 0 are different classes");
        assertEquals(1, same.top5Overlap(), "index 3");
    }
}
