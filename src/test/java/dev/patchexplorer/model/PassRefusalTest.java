package dev.patchexplorer.model;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.tradeoff.MemoryBudget;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tiny ViT (D 24, 12 blocks, 3 heads, MLP 96, class token) refuses a pass over a budget passed in,
 * before it puts anything in native memory. A logits pass at patch p on a 224 px square, FLEXI, g = floor(224 / p),
 * N = g^2 + 1: attention 12 x 3 x N^2 x 4 = 144 N^2; other activations 12 x N x (4 x 24 + 96) x 4 = 9,216 N;
 * input 12 (g p)^2.
 * <ul>
 * <li>p 14: g 16, N 257: 9,511,056 + 2,368,512 + 602,112 = 12,481,680</li>
 * <li>p 15: g 14, N 197: 5,588,496 + 1,815,552 + 529,200 = 7,933,248</li>
 * <li>p 16: g 14, N 197: 5,588,496 + 1,815,552 + 602,112 = 8,006,160</li>
 * </ul>
 * With 10,000,000 bytes, patch 15 is the smallest that fits (14 and all below need more).
 */
class PassRefusalTest {
    private static final MemoryBudget TEN_MB = new MemoryBudget(10_000_000, Long.MAX_VALUE);

    @TempDir
    Path dir;

    @Test
    void aPassOverTheBudgetIsRefusedBeforeItsInputReachesNativeMemory() throws Exception {
        try (ViTModel vit = (ViTModel) ModelLoader.load(TinyCheckpoints.vit(dir.resolve("vit")))) {
            assertEquals(96, vit.spec().mlpHidden());
            ChwImage input = new ChwImage(3, 224, 224, new float[3 * 224 * 224]);
            int before = vit.weightsManagerArrays();
            List<Integer> arraysWhenAsked = new ArrayList<>();
            vit.useBudget(() -> {
                arraysWhenAsked.add(vit.weightsManagerArrays());
                return new MemoryBudget(8_006_159, Long.MAX_VALUE); // one byte short of patch 16's pass
            });
            AttentionTooLargeException e = assertThrows(AttentionTooLargeException.class, () -> vit.logits(input, 16));
            assertEquals(8_006_160L, e.pass().nativeBytes());
            assertEquals(List.of(before), arraysWhenAsked, "the budget is asked before the input is created");
            assertEquals(before, vit.weightsManagerArrays());

            vit.useBudget(() -> new MemoryBudget(8_006_160, Long.MAX_VALUE)); // exactly enough
            assertEquals(TinyCheckpoints.IMAGENET_CLASSES, vit.logits(input, 16).length);
        }
    }

    @Test
    void theWindowsCheckNamesTheSmallestPatchThatFits() throws Exception {
        try (ViTModel vit = (ViTModel) ModelLoader.load(TinyCheckpoints.vit(dir.resolve("vit")))) {
            vit.useBudget(() -> TEN_MB);
            AttentionTooLargeException e = assertThrows(AttentionTooLargeException.class, () -> vit.checkMemory(
                    PassKind.LOGITS, 16, 16, new AttentionBudget.Setting(PatchMode.FLEXI, 14, 224, 224)));
            assertEquals(12_481_680L, e.pass().nativeBytes());
            assertEquals(15, e.fittingPatch());
            assertTrue(e.getMessage().endsWith("patch 15 or larger fits at 224 px, or a working size of "
                    + e.fittingSize() + " px or less"), e.getMessage());
            assertTrue(e.fittingSize() < 224 && e.fittingSize() >= 14, "a smaller working size fits: " + e.fittingSize());
            // 15 itself passes the same check.
            vit.checkMemory(PassKind.LOGITS, 14, 14, new AttentionBudget.Setting(PatchMode.FLEXI, 15, 224, 224));
        }
    }

    @Test
    void aGradientPassCountsItsGradients() throws Exception {
        try (ViTModel vit = (ViTModel) ModelLoader.load(TinyCheckpoints.vit(dir.resolve("vit")))) {
            ChwImage input = new ChwImage(3, 224, 224, new float[3 * 224 * 224]);
            vit.useBudget(() -> new MemoryBudget(2 * 8_006_160 - 1, Long.MAX_VALUE));
            AttentionTooLargeException e = assertThrows(AttentionTooLargeException.class, () -> vit.inputGradTop1(input, 16));
            assertEquals(2 * 8_006_160L, e.pass().nativeBytes());
            vit.useBudget(() -> new MemoryBudget(2 * 8_006_160, Long.MAX_VALUE));
            ChwImage g = vit.inputGradTop1(input, 16).gradient();
            assertArrayEquals(new int[] {3, 224, 224}, new int[] {g.channels(), g.height(), g.width()});
        }
    }
}
