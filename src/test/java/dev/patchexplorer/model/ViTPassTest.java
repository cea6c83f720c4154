package dev.patchexplorer.model;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pass run a step at a time is the model's own pass; the block split in two for ToMe is the whole block. */
class ViTPassTest {
    @TempDir
    static Path folder;
    private static ViTModel vit;
    private static ChwImage input;

    @BeforeAll
    static void load() throws Exception {
        vit = assertInstanceOf(ViTModel.class, ModelLoader.load(TinyCheckpoints.vit(folder.resolve("vit"))));
        Random r = new Random(5);
        float[] v = new float[3 * 224 * 224];
        for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian();
        input = new ChwImage(3, 224, 224, v);
    }

    @AfterAll
    static void close() {
        if (vit != null) vit.close();
    }

    @Test
    void stepByStepGivesTheForwardPassesLogits() throws Exception {
        try (ViTPass pass = ViTPass.start(vit, input, 16)) {
            assertEquals(197, pass.tokenCount());
            for (int l = 0; l < vit.spec().depth(); l++) pass.block(l);
            assertArrayEquals(vit.logits(input, 16), pass.logits());
        }
    }

    @Test
    void attentionThenMlpWithUnitSizesIsTheBlock() throws Exception {
        try (ViTPass whole = ViTPass.start(vit, input, 16); ViTPass halves = ViTPass.start(vit, input, 16)) {
            float[] ones = new float[197];
            Arrays.fill(ones, 1f);
            for (int l = 0; l < 3; l++) {
                whole.block(l);
                float[] keys = halves.attend(l, l == 1 ? ones : null);
                assertEquals(197 * (TinyCheckpoints.VIT_DIM / TinyCheckpoints.VIT_HEADS), keys.length);
                halves.mlp(l);
            }
            float[] a = whole.tokens(), b = halves.tokens();
            double worst = 0;
            for (int i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
            assertTrue(worst <= 1e-6, "halves differ from the block by " + worst);
        }
    }

    /** Proportional attention: a key that stands for s tokens weighs as s copies of itself. */
    @Test
    void aKeyOfSizeTwoWeighsAsTwoCopies() throws Exception {
        try (ViTPass merged = ViTPass.start(vit, input, 16); ViTPass doubled = ViTPass.start(vit, input, 16)) {
            float[] t = merged.tokens();
            int d = vit.spec().dim();
            float[] withCopy = Arrays.copyOf(t, t.length + d);
            System.arraycopy(t, 5 * d, withCopy, t.length, d); // token 5 twice
            doubled.replaceTokens(withCopy, 198);
            float[] sizes = new float[197];
            Arrays.fill(sizes, 1f);
            sizes[5] = 2f;
            merged.attend(0, sizes);
            doubled.attend(0, null);
            float[] a = merged.tokens(), b = doubled.tokens();
            double worst = 0;
            for (int i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
            assertTrue(worst <= 1e-5, "size 2 differs from two copies by " + worst);
        }
    }

    @Test
    void refusesABlockOutsideTheModelAndTokensOfTheWrongWidth() throws Exception {
        try (ViTPass pass = ViTPass.start(vit, input, 16)) {
            assertThrows(IllegalArgumentException.class, () -> pass.block(12));
            assertThrows(IllegalArgumentException.class, () -> pass.replaceTokens(new float[10], 2));
        }
    }
}
