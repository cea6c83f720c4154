package dev.patchexplorer.model;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.tradeoff.PassMemory;
import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pass estimate against what a pass really holds: the bytes of the arrays alive in the pass's manager
 * when the forward pass ends (a deterministic count from their shapes, not the process's memory). The
 * estimate may overshoot a little, never fall short.
 */
class PassEstimateMeasuredTest {
    @TempDir
    Path dir;

    @Test
    void theVitEstimateCoversWhatTheTinyVitHolds() throws Exception {
        try (ViTModel vit = (ViTModel) ModelLoader.load(TinyCheckpoints.vit(dir.resolve("vit")))) {
            for (int grid : new int[] {8, 14}) {
                int side = 16 * grid;
                long held = vit.forwardHeldBytes(new ChwImage(3, side, side, new float[3 * side * side]), 16);
                long estimate = PassMemory.vit(vit.shape(), PassKind.LOGITS, 12, grid, grid, side, side).nativeBytes();
                assertWithin(estimate, held, "tiny ViT, " + grid + "x" + grid + " grid");
            }
        }
    }

    @Test
    void theVitEstimateCoversWhatVitTiHolds() throws Exception {
        try (ViTModel vit = (ViTModel) ModelLoader.load(TestAssets.model("vit_tiny_patch16_224.augreg_in21k_ft_in1k"))) {
            for (int grid : new int[] {8, 14, 24}) {
                int side = 16 * grid;
                long held = vit.forwardHeldBytes(new ChwImage(3, side, side, new float[3 * side * side]), 16);
                long estimate = PassMemory.vit(vit.shape(), PassKind.LOGITS, 12, grid, grid, side, side).nativeBytes();
                assertWithin(estimate, held, "ViT-Ti/16, " + grid + "x" + grid + " grid");
            }
        }
    }

    @Test
    void theCnnEstimateCoversWhatTheTinyMobileNetV2AndResNet18Hold() throws Exception {
        for (Path checkpoint : new Path[] {TinyCheckpoints.mobileNetV2(dir.resolve("mobilenet")), TinyCheckpoints.resNet18(dir.resolve("resnet"))}) {
            try (CnnModel cnn = (CnnModel) ModelLoader.load(checkpoint)) {
                // an odd size too: every stride-2 layer rounds up
                for (int[] hw : new int[][] {{64, 64}, {97, 130}}) {
                    long held = cnn.forwardHeldBytes(new ChwImage(3, hw[0], hw[1], new float[3 * hw[0] * hw[1]]));
                    long estimate = cnn.footprint().pass(PassKind.LOGITS, hw[0], hw[1]).nativeBytes();
                    assertWithin(estimate, held, cnn.config().architecture() + ", " + hw[1] + "x" + hw[0]);
                }
            }
        }
    }

    static void assertWithin(long estimate, long held, String what) {
        double ratio = (double) estimate / held;
        assertTrue(held > 0 && ratio >= 1.0 && ratio <= 1.3,
                what + ": estimate " + estimate + " bytes, held " + held + " (x" + ratio + ")");
    }
}
