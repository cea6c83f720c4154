package dev.patchexplorer.model;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.testing.Close;
import dev.patchexplorer.testing.Npz;
import dev.patchexplorer.testing.TestAssets;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Gradients stay right while the JVM collects garbage. DJL's Number overloads (relu6's min with 6,
 * x.mul(scale)) free the number's memory before PyTorch's backward pass reads it; a collection in
 * between used to turn about one MobileNetV2 gradient in 100 into zeros. Here a thread keeps
 * collecting so that nearly every pass sees one, and each pass must still match the golden tensors.
 */
class GradientUnderGcTest {

    @Test
    void mobileNetV2AndViTGradientsMatchTheGoldenOnesUnderConstantCollection() throws Exception {
        Npz cnnGolden = Npz.read(TestAssets.golden("mobilenetv2_coffee.npz"));
        Npz vitGolden = Npz.read(TestAssets.golden("vit_tiny_p16_chelsea.npz"));
        ChwImage cnnInput = ViTParityTest.input(cnnGolden);
        ChwImage vitInput = ViTParityTest.input(vitGolden);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread collector = new Thread(() -> {
            while (running.get()) {
                System.gc();
                Thread.onSpinWait();
            }
        }, "collector");
        collector.setDaemon(true);
        try (CnnModel cnn = assertInstanceOf(CnnModel.class, ModelLoader.load(TestAssets.model("mobilenetv2_100.dequant_in1k")));
             ViTModel vit = assertInstanceOf(ViTModel.class, ModelLoader.load(TestAssets.model("vit_tiny_patch16_224.augreg_in21k_ft_in1k")))) {
            collector.start();
            for (int pass = 0; pass < 12; pass++) {
                Close.assertRelativeToMax(cnnGolden.get("erf_center_grad"),
                        cnn.erfGradientAtCentre(cnnInput, "conv_head").gradient().data(), 1e-5, "MobileNetV2 ERF, pass " + pass);
                Close.assertRelativeToMax(cnnGolden.get("input_grad_top1"),
                        cnn.inputGradTop1(cnnInput).gradient().data(), 1e-5, "MobileNetV2 saliency, pass " + pass);
                if (pass % 3 == 0) {
                    Close.assertRelativeToMax(vitGolden.get("input_grad_top1"),
                            vit.inputGradTop1(vitInput, 16).gradient().data(), 1e-5, "ViT-Ti saliency, pass " + pass);
                }
            }
        } finally {
            running.set(false);
            collector.join();
        }
    }
}
