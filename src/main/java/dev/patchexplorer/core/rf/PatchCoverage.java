package dev.patchexplorer.core.rf;

import java.util.List;
import java.util.Optional;

/** Receptive fields measured in patches of a ViT-style grid, for side-by-side readouts. */
public final class PatchCoverage {
    private PatchCoverage() {}

    /** A size in patches, e.g. 27.19 x 27.19 for a 435 px field and 16 px patches. */
    public record PatchSpan(double across, double down) {}

    /** "The RF of this layer spans X x Y patches of size P" (the full field, padding included). */
    public static PatchSpan span(LayerField layer, int patch) {
        requirePatch(patch);
        return new PatchSpan((double) layer.size() / patch, (double) layer.size() / patch);
    }

    /** The same for one box, e.g. a unit's field clipped to the image. */
    public static PatchSpan span(PixelBox box, int patch) {
        requirePatch(patch);
        return new PatchSpan((double) box.width() / patch, (double) box.height() / patch);
    }

    /**
     * The first layer whose RF is at least P x P, i.e. the first whose units each see a
     * patch-sized window. Whether that window lines up with the patch grid depends on the unit;
     * a field of 2P - 1 or more always contains a whole grid-aligned patch.
     *
     * @param layers e.g. {@link ReceptiveFieldTable#layers()} or {@link ReceptiveFieldTable#blocks()}
     */
    public static Optional<LayerField> firstCoveringPatch(List<LayerField> layers, int patch) {
        requirePatch(patch);
        return layers.stream().filter(f -> f.size() >= patch).findFirst();
    }

    private static void requirePatch(int patch) {
        if (patch < 1) throw new IllegalArgumentException("patch size must be >= 1, got " + patch);
    }
}
