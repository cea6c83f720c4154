package dev.patchexplorer.model;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.rf.CnnLayers;
import dev.patchexplorer.core.rf.LayerField;
import dev.patchexplorer.core.rf.PixelBox;
import dev.patchexplorer.core.rf.ReceptiveFieldTable;
import dev.patchexplorer.core.rf.UnitField;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
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

    /** The tests' tiny checkpoints: which pixels reach a unit depends on the layers, not on trained weights. */
    @TempDir
    Path tmp;

    /** Seeded Gaussian noise in normalised units: every pixel carries signal, unlike a flat image. */
    private static ChwImage noise(int h, int w) {
        Random random = new Random(7);
        float[] data = new float[3 * h * w];
        for (int i = 0; i < data.length; i++) data[i] = (float) random.nextGaussian();
        return new ChwImage(3, h, w, data);
    }

    @ParameterizedTest
    @CsvSource({
            "MOBILENETV2, 'conv_stem,blocks.1.1,blocks.2.2,blocks.3.1,blocks.4.0'",
            "RESNET18, 'conv1,maxpool,layer1.1,layer2.0,layer3.0'"})
    void gradientIsZeroOutsideTheTheoreticalFieldAndNotInside(TinyCheckpoints.Kind model, String layers) throws Exception {
        ChwImage input = noise(224, 224);
        try (CnnModel m = assertInstanceOf(CnnModel.class, ModelLoader.load(TinyCheckpoints.write(model, tmp)))) {
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
    @CsvSource({"MOBILENETV2", "RESNET18", "RESNET50"})
    void everyModelLayerHasATheoreticalField(TinyCheckpoints.Kind model) throws Exception {
        try (CnnModel m = assertInstanceOf(CnnModel.class, ModelLoader.load(TinyCheckpoints.write(model, tmp)))) {
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
