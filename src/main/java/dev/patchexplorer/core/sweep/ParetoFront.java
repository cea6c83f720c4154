package dev.patchexplorer.core.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The points no other point beats: a point is on the front when no other point costs no more and
 * scores no worse, being strictly better in one of the two. Points with a NaN cost or value are
 * never on it (nothing can be said about them).
 */
public final class ParetoFront {
    /** One candidate: its cost (lower is better) and its value. */
    public record Point(double cost, double value) {}

    private ParetoFront() {}

    /**
     * @param higherIsBetter true for a value to maximise (agreement), false for one to minimise (KL)
     * @return the indices of the front in {@code points}, cheapest first
     */
    public static List<Integer> of(List<Point> points, boolean higherIsBetter) {
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (Double.isNaN(p.cost()) || Double.isNaN(p.value())) continue;
            boolean dominated = false;
            for (int j = 0; j < points.size() && !dominated; j++) {
                Point q = points.get(j);
                if (j == i || Double.isNaN(q.cost()) || Double.isNaN(q.value())) continue;
                double pv = higherIsBetter ? p.value() : -p.value();
                double qv = higherIsBetter ? q.value() : -q.value();
                dominated = q.cost() <= p.cost() && qv >= pv && (q.cost() < p.cost() || qv > pv);
            }
            if (!dominated) front.add(i);
        }
        front.sort(Comparator.comparingDouble((Integer i) -> points.get(i).cost()).thenComparingInt(i -> i));
        return front;
    }
}
