package dev.patchexplorer.core.tradeoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Standard ViT sizes (Dosovitskiy et al. 2021; Ti and S from Touvron et al. 2021) at the usual patch
 * sizes, named as timm names them, e.g. {@code vit_base_patch16_224}.
 */
public final class VitPresets {
    private record Size(String name, int width, int depth, int heads) {}

    private static final List<Size> SIZES = List.of(
            new Size("tiny", 192, 12, 3),
            new Size("small", 384, 12, 6),
            new Size("base", 768, 12, 12),
            new Size("large", 1024, 24, 16));
    private static final int[] PATCHES = {8, 14, 16, 32};
    private static final List<VitArchitecture> ALL = build();

    private VitPresets() {}

    private static List<VitArchitecture> build() {
        List<VitArchitecture> out = new ArrayList<>();
        for (Size s : SIZES) {
            for (int p : PATCHES) {
                String name = "vit_" + s.name() + "_patch" + p + "_224";
                out.add(VitArchitecture.standard(name, s.width(), s.depth(), s.heads(), p, 224, 1000));
            }
        }
        return List.copyOf(out);
    }

    public static List<VitArchitecture> all() {
        return ALL;
    }

    public static Optional<VitArchitecture> byName(String name) {
        return ALL.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The default: ViT-Ti/16, the model the app ships support for first. */
    public static VitArchitecture defaultArchitecture() {
        return byName("vit_tiny_patch16_224").orElseThrow();
    }
}
