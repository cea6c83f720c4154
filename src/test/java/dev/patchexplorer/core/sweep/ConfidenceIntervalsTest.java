package dev.patchexplorer.core.sweep;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sweep's 95 % intervals and per-patch aggregates against values worked by hand and published t tables. */
class ConfidenceIntervalsTest {
    @Test
    void tQuantilesMatchPublishedTables() {
        // t(0.975, df) from any Student t table
        assertEquals(12.7062047, ConfidenceIntervals.t975(1), 1e-6);
        assertEquals(4.30265273, ConfidenceIntervals.t975(2), 1e-7);
        assertEquals(3.18244631, ConfidenceIntervals.t975(3), 1e-7);
        assertEquals(2.22813885, ConfidenceIntervals.t975(10), 1e-7);
        assertEquals(2.04227246, ConfidenceIntervals.t975(30), 1e-7);
        // many degrees of freedom: the normal's 97.5 % point
        assertEquals(ConfidenceIntervals.Z975, ConfidenceIntervals.t975(2_000_000), 2e-6);
    }

    @Test
    void aMeanOfOneTwoThreeFourHasTheHandWorkedInterval() {
        // mean 2.5, s = sqrt(5/3) = 1.29099, t(0.975, 3) = 3.18245, half-width 3.18245 x 1.29099 / 2 = 2.0543
        SweepAggregator a = new SweepAggregator();
        double[] kl = {1, 2, 3, 4};
        for (int i = 0; i < kl.length; i++) a.add(row("img" + i, 16, kl[i], 1, SweepRow.UNKNOWN));
        Estimate e = a.result().get(0).estimate(SweepQuantity.KL);
        assertEquals(4, e.n());
        assertEquals(2.5, e.mean(), 1e-12);
        assertEquals(2.5 - 2.0543, e.low(), 1e-4);
        assertEquals(2.5 + 2.0543, e.high(), 1e-4);
        Estimate direct = ConfidenceIntervals.studentT(4, 2.5, Math.sqrt(5.0 / 3));
        assertEquals(e.low(), direct.low(), 1e-12);
    }

    @Test
    void wilsonIntervalOfEightOutOfTenMatchesTheWorkedValue() {
        // p = 0.8, z^2 = 3.841459: centre (0.8 + 0.192073) / 1.384146 = 0.716739,
        // half 1.959964 sqrt(0.016 + 0.009604) / 1.384146 = 0.226573, so [0.490166, 0.943312]
        Estimate w = ConfidenceIntervals.wilson(8, 10);
        assertEquals(0.8, w.mean(), 1e-12);
        assertEquals(0.490166, w.low(), 1e-5);
        assertEquals(0.943312, w.high(), 1e-5);
        // all agree: the interval still has width (a t interval of 0/1 values would be the point 1)
        Estimate all = ConfidenceIntervals.wilson(4, 4);
        assertEquals(1.0, all.high(), 1e-12);
        assertEquals(4 / (4 + ConfidenceIntervals.Z975 * ConfidenceIntervals.Z975), all.low(), 1e-12);
    }

    @Test
    void oneImageHasAMeanButNoInterval() {
        Estimate e = ConfidenceIntervals.studentT(1, 0.3, Double.NaN);
        assertEquals(0.3, e.mean(), 0.0);
        assertFalse(e.hasInterval());
        assertTrue(Double.isNaN(ConfidenceIntervals.wilson(0, 0).mean()));
    }

    @Test
    void accuracyCountsOnlyLabelledRowsAndAgreementIsAWilsonProportion() {
        SweepAggregator a = new SweepAggregator();
        // top-1 index of every row is 7 (see row()): true classes 7, 7, 3 and one unlabelled image
        a.add(row("a", 16, 0, 1, 7));
        a.add(row("b", 16, 0, 1, 7));
        a.add(row("c", 16, 0, 0, 3));
        a.add(row("d", 16, 0, 1, SweepRow.UNKNOWN));
        PatchAggregate p = a.result().get(0);
        assertEquals(4, p.images());
        assertEquals(3, p.labelledImages());
        assertFalse(p.allLabelled());
        assertEquals(2.0 / 3, p.mean(SweepQuantity.ACCURACY_TOP1), 1e-12);
        Estimate w = ConfidenceIntervals.wilson(2, 3);
        assertEquals(w.low(), p.estimate(SweepQuantity.ACCURACY_TOP1).low(), 1e-15);
        assertEquals(1.0, p.mean(SweepQuantity.ACCURACY_TOP5), 1e-12); // 3 is in the top 5 (7, 3, 1, 2, 4)
        assertEquals(ConfidenceIntervals.wilson(3, 4).low(), p.estimate(SweepQuantity.AGREE_TOP1).low(), 1e-15);
        assertEquals(List.of(16), a.result().stream().map(PatchAggregate::patch).toList());
    }

    /** A row with top-5 (7, 3, 1, 2, 4), the given KL and top-1 agreement, judged against {@code trueClass}. */
    static SweepRow row(String image, int patch, double kl, int agree, int trueClass) {
        return new SweepRow(image, patch, SweepMode.FLEXI, 64, 16, 4, 4, 17, 0.01, 7, "class 7", 0.5, new int[] {7, 3, 1, 2, 4},
                agree, 1, kl, 1.0, 0.2, 0.5, new double[] {0.5}, 10, new double[] {10}, 256, 1, 3).judged(trueClass);
    }
}
