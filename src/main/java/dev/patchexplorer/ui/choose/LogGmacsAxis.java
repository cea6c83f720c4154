package dev.patchexplorer.ui.choose;

import javafx.scene.chart.ValueAxis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GMACs on a log scale: a sweep's costs span two decades (P32 costs about a thirtieth of P8), and
 * on a linear axis the large patch sizes piled up at its left end. The chart's x values are
 * {@link #position log10 of GMACs}; every series goes through that one transform. The ticks are the
 * coarsest of 1-10-100, 1-2-5 and 1..9 (then tenths) that puts at least four inside the range, and
 * are labelled with the GMACs themselves.
 */
final class LogGmacsAxis extends ValueAxis<Number> {
    /** Mantissas of the tick levels, coarsest first. */
    private static final double[][] LEVELS = {
            {1},
            {1, 2, 5},
            {1, 2, 3, 4, 5, 6, 7, 8, 9},
            tenths(),
    };
    private static final int MIN_TICKS = 4;
    /** Room beyond the extreme points, in decades, so their markers and labels are not cut at the plot's edge. */
    private static final double MIN_PAD = 0.08;

    /** Where a cost sits on the axis. */
    static double position(double gmacs) {
        return Math.log10(gmacs);
    }

    /** The cost at a place on the axis. */
    static double gmacs(double position) {
        return Math.pow(10, position);
    }

    @Override
    protected Object autoRange(double min, double max, double length, double labelSize) {
        double pad = Math.max(MIN_PAD, 0.06 * (max - min));
        double lo = min - pad;
        double hi = max + pad;
        return new double[] {lo, hi, calculateNewScale(length, lo, hi)};
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound(), getScale()};
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] r = (double[]) range;
        setLowerBound(r[0]);
        setUpperBound(r[1]);
        currentLowerBound.set(r[0]);
        setScale(r[2]);
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] r = (double[]) range;
        return ticks(r[0], r[1], level(r[0], r[1]));
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        double lo = getLowerBound();
        double hi = getUpperBound();
        int level = level(lo, hi);
        if (level + 1 >= LEVELS.length) return List.of();
        List<Number> major = ticks(lo, hi, level);
        List<Number> minor = new ArrayList<>(ticks(lo, hi, level + 1));
        minor.removeIf(m -> major.stream().anyMatch(t -> Math.abs(t.doubleValue() - m.doubleValue()) < 1e-9));
        return minor;
    }

    @Override
    protected String getTickMarkLabel(Number position) {
        return label(gmacs(position.doubleValue()));
    }

    /** A cost as a tick shows it: 0.05, 0.2, 1, 10, three significant digits at most. */
    static String label(double gmacs) {
        if (!Double.isFinite(gmacs)) return ""; // an axis being laid out before it has a range
        return new BigDecimal(String.format(Locale.ROOT, "%.3g", gmacs)).stripTrailingZeros().toPlainString();
    }

    /** The coarsest level with enough ticks between the bounds (positions), else the finest. */
    static int level(double lo, double hi) {
        for (int i = 0; i < LEVELS.length; i++) {
            if (ticks(lo, hi, i).size() >= MIN_TICKS) return i;
        }
        return LEVELS.length - 1;
    }

    /** The tick positions of a level between two positions, ascending. */
    static List<Number> ticks(double lo, double hi, int level) {
        List<Number> out = new ArrayList<>();
        if (!(hi > lo) || Double.isInfinite(lo) || Double.isInfinite(hi)) return out;
        for (int decade = (int) Math.floor(lo); decade <= (int) Math.ceil(hi); decade++) {
            for (double m : LEVELS[level]) {
                double p = decade + Math.log10(m);
                if (p >= lo - 1e-12 && p <= hi + 1e-12) out.add(p);
            }
        }
        return out;
    }

    private static double[] tenths() {
        double[] m = new double[90];
        for (int i = 0; i < m.length; i++) m[i] = 1 + i / 10.0;
        return m;
    }
}
