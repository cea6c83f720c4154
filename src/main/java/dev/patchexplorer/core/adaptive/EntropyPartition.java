package dev.patchexplorer.core.adaptive;

import dev.patchexplorer.core.image.RgbImage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * APT's partition without a budget (Choudhury et al.; SWEEP_AND_CONCEPTS.md section 3): from the
 * coarsest scale to the finest, keep a large patch when its grey entropy is under that scale's
 * threshold, otherwise look at its four quarters; minimum-size patches are always kept. The
 * finer patches under a kept one are the ones APT drops.
 */
public final class EntropyPartition {
    private EntropyPartition() {}

    /**
     * @param thresholdBits entropy threshold in bits for every patch side above {@code minSize}
     *                      (APT's examples: 6.0 for 32 px, 4.0 for 64 px)
     */
    public static List<QuadCell> partition(RgbImage image, int minSize, int maxSize, Map<Integer, Double> thresholdBits) {
        QuadtreeSpec spec = new QuadtreeSpec(image.width(), minSize, maxSize, Integer.MAX_VALUE);
        if (image.height() != image.width()) throw new IllegalArgumentException("the image must be square");
        for (int side = maxSize; side > minSize; side /= 2) {
            Double t = thresholdBits.get(side);
            if (t == null || Double.isNaN(t)) throw new IllegalArgumentException("no entropy threshold for patch side " + side);
        }
        List<QuadCell> kept = new ArrayList<>();
        for (int y = 0; y < spec.imageSize(); y += maxSize) {
            for (int x = 0; x < spec.imageSize(); x += maxSize) keep(image, new QuadCell(x, y, maxSize), minSize, thresholdBits, kept);
        }
        kept.sort(Comparator.comparingInt(QuadCell::y).thenComparingInt(QuadCell::x));
        return List.copyOf(kept);
    }

    private static void keep(RgbImage image, QuadCell cell, int minSize, Map<Integer, Double> thresholdBits, List<QuadCell> kept) {
        if (cell.size() <= minSize || GreyEntropy.bits(image, cell) < thresholdBits.get(cell.size())) {
            kept.add(cell);
        } else {
            for (QuadCell q : cell.quarters()) keep(image, q, minSize, thresholdBits, kept);
        }
    }
}
