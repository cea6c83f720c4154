package dev.patchexplorer.core.rf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Picks a layer stack by timm architecture name. */
public final class CnnLayers {
    private CnnLayers() {}

    private static final Map<String, Supplier<List<LayerSpec>>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("mobilenetv2_100", MobileNetV2Layers::mobilenetv2_100);
        BY_NAME.put("resnet18", ResNetLayers::resnet18);
        BY_NAME.put("resnet50", ResNetLayers::resnet50);
    }

    public static Set<String> knownArchitectures() {
        return BY_NAME.keySet();
    }

    /**
     * @param timmName e.g. {@code "resnet50"}; a pretrained tag ({@code "resnet50.a1_in1k"}) is ignored
     *                 because tags change weights, not geometry
     * @throws IllegalArgumentException for an architecture without a stack here, naming the known ones
     */
    public static List<LayerSpec> forArchitecture(String timmName) {
        String arch = timmName.strip().toLowerCase(Locale.ROOT);
        int dot = arch.indexOf('.');
        if (dot >= 0) arch = arch.substring(0, dot);
        Supplier<List<LayerSpec>> stack = BY_NAME.get(arch);
        if (stack != null) return stack.get();
        String hint = arch.startsWith("vit") || arch.startsWith("deit")
                ? " (a ViT: one patch at the patch embedding, the whole image after the first attention layer)"
                : "";
        throw new IllegalArgumentException("no receptive-field layer list for architecture '" + timmName + "'" + hint
                + "; known: " + String.join(", ", BY_NAME.keySet()));
    }
}
