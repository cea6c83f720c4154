package dev.patchexplorer.core.color;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Hand-worked colour positions and legend ticks of the three scales. */
class HeatScaleTest {
    /** 1, 2, ..., 1000. */
    private static double[] oneToThousand() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) v[i] = i + 1;
        return v;
    }

    @Test
    void logPutsEachDecadeAThirdFurtherAlongAOneToThousandMap() {
        HeatScale s = HeatScale.fit(HeatScale.Kind.LOG, oneToThousand());
        assertEquals(1, s.low());
        assertEquals(1000, s.high());
        assertEquals(0, s.position(1), 1e-12);
        assertEquals(1.0 / 3, s.position(10), 1e-12);   // log10(10) / log10(1000)
        assertEquals(2.0 / 3, s.position(100), 1e-12);
        assertEquals(1, s.position(1000), 1e-12);
        // the middle tick is the geometric mean, sqrt(1000) = 31.62..., not the arithmetic 500.5
        assertEquals(Math.sqrt(1000), s.valueAt(0.5), 1e-9);
        assertEquals("31.6", s.tickLabel(0.5, v -> String.format(Locale.ROOT, "%.3g", v)));
        // linear on the same map: 10 sits at 9/999
        assertEquals(9.0 / 999, HeatScale.fit(HeatScale.Kind.LINEAR, oneToThousand()).position(10), 1e-12);
    }

    @Test
    void logGivesZeroAndNegativeValuesTheBottomColourAndStartsAtTheSmallestPositive() {
        HeatScale s = HeatScale.fit(HeatScale.Kind.LOG, new double[] {0, -3, 0.01, 0.1, 1});
        assertEquals(0.01, s.low());
        assertEquals(0, s.position(0));
        assertEquals(0, s.position(-3));
        assertEquals(0.5, s.position(0.1), 1e-12);
    }

    @Test
    void percentileClipsAtTheSecondAndNinetyEighthPercentile() {
        // 0, 1, ..., 100: rank p/100 * 100 is the value itself, so p2 = 2 and p98 = 98
        double[] v = new double[101];
        for (int i = 0; i < v.length; i++) v[i] = i;
        HeatScale s = HeatScale.fit(HeatScale.Kind.PERCENTILE, v);
        assertEquals(2, s.low(), 1e-12);
        assertEquals(98, s.high(), 1e-12);
        assertEquals(0, s.position(1));           // below p2: clipped to the bottom
        assertEquals(0.5, s.position(50), 1e-12); // (50 - 2) / 96
        assertEquals(1, s.position(99));          // above p98: clipped to the top
        assertEquals("\u22642", s.tickLabel(0, x -> String.valueOf((int) x)));
        assertEquals("\u226598", s.tickLabel(1, x -> String.valueOf((int) x)));
    }

    @Test
    void percentileInterpolatesBetweenOrderStatistics() {
        // 10 values 0, 10, ..., 90 plus one outlier 10000: n = 11, p98 rank 0.98 * 10 = 9.8 -> 90 + 0.8 * (10000 - 90)
        double[] v = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 10000};
        HeatScale s = HeatScale.fit(HeatScale.Kind.PERCENTILE, v);
        assertEquals(0.2 * 10, s.low(), 1e-9);            // rank 0.2: 0 + 0.2 * 10
        assertEquals(90 + 0.8 * 9910, s.high(), 1e-9);
        assertEquals(7.0 / 12.0, HeatScale.percentile(new double[] {0, 1}, 100 * 7.0 / 12.0), 1e-12);
    }

    @Test
    void excludedCellsDoNotMoveTheRangeButAreStillPlaced() {
        double[] v = {0.1, 0.2, 0.3, 5.0};
        HeatScale s = HeatScale.fit(HeatScale.Kind.LINEAR, v, new boolean[] {true, true, true, false});
        assertEquals(0.1, s.low());
        assertEquals(0.3, s.high());
        assertEquals(0.5, s.position(0.2), 1e-12);
        assertEquals(1, s.position(5.0));
    }

    @Test
    void aFlatMapSitsInTheMiddleAndNaNIsRefused() {
        assertEquals(0.5, HeatScale.fit(HeatScale.Kind.LINEAR, new double[] {3, 3, 3}).position(3));
        assertEquals(0.5, HeatScale.fit(HeatScale.Kind.LOG, new double[] {0, 0}).position(0));
        assertThrows(IllegalArgumentException.class, () -> new HeatScale(HeatScale.Kind.LINEAR, Double.NaN, 1));
    }
}
