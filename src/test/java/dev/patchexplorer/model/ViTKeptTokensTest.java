package dev.patchexplorer.model;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ViTModel#logitsOfKept}, MAE's view of an image, on the tests' tiny ViT: keeping every token is
 * the plain pass; a dropped patch's pixels cannot reach the logits while a kept patch's do.
 */
class ViTKeptTokensTest {
    private static ViTModel vit;

    @TempDir
    static Path folder;

    @BeforeAll
    static void load() throws Exception {
        vit = assertInstanceOf(ViTModel.class, ModelLoader.load(TinyCheckpoints.vit(folder.resolve("vit"))));
    }

    @AfterAll
    static void close() {
        if (vit != null) vit.close();
    }

    private static ChwImage seeded(long seed, int side) {
        Random r = new Random(seed);
        float[] v = new float[3 * side * side];
        for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian();
        return new ChwImage(3, side, side, v);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 8, 32})
    void keepingEveryTokenIsThePlainPass(int patch) throws Exception {
        ChwImage input = seeded(7, 224);
        int n = (224 / patch) * (224 / patch);
        float[] plain = vit.logits(input, patch);
        float[] kept = vit.logitsOfKept(input, patch, IntStream.range(0, n).toArray());
        assertEquals(plain.length, kept.length);
        double worst = 0;
        for (int i = 0; i < plain.length; i++) worst = Math.max(worst, Math.abs(plain[i] - kept[i]));
        assertTrue(worst <= 1e-5, "largest difference " + worst); // NaN fails here too
    }

    /** Patch (0, 0) dropped: new pixels there leave the logits exactly as they were; in a kept patch they change them. */
    @Test
    void droppedPatchesCannotReachTheLogits() throws Exception {
        int patch = 16, cols = 224 / patch;
        int[] kept = IntStream.range(0, cols * cols).filter(i -> i % 4 != 0).toArray(); // a quarter dropped, (0, 0) among them
        ChwImage input = seeded(11, 224);
        float[] before = vit.logitsOfKept(input, patch, kept);
        float[] plain = vit.logits(input, patch);
        assertTrue(maxDiff(before, plain) > 1e-4, "dropping a quarter of the tokens changes the logits");

        float[] dropped = input.data().clone();
        float[] keptPatch = input.data().clone();
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < patch; y++) {
                for (int x = 0; x < patch; x++) {
                    dropped[(c * 224 + y) * 224 + x] += 1f;          // patch (0, 0): index 0, dropped
                    keptPatch[(c * 224 + y) * 224 + patch + x] += 1f; // patch (0, 1): index 1, kept
                }
            }
        }
        assertEquals(0.0, maxDiff(before, vit.logitsOfKept(new ChwImage(3, 224, 224, dropped), patch, kept)));
        assertTrue(maxDiff(before, vit.logitsOfKept(new ChwImage(3, 224, 224, keptPatch), patch, kept)) > 1e-4);
    }

    @Test
    void refusesEmptyUnsortedAndOutsideIndices() {
        ChwImage input = seeded(3, 224);
        assertThrows(IllegalArgumentException.class, () -> vit.logitsOfKept(input, 16, new int[0]));
        assertThrows(IllegalArgumentException.class, () -> vit.logitsOfKept(input, 16, new int[] {3, 2}));
        assertThrows(IllegalArgumentException.class, () -> vit.logitsOfKept(input, 16, new int[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> vit.logitsOfKept(input, 16, new int[] {196}));
        assertThrows(IllegalArgumentException.class, () -> vit.logitsOfKept(input, 16, new int[] {-1}));
    }

    private static double maxDiff(float[] a, float[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - b[i]);
            if (!(d <= worst)) worst = d; // a NaN difference wins
        }
        return worst;
    }
}
