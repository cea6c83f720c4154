package dev.patchexplorer.model;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.rf.MobileNetV2Layers;
import dev.patchexplorer.core.rf.PixelBox;
import dev.patchexplorer.core.rf.ReceptiveFieldTable;
import dev.patchexplorer.model.MobileNetV2Reference.Map3;
import dev.patchexplorer.testing.Close;
import dev.patchexplorer.testing.Npz;
import dev.patchexplorer.testing.TestAssets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MobileNetV2 and the narrow test ResNets against the PyTorch reference tensors, and MobileNetV2's
 * gradients against an independent double-precision implementation ({@link MobileNetV2Reference}).
 */
class CnnParityTest {
    private static final String MOBILENET = "mobilenetv2_100.dequant_in1k";

    @ParameterizedTest
    @CsvSource({"mobilenetv2_chelsea.npz, 285", "mobilenetv2_coffee.npz, 967"})
    void mobileNetV2MatchesTheDoublePrecisionReference(String golden, int top1) throws Exception {
        Npz g = Npz.read(TestAssets.golden(golden));
        ChwImage input = ViTParityTest.input(g);
        MobileNetV2Reference ref = new MobileNetV2Reference(TestAssets.model(MOBILENET));
        double[] refLogits = ref.logits(map(input));
        try (CnnModel m = assertInstanceOf(CnnModel.class, ModelLoader.load(TestAssets.model(MOBILENET)))) {
            float[] logits = m.forward(input).logits();
            Close.assertAbs(g.get("logits"), logits, 1e-4, golden + " logits vs PyTorch");
            Close.assertAbs(floats(refLogits), logits, 1e-4, golden + " logits vs float64 reference");
            InputGradient grad = m.inputGradTop1(input);
            assertEquals(top1, grad.classIndex());
            Close.assertRelativeToMax(floats(ref.logitGradient(top1).v()), grad.gradient().data(), 1e-5,
                    golden + " input_grad_top1 vs float64 reference");
            ErfGradient erf = m.erfGradientAtCentre(input, "conv_head");
            assertEquals(7, erf.featureH());
            assertEquals(3, erf.y());
            Close.assertRelativeToMax(floats(ref.centreUnitGradient(3, 3).v()), erf.gradient().data(), 1e-5,
                    golden + " erf_center_grad vs float64 reference");
        }
    }

    @Test
    void mobileNetV2MatchesPyTorchOnCoffee() throws Exception {
        Npz g = Npz.read(TestAssets.golden("mobilenetv2_coffee.npz"));
        ChwImage input = ViTParityTest.input(g);
        try (CnnModel m = assertInstanceOf(CnnModel.class, ModelLoader.load(TestAssets.model(MOBILENET)))) {
            Close.assertRelativeToMax(g.get("input_grad_top1"), m.inputGradTop1(input).gradient().data(), 1e-5, "coffee input_grad_top1");
            Close.assertRelativeToMax(g.get("erf_center_grad"), m.erfGradientAtCentre(input, "conv_head").gradient().data(), 1e-5,
                    "coffee erf_center_grad");
        }
    }

    /**
     * On chelsea the golden gradients differ from ours by 1.0e-4 (input_grad_top1) and 9.9e-4 (erf_center_grad)
     * of the map maximum, all of it in the top-left corner. The cause is one ReLU6 unit that sits on its kink:
     * the input of the ReLU6 after blocks.4.1.bn2 (the depthwise conv), channel 181, unit (0, 1), is -2.1e-7
     * in exact (double) arithmetic and -1.5e-7 in our float32 pass, so the unit passes no gradient; the
     * reference's float32 pass (torch 1.13, another summation order) landed on the positive side and passed
     * it. Opening that single gate in the double-precision reference reproduces the golden tensors to 1e-6 of
     * the max; outside that unit's theoretical receptive field our gradients match the golden ones to 1e-5.
     * No choice of ReLU6 rule, padding or batch-norm folding changes a sign decided by float32 rounding.
     */
    @Test
    void chelseaDiffersFromPyTorchOnlyThroughOneReluGateOnItsKink() throws Exception {
        Npz g = Npz.read(TestAssets.golden("mobilenetv2_chelsea.npz"));
        ChwImage input = ViTParityTest.input(g);
        String bn = "blocks.4.1.bn2";
        int channel = 181, uy = 0, ux = 1;

        MobileNetV2Reference ref = new MobileNetV2Reference(TestAssets.model(MOBILENET));
        ref.logits(map(input));
        double z = ref.preActivation(bn, channel, uy, ux);
        assertTrue(z < 0 && z > -1e-6, "the unit sits on the ReLU6 kink at 0: " + z);
        ref.flipGate(bn, channel, uy, ux);
        Close.assertRelativeToMax(g.get("input_grad_top1"), floats(ref.logitGradient(285).v()), 1e-5,
                "chelsea input_grad_top1, reference with the gate open");
        Close.assertRelativeToMax(g.get("erf_center_grad"), floats(ref.centreUnitGradient(3, 3).v()), 1e-5,
                "chelsea erf_center_grad, reference with the gate open");

        PixelBox field = ReceptiveFieldTable.compute(MobileNetV2Layers.mobilenetv2_100(), 224, 224)
                .find("blocks.4.1.conv_dw").unit(uy, ux).insideImage();
        try (CnnModel m = assertInstanceOf(CnnModel.class, ModelLoader.load(TestAssets.model(MOBILENET)))) {
            float[] grad = m.inputGradTop1(input).gradient().data();
            float[] erf = m.erfGradientAtCentre(input, "conv_head").gradient().data();
            double gradMax = maxAbs(g.get("input_grad_top1")), erfMax = maxAbs(g.get("erf_center_grad"));
            assertTrue(maxDiffOutside(g.get("input_grad_top1"), grad, field) / gradMax <= 1e-5, "input_grad_top1 outside " + field);
            assertTrue(maxDiffOutside(g.get("erf_center_grad"), erf, field) / erfMax <= 1e-5, "erf_center_grad outside " + field);
            System.out.printf("[parity] chelsea vs PyTorch over the whole map (the unit's field is %s): "
                    + "input_grad_top1 %.2g, erf_center_grad %.2g of the max%n", field, maxDiffOutside(g.get("input_grad_top1"), grad, PixelBox.image(0, 0)) / gradMax,
                    maxDiffOutside(g.get("erf_center_grad"), erf, PixelBox.image(0, 0)) / erfMax);
        }
    }

    @ParameterizedTest
    @CsvSource({"test/resnet18.random_w8, resnet18_random_w8_coffee.npz", "test/resnet50.random_w8, resnet50_random_w8_coffee.npz"})
    void resNet(String model, String golden) throws Exception {
        Npz g = Npz.read(TestAssets.golden(golden));
        try (CnnModel m = assertInstanceOf(CnnModel.class, ModelLoader.load(TestAssets.model(model)))) {
            ChwImage input = ViTParityTest.input(g);
            Close.assertAbs(g.get("logits"), m.forward(input).logits(), 1e-4, golden + " logits");
            ErfGradient erf = m.erfGradient(input, "layer4", 3, 3);
            assertEquals(7, erf.featureH());
            assertEquals(7, erf.featureW());
            Close.assertRelativeToMax(g.get("erf_center_grad"), erf.gradient().data(), 1e-5, golden + " erf_center_grad");
        }
    }

    private static Map3 map(ChwImage image) {
        double[] v = new double[image.data().length];
        for (int i = 0; i < v.length; i++) v[i] = image.data()[i];
        return new Map3(image.channels(), image.height(), image.width(), v);
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    private static double maxAbs(float[] v) {
        double m = 0;
        for (float x : v) m = Math.max(m, Math.abs(x));
        return m;
    }

    /** Max |a - b| over the 3 x 224 x 224 pixels outside {@code box}. */
    private static double maxDiffOutside(float[] a, float[] b, PixelBox box) {
        double worst = 0;
        int side = 224;
        for (int i = 0; i < a.length; i++) {
            int y = i / side % side, x = i % side;
            boolean inside = x >= box.x0() && x < box.x1() && y >= box.y0() && y < box.y1();
            if (!inside) worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }
}
