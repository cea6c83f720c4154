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
 * The tiny ViT (D 24, 12 blocks, 3 heads, MLP 96, class token, 1,000 classes) refuses a pass over a budget
 * passed in, before it puts anything in native memory. A logits pass at patch p on a 224 px square, FLEXI,
 * g = floor(224 / p), N = g^2 + 1 (core.tradeoff.PassMemory's terms): attention 12 x 3 x N^2 x 4 = 144 N^2;
 * other activations 12 x (3 N^2 + 23 x 24 N + 2 x 96 N) x 4 = 144 N^2 + 35,712 N, embedding and head
 * (7 x 24 N + 24 + 1,000) x 4 = 672 N + 4,096; input 12 (g p)^2 and patch kernel 3 x 24 x p^2 x 4 = 288 p^2.
 * In all 288 N^2 + 36,384 N + 4,096 + 12 (g p)^2 + 288 p^2:
 * <ul>
 * <li>p 14: g 16, N 257: 19,022,112 + 9,350,688 + 4,096 + 602,112 + 56,448 = 29,035,456</li>
 * <li>p 15: g 14, N 197: 11,176,992 + 7,167,648 + 4,096 + 529,200 + 64,800 = 18,942,736</li>
 * <li>p 16: g 14, N 197: 11,176,992 + 7,167,648 + 4,096 + 602,112 + 73,728 = 19,024,576</li>
 * </ul>
 * With 20,000,000 bytes, patch 15 is the smallest that fits (14 and all below need more).
 */
class PassRefusalTest {
    private static final MemoryBudget TWENTY_MB = new MemoryBudget(20_000_000, Long.MAX_VALUE);

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
                return new MemoryBudget(19_024_575, Long.MAX_VALUE); // one byte short of patch 16's pass
            });
            AttentionTooLargeException e = assertThrows(AttentionTooLargeException.class, () -> vit.logits(input, 16));
            assertEquals(19_024_576L, e.pass().nativeBytes());
            assertEquals(List.of(before), arraysWhenAsked, "the budget is asked before the input is created");
            assertEquals(before, vit.weightsManagerArrays());

            vit.useBudget(() -> new MemoryBudget(19_024_576, Long.MAX_VALUE)); // exactly enough
            assertEquals(TinyCheckpoints.IMAGENET_CLASSES, vit.logits(input, 16).length);
        }
    }

    @Test
    void theWindowsCheckNamesTheSmallestPatchThatFits() throws Exception {
        try (ViTModel vit = (ViTModel) ModelLoader.load(TinyCheckpoints.vit(dir.resolve("vit")))) {
            vit.useBudget(() -> TWENTY_MB);
            AttentionTooLargeException e = assertThrows(AttentionTooLargeException.class, () -> vit.checkMemory(
                    PassKind.LOGITS, 16, 16, new AttentionBudget.Setting(PatchMode.FLEXI, 14, 224, 224)));
            assertEquals(29_035_456L, e.pass().nativeBytes());
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
            vit.useBudget(() -> new MemoryBudget(2 * 19_024_576 - 1, Long.MAX_VALUE));
            AttentionTooLargeException e = assertThrows(AttentionTooLargeException.class, () -> vit.inputGradTop1(input, 16));
            assertEquals(2 * 19_024_576L, e.pass().nativeBytes());
            vit.useBudget(() -> new MemoryBudget(2 * 19_024_576, Long.MAX_VALUE));
            ChwImage g = vit.inputGradTop1(input, 16).gradient();
            assertArrayEquals(new int[] {3, 224, 224}, new int[] {g.channels(), g.height(), g.width()});
        }
    }
}
