package dev.patchexplorer.core.tradeoff;

import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Check values from reference/PATCH_MATH.md and numbers worked by hand. */
class TradeOffsTest {
    private static final double MIB = 1024.0 * 1024.0;
    private static final long BIG_HEAP = Long.MAX_VALUE;

    static TradeOffs at(String arch, int size, int patch) {
        VitArchitecture a = VitPresets.byName(arch).orElseThrow();
        return TradeOffs.of(a, PatchGrid.of(size, size, GridSpec.of(patch)), BIG_HEAP);
    }

    @ParameterizedTest(name = "{0} at 224 = {1} GMACs")
    @CsvSource({
            "vit_base_patch16_224, 17.56",   // torchvision's table
            "vit_base_patch32_224, 4.41",
            "vit_large_patch16_224, 61.55",
            "vit_large_patch32_224, 15.38",
            "vit_tiny_patch16_224, 1.25",
    })
    void publishedGmacsToTwoDecimals(String arch, double gmacs) {
        int patch = VitPresets.byName(arch).orElseThrow().nativePatch();
        assertEquals(gmacs, at(arch, 224, patch).gmacs(), 0.005);
    }

    @ParameterizedTest(name = "{0} at 224 = {1} GMACs (timm, 0.1 %)")
    @CsvSource({"vit_small_patch8_224, 22.4", "vit_base_patch8_224, 78.2"})
    void timmMeasuredGmacsWithinATenthOfAPercentOfTheRoundedValue(String arch, double gmacs) {
        assertEquals(gmacs, at(arch, 224, 8).gmacs(), gmacs * 0.001 + 0.05);
    }

    @Test
    void flopsAreTwiceMacs() {
        TradeOffs t = at("vit_base_patch16_224", 224, 16);
        assertEquals(2 * t.totalMacs(), t.totalFlops());
        assertEquals(35.12, t.gflops(), 0.01);
    }

    @ParameterizedTest(name = "ViT-B {0} px / P{1}: attention share {2} %")
    @CsvSource({"224, 32, 1.0", "224, 16, 4.1", "224, 8, 14.5", "1024, 16, 47", "1024, 8, 78"})
    void attentionShareOfViTB(int size, int patch, double percent) {
        double tolerance = percent < 20 ? 0.05 : 0.5;
        assertEquals(percent, 100 * at("vit_base_patch16_224", size, patch).attentionShare(), tolerance);
    }

    @Test
    void attentionMemoryOfViTBMatchesTheReference() {
        TradeOffs p16 = at("vit_base_patch16_224", 224, 16);
        assertEquals(1.8, p16.attentionBytesPerLayer() / MIB, 0.05);
        assertEquals(21, p16.attentionBytesAllLayers() / MIB, 0.5);
        TradeOffs p8 = at("vit_base_patch16_224", 224, 8);
        assertEquals(28, p8.attentionBytesPerLayer() / MIB, 0.5);
        assertEquals(339, p8.attentionBytesAllLayers() / MIB, 0.5);
        assertEquals(768, at("vit_base_patch16_224", 1024, 16).attentionBytesPerLayer() / MIB, 0.5);
        assertEquals(12, at("vit_base_patch16_224", 1024, 8).attentionBytesPerLayer() / (MIB * 1024), 0.05);
    }

    @Test
    void byHandViTBPatch16() {
        TradeOffs t = at("vit_base_patch16_224", 224, 16);
        assertEquals(14, t.gridRows());
        assertEquals(14, t.gridCols());
        assertEquals(196, t.patchTokens());
        assertEquals(197, t.sequenceLength());
        assertEquals(768, t.valuesPerPatch());           // 16 * 16 * 3
        assertEquals(1.0, t.compressionRatio(), 1e-12);  // 768 values -> D = 768: 1:1
        assertEquals(768L * 768 + 768, t.patchEmbeddingParameters());
        assertEquals(196L * 768 * 768, t.patchEmbeddingMacs());
        assertEquals(12L * 12 * 197 * 768 * 768, t.linearMacs());
        assertEquals(12L * 2 * 197 * 197 * 768, t.attentionMacs());
        assertEquals(768L * 1000, t.headMacs());
        assertEquals(12L * 197 * 197 * 4, t.attentionBytesPerLayer());
        // What a forward pass holds per block, float32: attention logits and softmax 2 x 12 x N^2, 23 arrays of
        // N x D (norms, QKV and its views, projection, residual sums, fc2...), fc1 and GELU 2 x N x 3072:
        // 4 x (931,416 + 3,479,808 + 1,210,368) = 22,486,368.
        assertEquals(4L * (2 * 12 * 197 * 197 + 23 * 197 * 768 + 2 * 197 * 3072), t.activationBytesPerBlock());
        assertEquals(22_486_368L, t.activationBytesPerBlock());
        assertEquals(12 * 22_486_368L, t.activationBytesAllLayers());
    }

    @Test
    void compressionFollowsPatchArea() {
        assertEquals(4.0, at("vit_base_patch16_224", 224, 32).compressionRatio(), 1e-12);  // 3072 -> 768
        assertEquals(0.25, at("vit_base_patch16_224", 224, 8).compressionRatio(), 1e-12);  // 192 -> 768
    }

    @Test
    void parameterCountsMatchTimm() {
        // timm's published counts: vit_base_patch16_224 86,567,656; vit_tiny_patch16_224 5,717,416.
        assertEquals(86_567_656L, VitPresets.byName("vit_base_patch16_224").orElseThrow().parameters());
        assertEquals(5_717_416L, VitPresets.byName("vit_tiny_patch16_224").orElseThrow().parameters());
    }

    /** ViT-Ti (D = 192, MLP 768, 12 blocks, 1000 classes): everything but the patch and position embeddings. */
    private static final long TI_BLOCKS = 12L * (2 * 192              // norm1
            + 3 * 192 * 192 + 3 * 192                              // qkv: 110,592 + 576
            + 192 * 192 + 192                                      // proj: 36,864 + 192
            + 2 * 192                                              // norm2
            + 192 * 768 + 768                                      // fc1: 147,456 + 768
            + 768 * 192 + 192);                                    // fc2: 147,456 + 192  -> 444,864 per block
    private static final long TI_REST = TI_BLOCKS + 192 /* cls token */ + 2 * 192 /* final norm */ + 192 * 1000 + 1000 /* head */;

    @Test
    void modelWeightsFollowThePatchSizeAndTheGrid() {
        assertEquals(5_338_368L, TI_BLOCKS);        // 12 x 444,864
        assertEquals(5_531_944L, TI_REST);          // + 192 + 384 + 193,000
        VitArchitecture ti = VitPresets.defaultArchitecture();

        // P16 at 224: 16^2 x 3 x 192 + 192 = 147,648 embedding; (196 + 1) x 192 = 37,824 position.
        TradeOffs p16 = TradeOffs.of(ti, PatchGrid.of(224, 224, GridSpec.of(16)), BIG_HEAP);
        assertEquals(147_648L, p16.patchEmbeddingParameters());
        assertEquals(147_648L + 37_824 + TI_REST, p16.modelParameters());
        assertEquals(5_717_416L, p16.modelParameters());                 // timm's count for vit_tiny_patch16_224

        // P128 at 1024: 128^2 x 3 x 192 + 192 = 9,437,376 embedding; 8 x 8 grid, (64 + 1) x 192 = 12,480 position.
        TradeOffs p128 = TradeOffs.of(ti, PatchGrid.of(1024, 1024, GridSpec.of(128)), BIG_HEAP);
        assertEquals(9_437_376L, p128.patchEmbeddingParameters());
        assertEquals(9_437_376L + 12_480 + TI_REST, p128.modelParameters());
        assertEquals(14_981_800L, p128.modelParameters());

        // P2 at 250: 2^2 x 3 x 192 + 192 = 2,496 embedding; 125 x 125 grid, (15,625 + 1) x 192 = 3,000,192 position.
        TradeOffs p2 = TradeOffs.of(ti, PatchGrid.of(250, 250, GridSpec.of(2)), BIG_HEAP);
        assertEquals(2_496L, p2.patchEmbeddingParameters());
        assertEquals(8_534_632L, p2.modelParameters());                   // 2,496 + 3,000,192 + 5,531,944
    }

    @Test
    void attentionMemoryOfViTTiAt15626TokensByHand() {
        // 125 x 125 patches + class token = 15,626 tokens; 15,626^2 = 244,171,876.
        TradeOffs t = TradeOffs.of(VitPresets.defaultArchitecture(), PatchGrid.of(250, 250, GridSpec.of(2)), BIG_HEAP);
        assertEquals(15_626, t.sequenceLength());
        assertEquals(2_930_062_512L, t.attentionBytesPerLayer());          // 3 heads x 244,171,876 x 4 bytes
        assertEquals(35_160_750_144L, t.attentionBytesAllLayers());        // x 12 layers = 32.75 GiB
        assertEquals(t.attentionBytesAllLayers(), AttentionMemory.allLayersBytes(12, 3, 15_626));
    }

    @Test
    void theHeapWarningIsTheModelsRefusalBudget() {
        long all = AttentionMemory.allLayersBytes(12, 3, 197);                // ViT-Ti/16 at 224
        PatchGrid g = PatchGrid.of(224, 224, GridSpec.of(16));
        VitArchitecture ti = VitPresets.defaultArchitecture();
        assertFalse(TradeOffs.of(ti, g, 2 * all).attentionExceedsHeap());     // exactly half the heap: allowed
        assertTrue(TradeOffs.of(ti, g, 2 * all - 2).attentionExceedsHeap());  // a byte over half: refused
    }

    @Test
    void distillationTokenAndRegistersLengthenTheSequence() {
        VitArchitecture deit = new VitArchitecture("deit_small_distilled", 384, 12, 6, 4.0, 1, 0, 1, 1000, 3, 16, 224);
        VitArchitecture reg = new VitArchitecture("vit_reg4", 384, 12, 6, 4.0, 1, 4, 0, 1000, 3, 16, 224);
        PatchGrid g = PatchGrid.of(224, 224, GridSpec.of(16));
        assertEquals(198, TradeOffs.of(deit, g, BIG_HEAP).sequenceLength());
        assertEquals(201, TradeOffs.of(reg, g, BIG_HEAP).sequenceLength());
        // DeiT-S distilled has 22,436,432 parameters (timm): a second head and a second position slot.
        assertEquals(22_436_432L, deit.parameters());
    }

    @Test
    void warnsWhenAttentionWouldNotFitTheHeap() {
        VitArchitecture b = VitPresets.byName("vit_base_patch16_224").orElseThrow();
        PatchGrid g = PatchGrid.of(1024, 1024, GridSpec.of(8));
        assertTrue(TradeOffs.of(b, g, 2L << 30).attentionExceedsHeap());
        assertFalse(TradeOffs.of(b, PatchGrid.of(224, 224, GridSpec.of(16)), 2L << 30).attentionExceedsHeap());
    }

    @Test
    void nonSquareImageAndRemainder() {
        VitArchitecture ti = VitPresets.defaultArchitecture();
        // 337 x 224 with P16: 21 x 14 patches, 1 column of pixels dropped (337 - 336) x 224.
        TradeOffs t = TradeOffs.of(ti, PatchGrid.of(337, 224, GridSpec.of(16)), BIG_HEAP);
        assertEquals(14, t.gridRows());
        assertEquals(21, t.gridCols());
        assertEquals(295, t.sequenceLength());
        assertEquals(224, t.droppedPixels());
        assertEquals(0, t.paddedPixels());
    }
}
