package dev.patchexplorer.core.adaptive;

import dev.patchexplorer.core.image.RgbImage;

/**
 * Scores a patch by the attention (or saliency) mass inside it, so the quadtree splits first where the
 * model looks most and those regions get the finest patches. Minus the mass, as the heap pops the
 * lowest score first. The pixels are not read: the map, cut to the tokenized square, carries it all.
 */
public final class MapMassScorer implements PatchScorer {
    private final MassMap map;

    public MapMassScorer(MassMap map) {
        this.map = map;
    }

    @Override
    public double score(RgbImage image, QuadCell cell, int minSize) {
        if (image.width() != map.width() || image.height() != map.height()) {
            throw new IllegalArgumentException("the map is " + map.width() + " x " + map.height() + ", the image "
                    + image.width() + " x " + image.height());
        }
        return 0.0 - map.mass(cell.x(), cell.y(), cell.size(), cell.size());
    }
}
