package dev.patchexplorer.model.probe;

import dev.patchexplorer.core.classify.TopK;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jigsaw: against the plain model's own logits (ViTModel.logits, not the probe's pass), shuffled
 * tokens that keep their position embeddings agree to 1e-5 and shuffled pixels do not.
 */
class PermutationProbeTest {
    @TempDir
    static Path folder;

    /** The tiny ViT at its native patch, at a PI-resized patch (FLEXI) and on a resampled position grid. */
    @ParameterizedTest
    @CsvSource({"224, 16, 1", "224, 8, 2", "160, 16, 3"})
    void keepingPositionsChangesNothingShufflingPixelsDoes(int size, int patch, long seed) throws Exception {
        try (ViTModel vit = assertInstanceOf(ViTModel.class, ModelLoader.load(TinyCheckpoints.write(TinyCheckpoints.Kind.VIT, folder.resolve("vit"))))) {
            ChwImage input = ProbeInputs.seeded(size, 224 + seed);
            PermutationProbe.Result r = PermutationProbe.run(vit, input, patch, seed);
            assertArrayEquals(vit.logits(input, patch), r.plain());
            assertEquals((size / patch) * (size / patch), r.order().length);
            double kept = r.keepingPositionsDifference();
            double shuffled = r.shuffledPixelsDifference();
            assertTrue(kept <= 1e-5, "keeping positions moved a logit by " + kept);
            assertTrue(shuffled > 1e-3, "shuffling the pixels moved the logits only by " + shuffled);
        }
    }

    /**
     * ViT-Ti on the cat and the coffee cup, several orders. Its logits reach |10| and more, where float32's
     * step is about 1e-6; a shuffled sequence sums attention over keys in another order, so the rounding
     * differs by a few steps per logit (measured 7e-6 to 1.1e-5 over 16 image/seed pairs). The check is
     * therefore 1e-5 relative to the largest logit; a real fault moves logits by whole units, as shuffling
     * the pixels does.
     */
    @ParameterizedTest
    @CsvSource({"chelsea.png, 42", "chelsea.png, 3", "coffee.png, 1", "coffee.png, 5"})
    void realViTTiKeepsItsAnswerOnlyWhenPositionsTravelWithThePatches(String picture, long seed) throws Exception {
        try (ViTModel vit = (ViTModel) ModelLoader.load(TestAssets.model(ProbeInputs.VIT_TI))) {
            ChwImage input = ProbeInputs.sample(picture, vit.config(), 224);
            PermutationProbe.Result r = PermutationProbe.run(vit, input, 16, seed);
            double scale = 0;
            for (float v : r.plain()) scale = Math.max(scale, Math.abs(v));
            double kept = r.keepingPositionsDifference();
            double shuffled = r.shuffledPixelsDifference();
            assertTrue(scale > 1 && kept <= 1e-5 * scale, "keeping positions moved a logit by " + kept + " (largest |logit| " + scale + ")");
            assertTrue(shuffled > 0.5, "shuffling the pixels moved the logits only by " + shuffled);
            assertEquals(TopK.argmax(r.plain()), TopK.argmax(r.keepingPositions()));
        }
    }
}
