package dev.patchexplorer.core.tradeoff;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SwinCostsTest {
    private static SwinArchitecture arch(String name) {
        return SwinPresets.byName(name).orElseThrow();
    }

    /**
     * torchvision's published GFLOPS, which count multiply-adds: Swin_T_Weights 4.49
     * (https://pytorch.org/vision/stable/models/generated/torchvision.models.swin_t.html), Swin_S_Weights
     * 8.74 (8.741 as listed for torchvision's weights), Swin_B_Weights 15.43
     * (https://pytorch.org/vision/main/models/generated/torchvision.models.swin_b.html). The table rounds
     * to two places, so the tolerance is half a unit of the last place; no gap is left to explain
     * (norms, position bias, softmax, GELU are uncounted on both sides).
     */
    @Test
    void totalsMatchTorchvisionsPublishedMultiplyAdds() {
        assertEquals(4.49, SwinCosts.of(arch("swin_tiny_patch4_window7_224"), 224, 224, 4).gmacs(), 0.005);
        assertEquals(8.74, SwinCosts.of(arch("swin_small_patch4_window7_224"), 224, 224, 4).gmacs(), 0.005);
        assertEquals(15.43, SwinCosts.of(arch("swin_base_patch4_window7_224"), 224, 224, 4).gmacs(), 0.005);
    }

    @Test
    void swinTinyTermByTermByHand() {
        SwinCosts t = SwinCosts.of(arch("swin_tiny_patch4_window7_224"), 224, 224, 4);
        // patch embedding 56^2 x (4 x 4 x 3) x 96
        assertEquals(3136L * 48 * 96, t.patchEmbeddingMacs());
        // stage 1: 56 x 56 tokens, C 96, 64 windows of 7 x 7; per block 12hwC^2 + 2M^2hwC = 346,816,512 + 29,503,488
        SwinCosts.Stage s1 = t.stages().get(0);
        assertEquals(56, s1.gridRows());
        assertEquals(64, s1.windows());
        assertEquals(2L * 346_816_512, s1.linearMacs());
        assertEquals(2L * 29_503_488, s1.attentionMacs());
        assertEquals(0, s1.mergingMacs());
        // each merging (hw/4)(4C)(2C) = 784 x 384 x 192 = 57,802,752 for Swin-T, the same at every stage
        for (int s = 1; s < 4; s++) assertEquals(57_802_752L, t.stages().get(s).mergingMacs());
        SwinCosts.Stage s4 = t.stages().get(3);
        assertEquals(7, s4.gridCols());
        assertEquals(768, s4.width());
        assertEquals(1, s4.windows());
        assertEquals(768L * 1000, t.headMacs());
        assertEquals(4_490_566_656L, t.totalMacs()); // sum of the terms above, worked out by hand
        assertEquals(2 * 4.490566656, t.gflops(), 1e-9);
    }

    @Test
    void windowsAgainstGlobalAttention() {
        SwinCosts t = SwinCosts.of(arch("swin_tiny_patch4_window7_224"), 224, 224, 4);
        // stage 1 global: 2 blocks x 2 (hw)^2 C = 2 x 2 x 3136^2 x 96, 64x the windowed 2 x 2 x 49 x 3136 x 96
        SwinCosts.Stage s1 = t.stages().get(0);
        assertEquals(2L * 2 * 3136 * 3136 * 96, s1.globalAttentionMacs());
        assertEquals(64 * s1.attentionMacs(), s1.globalAttentionMacs());
        // the last stage is one window: nothing to save there
        assertEquals(t.stages().get(3).attentionMacs(), t.stages().get(3).globalAttentionMacs());
        long global = t.totalMacs() - t.attentionMacs() + 2L * 2 * 3136 * 3136 * 96 + 2L * 2 * 784 * 784 * 192
                + 6L * 2 * 196 * 196 * 384 + 2L * 2 * 49 * 49 * 768;
        assertEquals(global, t.globalTotalMacs());
        assertEquals(1 - 4_490_566_656.0 / global, t.windowSaving(), 1e-12);
        assertTrue(t.windowSaving() > 0.3, "windows save a third of Swin-T's compute at 224");
        // memory of one block's attention: 3 heads x 64 windows x 49^2 floats vs 3 x 3136^2
        assertEquals(3L * 64 * 49 * 49 * 4, s1.attentionBytesPerBlock());
        assertEquals(3L * 3136 * 3136 * 4, s1.globalAttentionBytesPerBlock());
    }

    @Test
    void parametersMatchTorchvision() {
        // torchvision num_params: Swin_T 28,288,354; Swin_B 87,768,224 (pages above); Swin_S 49.6 M
        assertEquals(28_288_354L, arch("swin_tiny_patch4_window7_224").parameters());
        assertEquals(87_768_224L, arch("swin_base_patch4_window7_224").parameters());
        assertEquals(49.6e6, arch("swin_small_patch4_window7_224").parameters(), 0.05e6);
    }

    @Test
    void gridsThatAreNotWholeWindowsArePadded() {
        // 256 px: stage grids 64, 32, 16, 8; windows of 7 need 10x10, 5x5, 3x3, 2x2 windows after padding
        SwinCosts t = SwinCosts.of(arch("swin_tiny_patch4_window7_224"), 256, 256, 4);
        int[] windows = {100, 25, 9, 4};
        for (int s = 0; s < 4; s++) {
            SwinCosts.Stage st = t.stages().get(s);
            assertEquals(windows[s], st.windows());
            assertEquals(7, st.window());
            assertEquals(windows[s] * 49, st.paddedTokens());
            assertEquals((long) st.blocks() * 2 * st.paddedTokens() * 49 * st.width(), st.attentionMacs());
        }
        // 128 px: the last grid (4 x 4) is smaller than the window: one 4 x 4 window
        SwinCosts.Stage last = SwinCosts.of(arch("swin_tiny_patch4_window7_224"), 128, 128, 4).stages().get(3);
        assertEquals(4, last.window());
        assertEquals(1, last.windows());
        assertEquals(last.globalAttentionMacs(), last.attentionMacs());
    }

    @Test
    void sidesMustSurviveTheMerges() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SwinCosts.of(arch("swin_tiny_patch4_window7_224"), 200, 224, 4));
        assertEquals("a swin_tiny_patch4_window7_224 at patch 4 needs image sides that are multiples of 32 (patch x 2^3 merges), got 200x224",
                e.getMessage());
    }
}
