package dev.patchexplorer.core.sweep;

import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One picture made ready for every run of a sweep: its centre square resized (Pillow bicubic) to each
 * side the runs need, straight from the picture, as timm's evaluation transform does. Only these
 * squares are kept, so a large photo costs its decoded pixels once, not once per patch size.
 */
public final class SweepImage {
    private final String name;
    private final Map<Integer, RgbImage> squares;

    private SweepImage(String name, Map<Integer, RgbImage> squares) {
        this.name = name;
        this.squares = squares;
    }

    /** Prepares {@code picture} for the runs at {@code patches} under {@code settings}. */
    public static SweepImage of(String name, RgbImage picture, SweepSettings settings, Iterable<Integer> patches) {
        TreeSet<Integer> sides = new TreeSet<>();
        sides.add(settings.plan(settings.referencePatch()).side());
        for (int p : patches) sides.add(settings.plan(p).side());
        RgbImage crop = Preprocess.centerCropSquare(picture);
        Map<Integer, RgbImage> squares = new TreeMap<>();
        for (int side : sides) squares.put(side, crop.width() == side ? crop : Preprocess.resizeBicubic(crop, side, side));
        return new SweepImage(name, squares);
    }

    public String name() {
        return name;
    }

    /** The square of {@code side} pixels. */
    public RgbImage square(int side) {
        RgbImage s = squares.get(side);
        if (s == null) throw new IllegalArgumentException("image " + name + " was not prepared at " + side + " px");
        return s;
    }
}
