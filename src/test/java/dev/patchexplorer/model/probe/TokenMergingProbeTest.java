package dev.patchexplorer.model.probe;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.tome.MergeSchedule;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ToMe inside the ViT: r = 0 is the plain model, the token counts are the schedule's, the groups account for them. */
class TokenMergingProbeTest {
    @TempDir
    static Path folder;
    private static ViTModel vit;
    private static ChwImage input;

    @BeforeAll
    static void load() throws Exception {
        vit = assertInstanceOf(ViTModel.class, ModelLoader.load(TinyCheckpoints.vit(folder.resolve("vit"))));
        input = ProbeInputs.seeded(224, 13);
    }

    @AfterAll
    static void close() {
        if (vit != null) vit.close();
    }

    @Test
    void rZeroIsThePlainModel() throws Exception {
        TokenMergingProbe.Result r = TokenMergingProbe.run(vit, input, 16, 0);
        double d = Logits.maxAbsDifference(vit.logits(input, 16), r.logits());
        assertTrue(d <= 1e-5, "r = 0 differs from the plain model by " + d);
        int[] all = new int[13];
        Arrays.fill(all, 197);
        assertArrayEquals(all, r.tokensIn());
    }

    /** Native 197 tokens (r 13 -> 41), FLEXI patch 8 (785 tokens), and an r so large that half the tokens merge each block. */
    @ParameterizedTest
    @CsvSource({"16, 13", "8, 40", "16, 200"})
    void tokensPerBlockFollowTheScheduleAndTheGroupsAccountForThem(int patch, int r) throws Exception {
        TokenMergingProbe.Result m = TokenMergingProbe.run(vit, input, patch, r);
        int tokens = 1 + (224 / patch) * (224 / patch);
        assertArrayEquals(MergeSchedule.of(tokens, r, 12, 1).tokensIn(), m.tokensIn());
        for (int b = 0; b < 12; b++) {
            long distinct = Arrays.stream(m.groups()[b]).distinct().count();
            assertEquals(m.tokensIn()[b + 1] - 1, distinct, "patch tokens left after block " + b);
            assertTrue(Arrays.stream(m.groups()[b]).allMatch(t -> t >= 1), "a patch merged into the class token");
        }
        assertTrue(Logits.maxAbsDifference(vit.logits(input, patch), m.logits()) > 0, "merging changed nothing");
    }

    @Test
    void realViTTiWithoutMergingIsThePlainModel() throws Exception {
        try (ViTModel real = (ViTModel) ModelLoader.load(TestAssets.model(ProbeInputs.VIT_TI))) {
            ChwImage cat = ProbeInputs.chelsea(real.config(), 224);
            double d = Logits.maxAbsDifference(real.logits(cat, 16), TokenMergingProbe.run(real, cat, 16, 0).logits());
            assertTrue(d <= 1e-5, "r = 0 differs from the plain model by " + d);
            assertEquals(41, TokenMergingProbe.run(real, cat, 16, 13).tokensIn()[12]);
        }
    }
}
