package dev.patchexplorer.core.rf;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in stacks against hand calculations. Rule used throughout: a k x k layer adds
 * (k - 1) * S to the RF, where S is the product of the strides before it; 1x1 convs add nothing.
 * Every conv/pool in these networks pads (k - 1) / 2, so P0 = (r0 - 1) / 2 and unit u is centred
 * on pixel u * S0.
 */
class CnnLayersTest {

    /** Expected block-output rows: name, RF, effective stride, output size at 224. */
    private record Row(String block, int rf, int stride, int output) {}

    private static void assertBlocks(List<Row> expected, String arch) {
        List<LayerField> blocks = ReceptiveFieldTable.compute(CnnLayers.forArchitecture(arch), 224, 224).blocks();
        List<Row> actual = blocks.stream()
                .map(f -> new Row(f.layer().block(), f.size(), f.stride(), f.outputHeight())).toList();
        assertEquals(expected, actual);
        for (LayerField f : blocks) {
            assertEquals((f.size() - 1) / 2, f.padding(), f.layer().name());
            assertEquals(3.0 * f.stride(), f.centre(3), f.layer().name());
        }
    }

    @Test
    void resnet18() {
        // conv1 7x7/2: 7 (S 2); maxpool 3x3/2: 7 + 2*2 = 11 (S 4).
        // layer1: two basic blocks of two 3x3 at S 4, +8 each conv: 27, 43.
        // layer2.0: conv1 3x3/2 at S 4: 51 (S 8), conv2: 67; layer2.1: +16 +16 = 99.
        // layer3.0: 99 + 16 = 115 (S 16), + 32 = 147; layer3.1: + 64 = 211.
        // layer4.0: 211 + 32 = 243 (S 32), + 64 = 307; layer4.1: + 128 = 435.
        assertBlocks(List.of(
                new Row("conv1", 7, 2, 112), new Row("maxpool", 11, 4, 56),
                new Row("layer1.0", 27, 4, 56), new Row("layer1.1", 43, 4, 56),
                new Row("layer2.0", 67, 8, 28), new Row("layer2.1", 99, 8, 28),
                new Row("layer3.0", 147, 16, 14), new Row("layer3.1", 211, 16, 14),
                new Row("layer4.0", 307, 32, 7), new Row("layer4.1", 435, 32, 7)), "resnet18");
    }

    @Test
    void resnet50() {
        // Bottlenecks have one 3x3 each (conv2, carrying the stride). After the stem: 11 (S 4).
        // layer1: 3 x (+8): 19, 27, 35. layer2.0: +2*4 = 43 (S 8), then 3 x (+16): 59, 75, 91.
        // layer3.0: +2*8 = 107 (S 16), then 5 x (+32): 139 .. 267.
        // layer4.0: +2*16 = 299 (S 32), then 2 x (+64): 363, 427.
        assertBlocks(List.of(
                new Row("conv1", 7, 2, 112), new Row("maxpool", 11, 4, 56),
                new Row("layer1.0", 19, 4, 56), new Row("layer1.1", 27, 4, 56), new Row("layer1.2", 35, 4, 56),
                new Row("layer2.0", 43, 8, 28), new Row("layer2.1", 59, 8, 28),
                new Row("layer2.2", 75, 8, 28), new Row("layer2.3", 91, 8, 28),
                new Row("layer3.0", 107, 16, 14), new Row("layer3.1", 139, 16, 14),
                new Row("layer3.2", 171, 16, 14), new Row("layer3.3", 203, 16, 14),
                new Row("layer3.4", 235, 16, 14), new Row("layer3.5", 267, 16, 14),
                new Row("layer4.0", 299, 32, 7), new Row("layer4.1", 363, 32, 7),
                new Row("layer4.2", 427, 32, 7)), "resnet50");
    }

    @Test
    void mobilenetV2() {
        // conv_stem 3x3/2: 3 (S 2). Each block has one 3x3 depthwise conv, which adds 2 * S
        // (S before it, so a strided block adds at the old stride).
        // blocks.0.0: 7. stage 1 (s2): 11 (S 4), 19. stage 2 (s2): 27 (S 8), 43, 59.
        // stage 3 (s2): 75 (S 16), 107, 139, 171. stage 4 (s1): 203, 235, 267.
        // stage 5 (s2): 299 (S 32), 363, 427. stage 6 (s1): 491. conv_head 1x1: 491.
        assertBlocks(List.of(
                new Row("conv_stem", 3, 2, 112), new Row("blocks.0.0", 7, 2, 112),
                new Row("blocks.1.0", 11, 4, 56), new Row("blocks.1.1", 19, 4, 56),
                new Row("blocks.2.0", 27, 8, 28), new Row("blocks.2.1", 43, 8, 28), new Row("blocks.2.2", 59, 8, 28),
                new Row("blocks.3.0", 75, 16, 14), new Row("blocks.3.1", 107, 16, 14),
                new Row("blocks.3.2", 139, 16, 14), new Row("blocks.3.3", 171, 16, 14),
                new Row("blocks.4.0", 203, 16, 14), new Row("blocks.4.1", 235, 16, 14),
                new Row("blocks.4.2", 267, 16, 14),
                new Row("blocks.5.0", 299, 32, 7), new Row("blocks.5.1", 363, 32, 7), new Row("blocks.5.2", 427, 32, 7),
                new Row("blocks.6.0", 491, 32, 7), new Row("conv_head", 491, 32, 7)), "mobilenetv2_100");
    }

    @Test
    void everyConvInsideABlockIsComputed() {
        // ResNet-18: stem 2 + 8 blocks x 2 convs; ResNet-50: 2 + 16 x 3; MobileNetV2: stem + (dw, pw)
        // + 16 x (pw, dw, pwl) + head.
        assertEquals(18, ResNetLayers.resnet18().size());
        assertEquals(50, ResNetLayers.resnet50().size());
        assertEquals(52, MobileNetV2Layers.mobilenetv2_100().size());
        ReceptiveFieldTable t = ReceptiveFieldTable.compute(ResNetLayers.resnet50(), 224, 224);
        // layer2.0.conv2 is where the stride sits: conv1 (1x1) still at S 4, conv2 at S 8.
        assertEquals(4, t.find("layer2.0.conv1").stride());
        assertEquals(8, t.find("layer2.0.conv2").stride());
        assertEquals("blocks.1.0.conv_dw", MobileNetV2Layers.mobilenetv2_100().get(4).name());
    }

    @Test
    void factoryIgnoresPretrainedTagsAndExplainsUnknownNames() {
        assertEquals(ResNetLayers.resnet50(), CnnLayers.forArchitecture("resnet50.a1_in1k"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CnnLayers.forArchitecture("efficientnet_b0"));
        assertTrue(e.getMessage().contains("efficientnet_b0") && e.getMessage().contains("resnet18"), e.getMessage());
        IllegalArgumentException vit = assertThrows(IllegalArgumentException.class,
                () -> CnnLayers.forArchitecture("vit_tiny_patch16_224"));
        assertTrue(vit.getMessage().contains("ViT"), vit.getMessage());
    }
}
