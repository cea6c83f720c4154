package dev.patchexplorer.ui.choose;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogGmacsAxisTest {
    @Test
    void tickLabelsReadAsCostsAndStayEmptyWithoutARange() {
        assertEquals("0.05", LogGmacsAxis.label(0.05));
        assertEquals("1", LogGmacsAxis.label(1.0));
        assertEquals("12.3", LogGmacsAxis.label(12.34));
        // the window torture test met these while a chart was laid out before its first points
        assertEquals("", LogGmacsAxis.label(Double.POSITIVE_INFINITY));
        assertEquals("", LogGmacsAxis.label(Double.NEGATIVE_INFINITY));
        assertEquals("", LogGmacsAxis.label(Double.NaN));
    }
}
