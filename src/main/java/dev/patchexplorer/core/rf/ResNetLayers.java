package dev.patchexplorer.core.rf;

import java.util.ArrayList;
import java.util.List;

/**
 * torchvision / timm ResNet layer stacks: conv1 7x7/2 p3, maxpool 3x3/2 p1, then four stages
 * whose first block (except in layer1) halves the resolution. Basic blocks (ResNet-18/34) are
 * 3x3 + 3x3 with the stride on conv1; bottlenecks (ResNet-50+) are 1x1 + 3x3 + 1x1 with the
 * stride on the 3x3 conv2 ("ResNet v1.5"). The 1x1 downsample shortcut is left out: see
 * {@link ReceptiveFieldTable}.
 */
public final class ResNetLayers {
    private ResNetLayers() {}

    public static List<LayerSpec> resnet18() {
        return build(new int[] {2, 2, 2, 2}, false);
    }

    public static List<LayerSpec> resnet50() {
        return build(new int[] {3, 4, 6, 3}, true);
    }

    /** @param blocksPerStage blocks in layer1..layer4 */
    public static List<LayerSpec> build(int[] blocksPerStage, boolean bottleneck) {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(LayerSpec.of("conv1", 7, 2, 3));
        layers.add(LayerSpec.of("maxpool", 3, 2, 1));
        for (int stage = 0; stage < blocksPerStage.length; stage++) {
            for (int i = 0; i < blocksPerStage[stage]; i++) {
                String block = "layer" + (stage + 1) + "." + i;
                int stride = stage > 0 && i == 0 ? 2 : 1;
                if (bottleneck) {
                    layers.add(LayerSpec.in(block, "conv1", 1, 1, 0));
                    layers.add(LayerSpec.in(block, "conv2", 3, stride, 1));
                    layers.add(LayerSpec.in(block, "conv3", 1, 1, 0));
                } else {
                    layers.add(LayerSpec.in(block, "conv1", 3, stride, 1));
                    layers.add(LayerSpec.in(block, "conv2", 3, 1, 1));
                }
            }
        }
        return List.copyOf(layers);
    }
}
