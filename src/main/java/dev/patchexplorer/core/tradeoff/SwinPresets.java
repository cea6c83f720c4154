package dev.patchexplorer.core.tradeoff;

import java.util.List;
import java.util.Optional;

/**
 * Swin-T, Swin-S and Swin-B of Liu et al. 2021 (SWEEP_AND_CONCEPTS.md section 5), named as timm names
 * them. Kept apart from {@link VitPresets}: the window's readouts describe one grid of a plain ViT,
 * so its architecture list stays ViT-only; {@code tradeoffs} and the Concepts pages use these.
 */
public final class SwinPresets {
    private static final List<SwinArchitecture> ALL = List.of(
            SwinArchitecture.standard("swin_tiny_patch4_window7_224", 96, new int[]{2, 2, 6, 2}, new int[]{3, 6, 12, 24}),
            SwinArchitecture.standard("swin_small_patch4_window7_224", 96, new int[]{2, 2, 18, 2}, new int[]{3, 6, 12, 24}),
            SwinArchitecture.standard("swin_base_patch4_window7_224", 128, new int[]{2, 2, 18, 2}, new int[]{4, 8, 16, 32}));

    private SwinPresets() {}

    public static List<SwinArchitecture> all() {
        return ALL;
    }

    public static Optional<SwinArchitecture> byName(String name) {
        return ALL.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
