package dev.patchexplorer.model.probe;

import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.classify.TopK;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens after a block and the logit lens, against the plain model and against a model cut after that block. */
class TokenProbeTest {
    @TempDir
    static Path folder;
    private static ViTModel vit;
    private static ChwImage input;

    @BeforeAll
    static void load() throws Exception {
        vit = assertInstanceOf(ViTModel.class, ModelLoader.load(TinyCheckpoints.vit(folder.resolve("vit"))));
        input = ProbeInputs.seeded(224, 9);
    }

    @AfterAll
    static void close() {
        if (vit != null) vit.close();
    }

    @Test
    void theLastBlocksLensIsTheModelsAnswer() throws Exception {
        TokenProbe.Result r = TokenProbe.run(vit, input, 16, 12);
        assertEquals(12, r.lens().length);
        assertTrue(Logits.maxAbsDifference(vit.logits(input, 16), r.lens()[11]) <= 1e-5);
        assertEquals(12, r.tokens().layer());
    }

    /**
     * The lens after block k is what the same checkpoint cut after k blocks answers (its final norm and
     * head unchanged): an independent model, loaded from a file without blocks k..11.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void theLensAfterBlockKIsTheCheckpointCutThere(int k) throws Exception {
        TinyCheckpoints.Draft cut = TinyCheckpoints.vitDraft();
        for (int b = k; b < TinyCheckpoints.VIT_DEPTH; b++) {
            for (String t : List.of("norm1.weight", "norm1.bias", "attn.qkv.weight", "attn.qkv.bias", "attn.proj.weight",
                    "attn.proj.bias", "norm2.weight", "norm2.bias", "mlp.fc1.weight", "mlp.fc1.bias", "mlp.fc2.weight", "mlp.fc2.bias")) {
                cut.remove("blocks." + b + "." + t);
            }
        }
        cut.modelArgs("\"img_size\": 224, \"patch_size\": 16, \"embed_dim\": 24, \"depth\": " + k + ", \"num_heads\": 3, \"mlp_ratio\": 4.0");
        try (ViTModel shallow = (ViTModel) ModelLoader.load(cut.write(folder.resolve("cut" + k)))) {
            TokenProbe.Result r = TokenProbe.run(vit, input, 16, k);
            double d = Logits.maxAbsDifference(shallow.logits(input, 16), r.lens()[k - 1]);
            assertTrue(d <= 1e-5, "lens after block " + k + " differs from the cut model by " + d);
            assertTrue(Logits.maxAbsDifference(r.lens()[k - 1], r.lens()[11]) > 1e-4, "an early lens should not already be the answer");
        }
    }

    @Test
    void theSimilarityMapIsOneAtThePatchAndSymmetric() throws Exception {
        TokenProbe.Tokens t = TokenProbe.run(vit, input, 16, 6).tokens();
        assertEquals(197 * 24, t.values().length);
        double[] fromA = t.similarityMap(3, 4);
        double[] fromB = t.similarityMap(10, 1);
        assertEquals(1.0, fromA[3 * 14 + 4], 1e-6);
        assertEquals(fromA[10 * 14 + 1], fromB[3 * 14 + 4], 1e-9);
        for (double v : fromA) assertTrue(v >= -1 - 1e-9 && v <= 1 + 1e-9, "cosine " + v);
    }

    @Test
    void layerZeroIsTheEmbeddingAndOutOfRangeIsRefused() throws Exception {
        assertEquals(0, TokenProbe.run(vit, input, 16, 0).tokens().layer());
        assertThrows(IllegalArgumentException.class, () -> TokenProbe.run(vit, input, 16, 13));
    }

    /** ViT-Ti on the cat: the last lens gives the forward pass's top-5, and block 1's lens does not yet know the cat. */
    @Test
    void realViTTiLensEndsOnTheCat() throws Exception {
        try (ViTModel real = (ViTModel) ModelLoader.load(TestAssets.model(ProbeInputs.VIT_TI))) {
            ChwImage cat = ProbeInputs.chelsea(real.config(), 224);
            TokenProbe.Result r = TokenProbe.run(real, cat, 16, 12);
            List<Prediction> forward = TopK.of(real.forward(cat, 16).logits(), 5);
            List<Prediction> last = TopK.of(r.lens()[11], 5);
            for (int i = 0; i < 5; i++) {
                assertEquals(forward.get(i).index(), last.get(i).index());
                assertEquals(forward.get(i).probability(), last.get(i).probability(), 1e-5);
            }
            assertEquals(285, last.get(0).index());
            assertTrue(TopK.argmax(r.lens()[0]) != 285, "block 1 already answered Egyptian cat");
        }
    }
}
