package dev.patchexplorer.model;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.rf.CnnLayers;
import dev.patchexplorer.core.rf.LayerField;
import dev.patchexplorer.core.rf.PixelBox;
import dev.patchexplorer.core.rf.ReceptiveFieldTable;
import dev.patchexplorer.core.rf.UnitField;
import dev.patchexplorer.testing.Npz;
import dev.patchexplorer.testing.TestAssets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property: the effective receptive field (an input gradient computed by the model) is exactly zero
 * outside the theoretical receptive field that core.rf computes from the layer list, since no path
 * joins those pixels to the unit; and it is non-zero somewhere inside. Seeded random units.
 */
class ErfSupportPropertyTest {
    private static final int UNITS_PER_LAYER = 8;

    @ParameterizedTest
    @CsvSource({
            "mobilenetv2_100.dequant_in1k, 'conv_stem,blocks.1.1,blocks.2.2,blocks.3.1,blocks.4.0'",
            "test/resnet18.random_w8, 'conv1,maxpool,layer1.1,layer2.0,layer3.0'"})
    void gradientIsZeroOutsideTheTheoreticalFieldAndNotInside(String model, String layers) throws Exception {
        ChwImage input = ViTParityTest.input(Npz.read(TestAssets.golden("mobilenetv2_chelsea.npz")));
        try (CnnModel m = assertInstanceOf(CnnModel.class, ModelLoader.load(TestAssets.model(model)))) {
            ReceptiveFieldTable table = ReceptiveFieldTable.compute(CnnLayers.forArchitecture(m.config().architecture()), 224, 224);
            Random random = new Random(20161205);
            for (String layer : layers.split(",")) {
                LayerField field = table.find(layer);
                assertTrue(field.size() < 224, layer + " must have a field smaller than the image for this test to bite");
                for (int i = 0; i < UNITS_PER_LAYER; i++) {
                    int uy = random.nextInt(field.outputHeight()), ux = random.nextInt(field.outputWidth());
                    ErfGradient erf = m.erfGradient(input, layer, uy, ux);
                    assertEquals(field.outputHeight(), erf.featureH(), layer + " rows");
                    assertEquals(field.outputWidth(), erf.featureW(), layer + " columns");
                    checkSupport(erf.gradient(), field.unit(uy, ux), layer);
                }
            }
        }
    }

    /** Every stage the model names has a theoretical field of the same output size. */
    @ParameterizedTest
    @CsvSource({"mobilenetv2_100.dequant_in1k", "test/resnet18.random_w8", "test/resnet50.random_w8"})
    void everyModelLayerHasATheoreticalField(String model) throws Exception {
        try (CnnModel m = assertInstanceOf(CnnModel.class, ModelLoader.load(TestAssets.model(model)))) {
            ReceptiveFieldTable table = ReceptiveFieldTable.compute(CnnLayers.forArchitecture(m.config().architecture()), 160, 224);
            for (String layer : m.layerNames()) {
                LayerField f = table.find(layer);
                assertArrayEquals(new int[] {f.outputHeight(), f.outputWidth()}, m.featureSize(layer, 160, 224), layer);
            }
            assertEquals(m.layerNames().get(m.layerNames().size() - 1), m.resolveLayer(m.layerNames().get(m.layerNames().size() - 1)));
        }
    }

    private static void checkSupport(ChwImage g, UnitField unit, String layer) {
        PixelBox box = unit.insideImage();
        boolean anyInside = false;
        for (int c = 0; c < g.channels(); c++) {
            for (int y = 0; y < g.height(); y++) {
                for (int x = 0; x < g.width(); x++) {
                    float v = g.get(c, y, x);
                    boolean inside = x >= box.x0() && x < box.x1() && y >= box.y0() && y < box.y1();
                    if (!Float.isFinite(v)) {
                        fail(layer + " unit (" + unit.uy() + ", " + unit.ux() + "): gradient " + v + " at pixel (" + y + ", " + x + ")");
                    } else if (inside) {
                        anyInside |= v != 0;
                    } else if (v != 0) {
                        fail(layer + " unit (" + unit.uy() + ", " + unit.ux() + "): gradient " + v + " at pixel (" + y + ", " + x
                                + ") outside its field " + box);
                    }
                }
            }
        }
        assertTrue(anyInside, layer + " unit (" + unit.uy() + ", " + unit.ux() + "): no gradient inside " + box);
    }
}
