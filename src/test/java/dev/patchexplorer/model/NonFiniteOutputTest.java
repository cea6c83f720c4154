package dev.patchexplorer.model;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.testing.TinyCheckpoints.Draft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A checkpoint whose weights hold NaN or infinity loads, but no pass returns a number from it:
 * logits, attention and gradients are refused with one sentence saying what the weights hold.
 */
class NonFiniteOutputTest {
    private static final String NAN = "the model's output is not a number: its weights hold NaN (first in tensor ";
    private static final String INF = "the model's output is not a number: its weights hold infinity (first in tensor ";

    @TempDir
    Path tmp;

    private static ChwImage image(int size) {
        Random r = new Random(7);
        float[] v = new float[3 * size * size];
        for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian();
        return new ChwImage(3, size, size, v);
    }

    /** Two blocks, so that the token gradient after block 1 runs blocks.0 only; ten classes. */
    private static Draft vit() {
        return TinyCheckpoints.vitDraft(2, 10);
    }

    private Path write(Draft vit) throws Exception {
        return vit.write(tmp.resolve("vit"));
    }

    private static void assertRefused(String prefix, String tensor, org.junit.jupiter.api.function.Executable pass) {
        String message = assertThrows(NonFiniteOutputException.class, pass).getMessage();
        assertTrue(message.startsWith(prefix + tensor + ")"), message);
        assertFalse(message.contains("\n"), "one line for the CLI: " + message);
    }

    @Test
    void finiteTinyViTRunsAndItsOutputsAreNumbers() throws Exception {
        try (ViTModel vit = (ViTModel) ModelLoader.load(write(vit()))) {
            assertEquals(24, vit.spec().dim());
            assertEquals(2, vit.spec().depth());
            assertEquals(3, vit.spec().heads());
            ViTOutput out = vit.forward(image(224), 16);
            assertEquals(10, out.logits().length);
            for (float v : out.logits()) assertTrue(Float.isFinite(v));
            // softmax rows sum to 1: an independent check that the attention is a real one
            float[] a = out.attention()[1];
            double row = 0;
            for (int k = 0; k < out.tokens(); k++) row += a[k];
            assertEquals(1.0, row, 1e-4);
        }
    }

    @Test
    void nanInOneViTWeightRefusesEveryPass() throws Exception {
        String tensor = "blocks.1.mlp.fc1.weight";
        try (ViTModel vit = (ViTModel) ModelLoader.load(write(vit().set(tensor, 5, Float.NaN)))) {
            ChwImage in = image(224);
            assertRefused(NAN, tensor, () -> vit.forward(in, 16));
            assertRefused(NAN, tensor, () -> vit.logits(in, 16));
            assertRefused(NAN, tensor, () -> vit.inputGradTop1(in, 16));
            assertRefused(NAN, tensor, () -> vit.tokenGradient(in, 16, 2, 3, 4));
        }
    }

    @Test
    void nanInABlockNotReachedByTheTokenGradientLeavesItFinite() throws Exception {
        String tensor = "blocks.1.mlp.fc1.weight";
        try (ViTModel vit = (ViTModel) ModelLoader.load(write(vit().set(tensor, 5, Float.NaN)))) {
            // after block 1 only blocks.0 ran: the NaN in blocks.1 is not part of this computation
            float[] g = vit.tokenGradient(image(224), 16, 1, 3, 4).gradient().data();
            for (float v : g) assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void positiveInfinityInOneViTWeightIsReportedAsInfinity() throws Exception {
        String tensor = "blocks.0.attn.qkv.weight";
        try (ViTModel vit = (ViTModel) ModelLoader.load(write(vit().set(tensor, 0, Float.POSITIVE_INFINITY)))) {
            ChwImage in = image(224);
            assertRefused(INF, tensor, () -> vit.forward(in, 16));
            assertRefused(INF, tensor, () -> vit.inputGradTop1(in, 16));
        }
    }

    @Test
    void finiteWeightsThatOverflowSayTheComputationOverflowed() throws Exception {
        Draft c = vit().fill("patch_embed.proj.weight", 3e38f);
        try (ViTModel vit = (ViTModel) ModelLoader.load(write(c))) {
            String message = assertThrows(NonFiniteOutputException.class, () -> vit.forward(image(224), 16)).getMessage();
            assertTrue(message.startsWith("the model's output is not a number: its weights are finite, but the computation overflowed"),
                    message);
        }
    }

    @Test
    void nanInATensorTheModelDoesNotUseIsHarmless() throws Exception {
        Draft c = vit().put("unused.weight", new long[] {2}, new float[] {Float.NaN, 1});
        try (ViTModel vit = (ViTModel) ModelLoader.load(write(c))) {
            for (float v : vit.logits(image(224), 16)) assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void nanInAMobileNetV2WeightRefusesLogitsAndGradients() throws Exception {
        String tensor = "blocks.3.0.conv_pwl.weight";
        Path dir = TinyCheckpoints.mobileNetV2Draft().set(tensor, 0, Float.NaN).write(tmp.resolve("mnv2"));
        try (CnnModel cnn = (CnnModel) ModelLoader.load(dir)) {
            ChwImage in = image(64);
            assertRefused(NAN, tensor, () -> cnn.forward(in));
            assertRefused(NAN, tensor, () -> cnn.inputGradTop1(in));
            assertRefused(NAN, tensor, () -> cnn.erfGradientAtCentre(in, "conv_head"));
            // the ERF of a layer before the damaged block never meets the NaN
            for (float v : cnn.erfGradientAtCentre(in, "blocks.2").gradient().data()) assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void negativeInfinityInAMobileNetV2WeightIsReportedAsInfinity() throws Exception {
        // (in conv_stem it would be harmless: ReLU6 clips +-infinity to 0 or 6, so the load does not refuse it)
        String tensor = "classifier.weight";
        Path dir = TinyCheckpoints.mobileNetV2Draft().set(tensor, 3, Float.NEGATIVE_INFINITY).write(tmp.resolve("mnv2"));
        try (CnnModel cnn = (CnnModel) ModelLoader.load(dir)) {
            assertRefused(INF, tensor, () -> cnn.forward(image(64)));
        }
    }
}
