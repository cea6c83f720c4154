package dev.patchexplorer.model;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.testing.Close;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Gradients stay right while the JVM collects garbage. DJL's Number overloads (relu6's min with 6,
 * x.mul(scale)) free the number's memory before PyTorch's backward pass reads it; a collection in
 * between used to turn about one MobileNetV2 gradient in 100 into zeros. Here a thread keeps
 * collecting so that nearly every pass sees one, and each pass must still match the same gradient
 * computed before the collecting started. The fault lies in the operations, not in the weights'
 * values, so the tests' tiny checkpoints serve (parity with the pretrained models' golden gradients
 * is CnnParityTest's and ViTParityTest's job). A zero reference fails the comparison.
 */
class GradientUnderGcTest {
    @TempDir
    Path tmp;

    @Test
    void mobileNetV2AndViTGradientsStayTheSameUnderConstantCollection() throws Exception {
        ChwImage input = noise();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread collector = new Thread(() -> {
            while (running.get()) {
                System.gc();
                Thread.onSpinWait();
            }
        }, "collector");
        collector.setDaemon(true);
        try (CnnModel cnn = assertInstanceOf(CnnModel.class, ModelLoader.load(TinyCheckpoints.mobileNetV2(tmp.resolve("mobilenetv2"))));
             ViTModel vit = assertInstanceOf(ViTModel.class, ModelLoader.load(TinyCheckpoints.vit(tmp.resolve("vit"))))) {
            float[] erf = cnn.erfGradientAtCentre(input, "conv_head").gradient().data();
            float[] saliency = cnn.inputGradTop1(input).gradient().data();
            float[] vitSaliency = vit.inputGradTop1(input, 16).gradient().data();
            collector.start();
            for (int pass = 0; pass < 12; pass++) {
                Close.assertRelativeToMax(erf, cnn.erfGradientAtCentre(input, "conv_head").gradient().data(), 1e-5,
                        "MobileNetV2 ERF, pass " + pass);
                Close.assertRelativeToMax(saliency, cnn.inputGradTop1(input).gradient().data(), 1e-5,
                        "MobileNetV2 saliency, pass " + pass);
                if (pass % 3 == 0) {
                    Close.assertRelativeToMax(vitSaliency, vit.inputGradTop1(input, 16).gradient().data(), 1e-5,
                            "ViT saliency, pass " + pass);
                }
            }
        } finally {
            running.set(false);
            collector.join();
        }
    }

    /** Seeded Gaussian noise in normalised units, 224 px. */
    private static ChwImage noise() {
        Random random = new Random(100);
        float[] data = new float[3 * 224 * 224];
        for (int i = 0; i < data.length; i++) data[i] = (float) random.nextGaussian();
        return new ChwImage(3, 224, 224, data);
    }
}
