package dev.patchexplorer.core.sweep;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FloatLogTest {
    /** A few double ulps of the result (or of 1 near log 1 = 0, where the error is absolute). */
    private static void assertClose(float a) {
        double expected = Math.log(a);
        double actual = FloatLog.log(a);
        double bound = 1e-15 * Math.max(1, Math.abs(expected));
        assertTrue(Math.abs(actual - expected) <= bound, () -> "log(" + a + ") = " + actual + ", Math.log says " + expected);
    }

    @Test
    void agreesWithMathLogOnEveryTablePointAndItsNeighbours() {
        for (int k = 0; k < 4096; k++) {
            float c = (float) (1 + k / 4096.0);
            assertClose(c);
            assertClose(Math.nextUp(c));
            assertClose(Math.nextDown(c));
            assertClose(c / 1024); // other exponents
            assertClose(c * 3e5f);
        }
    }

    @Test
    void agreesWithMathLogOnRandomAttentionWeightsAndTheWholeFloatRange() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            assertClose((float) r.nextDouble()); // softmax weights live in (0, 1]
            assertClose((float) Math.exp(r.nextDouble(-87, 88))); // every normal exponent
        }
        assertClose(1f);
        assertClose(Math.nextDown(1f));
        assertClose(Float.MIN_NORMAL);
        assertClose(Float.MAX_VALUE);
    }

    @Test
    void leavesZeroSubnormalsAndNonFiniteValuesToMathLog() {
        assertEquals(0.0, FloatLog.log(1f), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, FloatLog.log(0f));
        assertEquals(Math.log(Float.MIN_VALUE), FloatLog.log(Float.MIN_VALUE), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, FloatLog.log(Float.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(FloatLog.log(Float.NaN)));
    }
}
