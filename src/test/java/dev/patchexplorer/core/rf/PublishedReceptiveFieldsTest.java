package dev.patchexplorer.core.rf;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Published values. RF and effective stride: Araujo, Norris, Sim, "Computing Receptive Fields of
 * Convolutional Neural Networks", Distill 2019. Effective padding: the table of the authors'
 * library, github.com/google-research/receptive_field (README), computed on the TF-Slim models:
 * alexnet_v2 195 / 32 / 64, vgg_16 212 / 32 / 90, resnet_v1_50 483 / 32 / 239.
 * The stacks below follow TF-Slim (research/slim/nets); "SAME" padding with stride 1 is
 * (k - 1) / 2, "VALID" is 0.
 */
class PublishedReceptiveFieldsTest {

    private static LayerField last(List<LayerSpec> stack) {
        return ReceptiveFieldTable.compute(stack, 224, 224).last();
    }

    @Test
    void alexNetV2() {
        // conv1 11x11/4 VALID, pool1 3x3/2 VALID, conv2 5x5 SAME, pool2 3x3/2 VALID,
        // conv3..conv5 3x3 SAME, pool5 3x3/2 VALID.
        List<LayerSpec> alexnet = List.of(
                LayerSpec.of("conv1", 11, 4, 0), LayerSpec.of("pool1", 3, 2, 0),
                LayerSpec.of("conv2", 5, 1, 2), LayerSpec.of("pool2", 3, 2, 0),
                LayerSpec.of("conv3", 3, 1, 1), LayerSpec.of("conv4", 3, 1, 1),
                LayerSpec.of("conv5", 3, 1, 1), LayerSpec.of("pool5", 3, 2, 0));
        LayerField f = last(alexnet);
        assertEquals(195, f.size());
        assertEquals(32, f.stride());
        assertEquals(64, f.padding());
    }

    @Test
    void vgg16() {
        // Five stages of 3x3 SAME convs (2, 2, 3, 3, 3), each followed by a 2x2/2 VALID max pool.
        List<LayerSpec> vgg = new ArrayList<>();
        int[] convs = {2, 2, 3, 3, 3};
        for (int stage = 0; stage < convs.length; stage++) {
            for (int i = 0; i < convs[stage]; i++) {
                vgg.add(LayerSpec.in("conv" + (stage + 1), "conv" + (stage + 1) + "_" + (i + 1), 3, 1, 1));
            }
            vgg.add(LayerSpec.of("pool" + (stage + 1), 2, 2, 0));
        }
        LayerField f = last(vgg);
        assertEquals(212, f.size());
        assertEquals(32, f.stride());
        assertEquals(90, f.padding());
    }

    /**
     * TF-Slim resnet_v1_50 differs from torchvision's ResNet-50 in where it downsamples: each of
     * block1..block3 puts its stride 2 on the LAST unit's 3x3 conv (torchvision: on the first unit
     * of layer2..layer4), and block4 has stride 1. So block1 already ends at stride 8 and more 3x3
     * convs run at the coarser strides: RF 483 against torchvision's 427. TF's strided convs pad
     * (k - 1) / 2 at the start ("conv2d_same"); pool1 is "SAME" 3x3/2, which pads 0 at the start
     * for an even input, and start padding is what P0 counts.
     */
    @Test
    void resnetV1_50FromTfSlim() {
        List<LayerSpec> slim = new ArrayList<>();
        slim.add(LayerSpec.of("conv1", 7, 2, 3));
        slim.add(LayerSpec.of("pool1", 3, 2, 0));
        int[] units = {3, 4, 6, 3};
        int[] blockStride = {2, 2, 2, 1};
        for (int b = 0; b < units.length; b++) {
            for (int u = 0; u < units[b]; u++) {
                String unit = "block" + (b + 1) + ".unit_" + (u + 1);
                int stride = u == units[b] - 1 ? blockStride[b] : 1;
                slim.add(LayerSpec.in(unit, "conv1", 1, 1, 0));
                slim.add(LayerSpec.in(unit, "conv2", 3, stride, 1));
                slim.add(LayerSpec.in(unit, "conv3", 1, 1, 0));
            }
        }
        LayerField f = last(slim);
        // By hand: conv1 7 (S 2), pool1 11 (S 4); block1: two units at S 4 -> 19, 27, unit 3 -> 35 (S 8);
        // block2: three units at S 8 -> 51, 67, 83, unit 4 -> 99 (S 16); block3: five units at S 16 -> 259,
        // unit 6 -> 291 (S 32); block4: three units at S 32 -> 355, 419, 483.
        assertEquals(483, f.size());
        assertEquals(32, f.stride());
        assertEquals(239, f.padding());
    }
}
