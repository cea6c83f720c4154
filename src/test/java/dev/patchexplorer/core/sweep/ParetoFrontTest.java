package dev.patchexplorer.core.sweep;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ParetoFrontTest {
    /** (cost, value): worked by hand, higher value better. */
    private static final List<ParetoFront.Point> POINTS = List.of(
            new ParetoFront.Point(1.0, 50),   // 0: cheapest, on the front
            new ParetoFront.Point(2.0, 40),   // 1: dearer and worse than 0
            new ParetoFront.Point(2.0, 70),   // 2: on the front
            new ParetoFront.Point(3.0, 70),   // 3: as good as 2 but dearer
            new ParetoFront.Point(4.0, 90),   // 4: on the front
            new ParetoFront.Point(Double.NaN, 99)); // 5: unknown cost, never on it

    @Test
    void keepsThePointsNothingBeatsCheapestFirst() {
        assertEquals(List.of(0, 2, 4), ParetoFront.of(POINTS, true));
    }

    @Test
    void lowerIsBetterTurnsTheFrontOver() {
        // minimising the value: 1 (cost 2, 40) beats 2 and 3 and 4; 0 is cheapest
        assertEquals(List.of(0, 1), ParetoFront.of(POINTS, false));
    }

    @Test
    void equalPointsBothStay() {
        var twins = List.of(new ParetoFront.Point(1, 1), new ParetoFront.Point(1, 1));
        assertEquals(List.of(0, 1), ParetoFront.of(twins, true));
    }
}
