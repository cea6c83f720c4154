package dev.patchexplorer.model;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A ViT token's effective receptive fields: exact at the embedding, spread after attention, true to finite differences. */
class ViTTokenGradientTest {
    private static ViTModel vit;
    private static ChwImage chelsea;

    @TempDir
    static Path folder;

    /**
     * These are properties of the computation, not of trained values, so they run on the tests' tiny ViT
     * (ViT-Ti's 12 blocks and 3 heads at width 24) and a seeded input with smooth structure and noise.
     */
    @BeforeAll
    static void load() throws Exception {
        vit = assertInstanceOf(ViTModel.class, ModelLoader.load(TinyCheckpoints.vit(folder.resolve("vit"))));
        chelsea = seededInput();
    }

    private static ChwImage seededInput() {
        java.util.Random r = new java.util.Random(224);
        float[] v = new float[3 * 224 * 224];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 224; y++) {
                for (int x = 0; x < 224; x++) {
                    v[(c * 224 + y) * 224 + x] = (float) (0.6 * Math.sin((x + 40 * c) / 23.0) * Math.cos(y / 31.0) + 0.3 * r.nextGaussian());
                }
            }
        }
        return new ChwImage(3, 224, 224, v);
    }

    @AfterAll
    static void close() {
        if (vit != null) vit.close();
    }

    /**
     * After the patch embedding (a P x P conv with stride P, plus constants) the token's channel sum is
     * linear in its own patch: d/d pixel (c, ky, kx) = sum over output channels d of kernel[d][c][ky][kx],
     * and exactly 0 for every other pixel. Native patch 16 and PI-resized patches 8 and 32 (FLEXI mode).
     */
    @ParameterizedTest
    @CsvSource({"16, 5, 7", "8, 27, 0", "32, 3, 6"})
    void atTheEmbeddingOnlyTheTokensOwnPatchCountsWithTheKernelSum(int patch, int row, int col) throws Exception {
        TokenGradient g = vit.tokenGradient(chelsea, patch, 0, row, col);
        assertEquals(224 / patch, g.gridH());
        float[] kernel = vit.patchKernel(patch);
        int dim = vit.spec().dim(), pp = patch * patch;
        int nonZero = 0;
        double worst = 0, max = 0;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 224; y++) {
                for (int x = 0; x < 224; x++) {
                    float v = g.gradient().get(c, y, x);
                    boolean inPatch = y / patch == row && x / patch == col;
                    if (!inPatch) {
                        assertEquals(0f, v, "pixel (" + c + ", " + y + ", " + x + ") outside the token's patch");
                        continue;
                    }
                    double expected = 0;
                    for (int d = 0; d < dim; d++) expected += kernel[(d * 3 + c) * pp + (y % patch) * patch + x % patch];
                    worst = Math.max(worst, Math.abs(expected - v));
                    max = Math.max(max, Math.abs(expected));
                    if (v != 0) nonZero++;
                }
            }
        }
        assertTrue(worst <= 1e-5 * max, "kernel sums differ by " + worst + " (max " + max + ")");
        assertTrue(nonZero > 3 * pp * 0.9, "the patch's pixels carry gradient: " + nonZero);
    }

    @Test
    void afterAttentionTheFieldSpreadsBeyondThePatch() throws Exception {
        int row = 7, col = 7, patch = 16;
        double previousOutside = 0;
        for (int layer : new int[] {1, 6, 12}) {
            float[] mass = absSum(vit.tokenGradient(chelsea, patch, layer, row, col).gradient());
            int outsidePixels = 0;
            double outside = 0, total = 0;
            for (int i = 0; i < mass.length; i++) {
                total += mass[i];
                boolean inPatch = i / 224 / patch == row && i % 224 / patch == col;
                if (!inPatch && mass[i] > 0) {
                    outsidePixels++;
                    outside += mass[i];
                }
            }
            assertTrue(outsidePixels > 224 * 224 / 2, "layer " + layer + ": gradient outside the patch at " + outsidePixels + " pixels");
            System.out.printf("[token erf] layer %d: %.1f %% of the gradient mass outside the token's patch%n", layer, 100 * outside / total);
            assertTrue(outside / total > previousOutside * 0.5, "layer " + layer);
            previousOutside = outside / total;
        }
    }

    /**
     * The gradient against central finite differences of the forward pass, along two directions: the gradient
     * itself outside the token's patch (so the part that attention brings in is checked), and a seeded random
     * direction over a 32 px square away from the token.
     */
    @ParameterizedTest
    @CsvSource({"1, 16", "4, 16", "12, 16", "3, 8"})
    void agreesWithFiniteDifferences(int layer, int patch) throws Exception {
        int row = 2, col = 3;
        TokenGradient g = vit.tokenGradient(chelsea, patch, layer, row, col);
        float[] outsideOwnPatch = g.gradient().data().clone();
        for (int i = 0; i < outsideOwnPatch.length; i++) {
            int y = i / 224 % 224, x = i % 224;
            if (y / patch == row && x / patch == col) outsideOwnPatch[i] = 0;
        }
        float[] randomElsewhere = new float[outsideOwnPatch.length];
        java.util.Random r = new java.util.Random(layer * 31L + patch);
        for (int i = 0; i < randomElsewhere.length; i++) {
            int y = i / 224 % 224, x = i % 224;
            if (y >= 128 && y < 160 && x >= 160 && x < 192) randomElsewhere[i] = (float) r.nextGaussian();
        }
        // along the gradient the output moves fast: small steps, tight check
        checkDirection(g, outsideOwnPatch, 0.02, 2e-3, "along the gradient outside the patch");
        // a 32 px square away from the token moves it about 1000 times less: larger steps so that float32 noise
        // (about 1e-5 in the output) stays small, and a looser check
        checkDirection(g, randomElsewhere, 0.2, 5e-2, "random direction in pixels [128, 160) x [160, 192)");
    }

    private static void checkDirection(TokenGradient g, float[] direction, double h, double relTol, String what) throws Exception {
        double norm = Math.sqrt(dot(direction, direction));
        double predicted = dot(g.gradient().data(), direction) / norm;
        // Richardson extrapolation of two central differences cancels the h^2 term of deep, curved layers
        double coarse = centralDifference(g, direction, norm, 2 * h);
        double fine = centralDifference(g, direction, norm, h);
        double measured = (4 * fine - coarse) / 3;
        System.out.printf("[token erf] layer %d patch %d, %s: directional derivative %.6g, finite difference %.6g%n",
                g.layer(), g.patch(), what, predicted, measured);
        // float32 noise of about 1e-5 in the output limits what a difference over a step h can resolve to 1e-5 / h
        assertEquals(measured, predicted, relTol * Math.abs(measured) + 1e-5 / h, "layer " + g.layer() + ", " + what);
    }

    @Test
    void rejectsLayersAndTokensThatDoNotExist() {
        assertThrows(IllegalArgumentException.class, () -> vit.tokenGradient(chelsea, 16, 13, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> vit.tokenGradient(chelsea, 16, -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> vit.tokenGradient(chelsea, 16, 1, 14, 0));
        assertThrows(IllegalArgumentException.class, () -> vit.tokenGradient(chelsea, 16, 1, 0, -1));
    }

    private static double centralDifference(TokenGradient g, float[] direction, double norm, double h) throws Exception {
        double plus = vit.tokenOutputSum(step(chelsea, direction, h / norm), g.patch(), g.layer(), g.row(), g.col());
        double minus = vit.tokenOutputSum(step(chelsea, direction, -h / norm), g.patch(), g.layer(), g.row(), g.col());
        return (plus - minus) / (2 * h);
    }

    private static float[] absSum(ChwImage g) {
        float[] m = new float[g.height() * g.width()];
        for (int c = 0; c < g.channels(); c++) {
            for (int i = 0; i < m.length; i++) m[i] += Math.abs(g.data()[c * m.length + i]);
        }
        return m;
    }

    private static ChwImage step(ChwImage x, float[] direction, double t) {
        float[] v = x.data().clone();
        for (int i = 0; i < v.length; i++) v[i] += (float) (t * direction[i]);
        return new ChwImage(x.channels(), x.height(), x.width(), v);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return s;
    }
}
