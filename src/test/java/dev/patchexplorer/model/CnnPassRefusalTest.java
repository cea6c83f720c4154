package dev.patchexplorer.model;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.tradeoff.MemoryBudget;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A CNN pass over its budget is refused before it runs, naming the largest working size that fits. */
class CnnPassRefusalTest {
    @TempDir
    Path dir;

    @Test
    void aPassOverTheBudgetNamesTheLargestSizeThatFits() throws Exception {
        try (CnnModel cnn = (CnnModel) ModelLoader.load(TinyCheckpoints.mobileNetV2(dir.resolve("mobilenet")))) {
            long at224 = cnn.footprint().pass(PassKind.LOGITS, 224, 224).nativeBytes();
            long at128 = cnn.footprint().pass(PassKind.LOGITS, 128, 128).nativeBytes();
            long at129 = cnn.footprint().pass(PassKind.LOGITS, 129, 129).nativeBytes();
            assertTrue(at128 < at129 && at129 < at224, at128 + " " + at129 + " " + at224);
            cnn.useBudget(() -> new MemoryBudget(at128, Long.MAX_VALUE)); // 128 px fits exactly, 129 does not
            CnnPassTooLargeException e = assertThrows(CnnPassTooLargeException.class, () -> cnn.checkMemory(PassKind.LOGITS, 224, 224));
            assertEquals(128, e.fittingSize());
            assertEquals(at224, e.pass().nativeBytes());
            assertTrue(e.getMessage().endsWith("a working size of 128 px or less fits"), e.getMessage());
            ChwImage input = new ChwImage(3, 224, 224, new float[3 * 224 * 224]);
            PassRefusedException r = assertThrows(PassRefusedException.class, () -> cnn.forward(input));
            assertEquals(128, r.refusal().fittingSize());
            // a gradient pass counts twice: at 128 px it no longer fits
            assertThrows(CnnPassTooLargeException.class, () -> cnn.checkMemory(PassKind.GRADIENT, 128, 128));
            cnn.checkMemory(PassKind.LOGITS, 128, 128);
        }
    }
}
