package dev.patchexplorer.core.rf;

import java.util.ArrayList;
import java.util.List;

/**
 * timm {@code mobilenetv2_100}: conv_stem 3x3/2, 17 blocks in 7 stages, conv_head 1x1.
 * blocks.0.0 is a depthwise-separable block (conv_dw 3x3, conv_pw 1x1); every other block is an
 * inverted residual (conv_pw 1x1, conv_dw 3x3 carrying the stage's stride, conv_pwl 1x1).
 * Padding is timm's symmetric ((s - 1) + (k - 1)) / 2, which is 1 for every 3x3 here.
 */
public final class MobileNetV2Layers {
    private MobileNetV2Layers() {}

    /** timm arch_def: (repeats, stride of the first block) per stage, channels left out. */
    private static final int[][] STAGES = {{1, 1}, {2, 2}, {3, 2}, {4, 2}, {3, 1}, {3, 2}, {1, 1}};

    public static List<LayerSpec> mobilenetv2_100() {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(LayerSpec.of("conv_stem", 3, 2, 1));
        for (int stage = 0; stage < STAGES.length; stage++) {
            for (int i = 0; i < STAGES[stage][0]; i++) {
                String block = "blocks." + stage + "." + i;
                int stride = i == 0 ? STAGES[stage][1] : 1;
                if (stage == 0) {
                    layers.add(LayerSpec.in(block, "conv_dw", 3, stride, 1));
                    layers.add(LayerSpec.in(block, "conv_pw", 1, 1, 0));
                } else {
                    layers.add(LayerSpec.in(block, "conv_pw", 1, 1, 0));
                    layers.add(LayerSpec.in(block, "conv_dw", 3, stride, 1));
                    layers.add(LayerSpec.in(block, "conv_pwl", 1, 1, 0));
                }
            }
        }
        layers.add(LayerSpec.of("conv_head", 1, 1, 0));
        return List.copyOf(layers);
    }
}
