package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.rf.CnnLayers;
import dev.patchexplorer.core.rf.LayerField;
import dev.patchexplorer.core.rf.ReceptiveFieldTable;
import dev.patchexplorer.model.CnnModel;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.testing.TestAssets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The receptive-field table (core.rf layer lists) and the loaded network (model) must describe the
 * same feature maps, or a drawn box would not belong to the gradient shown in it: every block of the
 * table is a layer of the model, with the same output size, also for a non-square input.
 */
class CnnLayerAgreementTest {

    @ParameterizedTest
    @CsvSource({
            // torchvision publishes 3,504,872 parameters for mobilenet_v2 (its weights table, "num_params").
            "mobilenetv2_100.dequant_in1k, 3504872",
            // ResNet-18 at widths 8/16/32/64, 10 classes, by hand: conv1 3*8*49 + bn 16 = 1192; layer1 2 x (2 x (576 + 16)) = 2368;
            // layer2 (1152+32 + 2304+32 + 128+32) + (2304+32)*2 = 8352; layer3 14528 + 18560 = 33088; layer4 57728 + 73984 = 131712;
            // fc 64*10 + 10 = 650; total 177362.
            "test/resnet18.random_w8, 177362",
            "test/resnet50.random_w8, -1"})
    void tableAndNetworkAgree(String folder, long parameters) throws Exception {
        try (CnnModel cnn = assertInstanceOf(CnnModel.class, ModelLoader.load(TestAssets.model(folder)))) {
            if (parameters > 0) assertEquals(parameters, cnn.parameterCount());
            for (int[] size : new int[][] {{224, 224}, {160, 288}}) {
                ReceptiveFieldTable table = ReceptiveFieldTable.compute(
                        CnnLayers.forArchitecture(cnn.config().architecture()), size[0], size[1]);
                for (LayerField block : table.blocks()) {
                    String layer = ReceptiveFieldViewModel.modelLayer(block.layer().block(), cnn.layerNames());
                    assertNotNull(layer, folder + ": no model layer for block " + block.layer().block());
                    assertArrayEquals(new int[] {block.outputHeight(), block.outputWidth()}, cnn.featureSize(layer, size[0], size[1]),
                            folder + " " + layer + " at " + size[0] + "x" + size[1]);
                }
            }
        }
    }
}
