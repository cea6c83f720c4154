package dev.patchexplorer.core.adaptive;

import dev.patchexplorer.core.image.RgbImage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Quadformer's mixed-resolution tokenization (Ronen et al., CVPRW 2023; SWEEP_AND_CONCEPTS.md
 * section 3): start from the grid of max-size patches in a min-heap keyed by score, repeatedly
 * pop the lowest-score patch and split it into four, until the budget is reached; patches at the
 * minimum side never split. Token counts are therefore initial + 3k.
 */
public final class Quadtree {
    /** Heap order: score, then raster position, so equal scores split the same way every run. */
    private static final Comparator<Scored> ORDER = Comparator.comparingDouble(Scored::score)
            .thenComparingInt(s -> s.cell.y()).thenComparingInt(s -> s.cell.x()).thenComparingInt(s -> -s.cell.size());

    private record Scored(QuadCell cell, double score) {}

    /**
     * @param cells  the final patches, in raster order of their top-left corners
     * @param splits how many splits were made (tokens = initial + 3 x splits)
     */
    public record Result(QuadtreeSpec spec, List<QuadCell> cells, int splits) {
        public int tokens() {
            return cells.size();
        }
    }

    private Quadtree() {}

    public static Result tokenize(RgbImage image, QuadtreeSpec spec, PatchScorer scorer) {
        if (image.width() != spec.imageSize() || image.height() != spec.imageSize()) {
            throw new IllegalArgumentException("the image is " + image.width() + "x" + image.height()
                    + ", the tokenization expects " + spec.imageSize() + "x" + spec.imageSize());
        }
        PriorityQueue<Scored> splittable = new PriorityQueue<>(ORDER);
        List<QuadCell> done = new ArrayList<>(); // min-size patches: never split, never scored
        for (int y = 0; y < spec.imageSize(); y += spec.maxSize()) {
            for (int x = 0; x < spec.imageSize(); x += spec.maxSize()) {
                offer(new QuadCell(x, y, spec.maxSize()), image, spec, scorer, splittable, done);
            }
        }
        int splits = 0;
        int allowed = spec.splitsAllowed();
        while (splits < allowed && !splittable.isEmpty()) {
            for (QuadCell q : splittable.poll().cell().quarters()) offer(q, image, spec, scorer, splittable, done);
            splits++;
        }
        List<QuadCell> cells = new ArrayList<>(done);
        splittable.forEach(s -> cells.add(s.cell()));
        cells.sort(Comparator.comparingInt(QuadCell::y).thenComparingInt(QuadCell::x));
        return new Result(spec, List.copyOf(cells), splits);
    }

    private static void offer(QuadCell cell, RgbImage image, QuadtreeSpec spec, PatchScorer scorer,
            PriorityQueue<Scored> splittable, List<QuadCell> done) {
        if (cell.size() <= spec.minSize()) {
            done.add(cell);
        } else {
            double score = scorer.score(image, cell, spec.minSize());
            if (Double.isNaN(score)) throw new IllegalStateException("the scorer gave NaN for " + cell);
            splittable.add(new Scored(cell, score));
        }
    }
}
