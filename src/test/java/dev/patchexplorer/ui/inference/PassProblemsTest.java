package dev.patchexplorer.ui.inference;

import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Path;
import java.nio.file.Files;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.CnnPassTooLargeException;
import dev.patchexplorer.model.CnnModel;
import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.core.tradeoff.MemoryBudget;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.tradeoff.VitShape;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.AttentionBudget;
import dev.patchexplorer.model.AttentionTooLargeException;
import dev.patchexplorer.ui.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The banner's words for a refused pass, in both languages: the readouts' attention figure first, the whole
 * pass's total, and the patch or size that fits. ViT-Ti, patch 2 at 518 px, logits, 1 GiB: attention
 * 647,999,240,256 bytes (603 GiB), whole pass 1,315,527,406,288 (1.20 TiB), activations 667,524,936,928 (622 GiB);
 * patch 14 fits at 518 px, patch 2 up to 77 px (core.tradeoff.PassMemoryTest works these out).
 */
class PassProblemsTest {
    private static final VitShape VIT_TI = new VitShape(192, 12, 3, 768, 1, 1000);

    @AfterEach
    void english() {
        Messages.useLocale(Locale.ENGLISH);
    }

    private static AttentionTooLargeException refusal() {
        return assertThrows(AttentionTooLargeException.class, () -> AttentionBudget.check(VIT_TI, 16, PassKind.LOGITS,
                12, 259, 259, 518, 518, new MemoryBudget(1L << 30, Long.MAX_VALUE),
                new AttentionBudget.Setting(PatchMode.FLEXI, 2, 518, 518), 8L << 30));
    }

    @Test
    void inEnglish() {
        Messages.useLocale(Locale.ENGLISH);
        AttentionTooLargeException e = refusal();
        assertEquals("603 GiB", Units.bytes(e.bytesNeeded()));
        assertEquals("67,082 tokens: the attention matrices of all 12 layers would need 603 GiB; the whole pass needs"
                + " about 1.20 TiB (activations 622 GiB), more than the 1.00 GiB this computer can give it."
                + " Patch 14 or larger fits at 518 px, or a working size of 77 px or less.", PassProblems.describe(e));
    }

    @Test
    void inChinese() {
        Messages.useLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals("67,082 个 token：所有 12 层的注意力矩阵需要 603 GiB；整个计算约需 1.20 TiB（激活值 622 GiB），"
                + "超过了这台电脑能提供的 1.00 GiB。在 518 px 下，14 px 或更大的图块可以运行；也可以把尺寸减小到 77 px 或更小。",
                PassProblems.describe(refusal()));
    }

    @Test
    void aCnnRefusalNamesTheLargestSizeInBothLanguages() throws Exception {
        Path dir = Files.createTempDirectory("cnn-refusal");
        try (CnnModel cnn = (CnnModel) ModelLoader.load(TinyCheckpoints.mobileNetV2(dir))) {
            CnnPassTooLargeException e = assertThrows(CnnPassTooLargeException.class,
                    () -> cnn.checkMemory(PassKind.GRADIENT, 100_000, 100_000));
            assertTrue(e.fittingSize() > 0 && e.fittingSize() < 100_000, "a smaller size fits: " + e.fittingSize());
            String fits = String.format(Locale.ROOT, "%,d", e.fittingSize()); // the bundles group thousands
            String total = Units.bytes(e.pass().nativeBytes());
            String budget = Units.bytes(e.budget().nativeBytes());
            Messages.useLocale(Locale.ENGLISH);
            assertEquals("The feature maps of this pass, with its gradients, would need about " + total + ", more than the "
                    + budget + " this computer can give it. A working size of " + fits + " px or less fits.", PassProblems.describe(e));
            Messages.useLocale(Locale.SIMPLIFIED_CHINESE);
            assertEquals("这次计算的特征图连同梯度约需 " + total + "，超过了这台电脑能提供的 " + budget + "。尺寸为 " + fits
                    + " px 或更小时可以运行。", PassProblems.describe(e));
        }
    }
}
