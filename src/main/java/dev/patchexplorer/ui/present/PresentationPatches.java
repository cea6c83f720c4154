package dev.patchexplorer.ui.present;

import java.util.List;

/**
 * The patch sizes the arrow keys step through in presentation mode: the ViT patches a class meets
 * (8, 14, 16, 32), coarser ones, and the pathology tiles (224, 256, 512), kept to those a working
 * image can hold.
 */
public final class PresentationPatches {
    public static final List<Integer> PRESETS = List.of(8, 14, 16, 32, 64, 128, 224, 256, 512);

    private PresentationPatches() {}

    /** The presets no larger than the working image's shorter side. */
    public static List<Integer> allowed(int workingWidth, int workingHeight) {
        int side = Math.min(workingWidth, workingHeight);
        return PRESETS.stream().filter(p -> p <= side).toList();
    }

    /**
     * The allowed presets past {@code current} in {@code direction} (+1 larger, -1 smaller), nearest
     * first: a size between two presets steps to the next one, not back to its own.
     */
    public static List<Integer> beyond(int current, int direction, int workingWidth, int workingHeight) {
        List<Integer> allowed = allowed(workingWidth, workingHeight);
        if (direction > 0) return allowed.stream().filter(p -> p > current).toList();
        return allowed.stream().filter(p -> p < current).sorted((a, b) -> b - a).toList();
    }
}
