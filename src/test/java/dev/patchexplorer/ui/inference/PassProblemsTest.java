package dev.patchexplorer.ui.inference;

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
}
