package dev.patchexplorer.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison helper behind every golden and parity test must itself be able to fail. */
class CloseTest {
    private static final float[] REFERENCE = {1f, -2f, 3f, 0.5f, 4f};

    private static float[] with(int at, float value) {
        float[] a = REFERENCE.clone();
        a[at] = value;
        return a;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 4})
    void aNanInTheActualFailsWhereverItIs(int at) {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Close.assertAbs(REFERENCE, with(at, Float.NaN), 1e-4, "t"));
        assertTrue(e.getMessage().contains("actual[" + at + "] is NaN"), e.getMessage());
        assertThrows(AssertionFailedError.class, () -> Close.assertRelativeToMax(REFERENCE, with(at, Float.NaN), 1e-4, "t"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 4})
    void aNanInTheExpectedFailsWhereverItIs(int at) {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Close.assertAbs(with(at, Float.NaN), REFERENCE, 1e-4, "t"));
        assertTrue(e.getMessage().contains("expected[" + at + "] is NaN"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(floats = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
    void anInfinityFailsEvenWhenBothSidesHoldIt(float infinity) {
        assertThrows(AssertionFailedError.class, () -> Close.assertAbs(REFERENCE, with(1, infinity), 1e-4, "t"));
        assertThrows(AssertionFailedError.class, () -> Close.assertAbs(with(1, infinity), with(1, infinity), 1e-4, "t"));
        assertThrows(AssertionFailedError.class, () -> Close.assertRelativeToMax(with(3, infinity), with(3, infinity), 1e-4, "t"));
    }

    @Test
    void theDoubleOverloadAlsoRejectsNanAndInfinity() {
        double[] nan = {1, -2, Double.NaN, 0.5, 4};
        double[] inf = {1, -2, 3, 0.5, Double.POSITIVE_INFINITY};
        assertThrows(AssertionFailedError.class, () -> Close.assertAbs(REFERENCE, nan, 1e-4, "t"));
        assertThrows(AssertionFailedError.class, () -> Close.assertAbs(REFERENCE, inf, 1e-4, "t"));
    }

    @Test
    void aLengthMismatchFailsWithBothLengths() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Close.assertAbs(REFERENCE, new float[] {1f, -2f, 3f, 0.5f}, 1e-4, "logits"));
        assertEquals("logits: length 4, expected 5", e.getMessage());
        assertThrows(AssertionFailedError.class, () -> Close.assertRelativeToMax(REFERENCE, new float[6], 1e-4, "t"));
        assertThrows(AssertionFailedError.class, () -> Close.assertAbs(REFERENCE, new double[4], 1e-4, "t"));
    }

    @Test
    void aShapeMismatchFailsEvenWithTheSameNumberOfValues() {
        float[] six = {1, 2, 3, 4, 5, 6};
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Close.assertAbs(new int[] {2, 3}, six, new int[] {3, 2}, six, 1e-4, "attention"));
        assertEquals("attention: shape [3, 2], expected [2, 3]", e.getMessage());
        assertThrows(AssertionFailedError.class, () -> Close.assertAbs(new int[] {2, 4}, six, new int[] {2, 4}, six, 1e-4, "t"),
                "a shape that does not describe its array");
        assertEquals(0.0, Close.assertAbs(new int[] {2, 3}, six, new int[] {2, 3}, six, 1e-4, "t"));
    }

    @Test
    void equalArraysPassWithZeroDifference() {
        assertEquals(0.0, Close.assertAbs(REFERENCE, REFERENCE.clone(), 0, "t"));
        assertEquals(0.0, Close.assertRelativeToMax(REFERENCE, REFERENCE.clone(), 0, "t"));
    }

    @Test
    void aDifferenceJustAboveTheToleranceFailsAndJustBelowPasses() {
        // 0.5 and 0.5 + 2^-10 are both exact in float, so the difference is exactly 2^-10 = 9.765625e-4.
        float[] off = with(3, 0.5f + 0x1p-10f);
        assertEquals(0x1p-10, Close.assertAbs(REFERENCE, off, 0x1p-10, "at the tolerance"));
        assertEquals(0x1p-10, Close.assertAbs(REFERENCE, off, 9.77e-4, "just below"));
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Close.assertAbs(REFERENCE, off, 9.76e-4, "t"));
        assertTrue(e.getMessage().contains("at 3"), e.getMessage());
    }

    @Test
    void theRelativeDifferenceIsTakenAgainstTheLargestExpectedMagnitude() {
        // max |expected| = 4, difference 2^-10, so the relative difference is 2^-12 = 2.44140625e-4.
        float[] off = with(0, 1f + 0x1p-10f);
        assertEquals(0x1p-12, Close.assertRelativeToMax(REFERENCE, off, 2.45e-4, "t"));
        assertThrows(AssertionFailedError.class, () -> Close.assertRelativeToMax(REFERENCE, off, 2.44e-4, "t"));
    }

    @Test
    void relativeToAnAllZeroExpectedFails() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Close.assertRelativeToMax(new float[3], new float[3], 1e-4, "grad"));
        assertTrue(e.getMessage().contains("all zeros"), e.getMessage());
    }

    @Test
    void emptyArraysAndBadTolerancesAreRejected() {
        assertThrows(AssertionFailedError.class, () -> Close.assertAbs(new float[0], new float[0], 1e-4, "t"));
        assertThrows(IllegalArgumentException.class, () -> Close.assertAbs(REFERENCE, REFERENCE, Double.NaN, "t"));
        assertThrows(IllegalArgumentException.class, () -> Close.assertAbs(REFERENCE, REFERENCE, -1, "t"));
    }
}
