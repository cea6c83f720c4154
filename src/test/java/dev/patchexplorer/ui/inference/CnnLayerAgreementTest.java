package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.rf.CnnLayers;
import dev.patchexplorer.core.rf.LayerField;
import dev.patchexplorer.core.rf.ReceptiveFieldTable;
import dev.patchexplorer.model.CnnModel;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;

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

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
            // torchvision publishes 3,504,872 parameters for mobilenet_v2 (its weights table, "num_params").
            "mobilenetv2_100.dequant_in1k, 3504872",
            // The tests' tiny MobileNetV2 (stem 8, stage widths 8 8 8 16 16 24 24, expansion 2, head 32), by hand, weights
            // plus batch-norm scale and shift: stem 216 + 16 = 232; blocks.0.0 72 + 16 + 64 + 16 = 168; an 8 -> 8 block
            // 128 + 32 + 144 + 32 + 128 + 16 = 480 (x 5: blocks.1.*, blocks.2.*); blocks.3.0 8 -> 16: 624; a 16 -> 16
            // block 512 + 64 + 288 + 64 + 512 + 32 = 1472 (x 6: blocks.3.1-3, blocks.4.*); blocks.5.0 16 -> 24: 1744;
            // a 24 -> 24 block 1152 + 96 + 432 + 96 + 1152 + 48 = 2976 (x 3: blocks.5.1-2, blocks.6.0); head 768 + 64 = 832;
            // classifier 32000 + 1000 = 33000; total 56760.
            "tiny:MOBILENETV2, 56760",
            // ResNet-18 at widths 8/16/32/64, 10 classes, by hand: conv1 3*8*49 + bn 16 = 1192; layer1 2 x (2 x (576 + 16)) = 2368;
            // layer2 (1152+32 + 2304+32 + 128+32) + (2304+32)*2 = 8352; layer3 14528 + 18560 = 33088; layer4 57728 + 73984 = 131712;
            // fc 64*10 + 10 = 650; total 177362 (the shared random_w8 checkpoint and the tests' tiny one alike).
            "tiny:RESNET18, 177362",
            "tiny:RESNET50, -1"})
    void tableAndNetworkAgree(String folder, long parameters) throws Exception {
        try (CnnModel cnn = assertInstanceOf(CnnModel.class, ModelLoader.load(location(folder)))) {
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

    /** "tiny:KIND" is one of the tests' own checkpoints, written here; anything else a shared model folder. */
    private Path location(String folder) throws IOException {
        return folder.startsWith("tiny:")
                ? TinyCheckpoints.write(TinyCheckpoints.Kind.valueOf(folder.substring(5)), tmp)
                : TestAssets.model(folder);
    }
}
