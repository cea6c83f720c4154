package dev.patchexplorer.ui.help;

import dev.patchexplorer.core.grid.GridSpec;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.tradeoff.TradeOffs;
import dev.patchexplorer.core.tradeoff.VitPresets;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The numbers the user guide quotes are the numbers the app computes (core.TradeOffs, tested against PATCH_MATH.md). */
class GuideNumbersTest {
    private static final double MIB = 1024.0 * 1024.0;
    private static final String GUIDE = UserGuideWindow.loadGuide(Locale.ENGLISH);
    private static final Map<String, String> MODELS = Map.of(
            "ViT-Ti/16", "vit_tiny_patch16_224", "ViT-B/32", "vit_base_patch32_224",
            "ViT-B/16", "vit_base_patch16_224", "ViT-B/8", "vit_base_patch8_224");

    private static TradeOffs at(String arch, int size, int patch) {
        return TradeOffs.of(VitPresets.byName(arch).orElseThrow(), PatchGrid.of(size, size, GridSpec.of(patch)), Long.MAX_VALUE);
    }

    private static List<GuideDocument.Table> tables() {
        return GuideDocument.parse(GUIDE).stream().filter(b -> b instanceof GuideDocument.Table)
                .map(b -> (GuideDocument.Table) b).toList();
    }

    @Test
    void theTokenTableMatchesTheGrid() {
        GuideDocument.Table tokens = tables().get(0);
        assertEquals("patch tokens", tokens.header().get(2));
        for (List<String> row : tokens.rows()) {
            TradeOffs t = at("vit_base_patch16_224", 224, Integer.parseInt(row.get(0)));
            assertEquals(t.gridRows() + " × " + t.gridCols(), row.get(1));
            assertEquals(String.valueOf(t.patchTokens()), row.get(2));
            assertEquals(String.valueOf(t.sequenceLength()), row.get(3));
        }
    }

    @Test
    void theComputeTableMatchesTheReadouts() {
        GuideDocument.Table compute = tables().get(1);
        assertEquals("GMACs", compute.header().get(1));
        for (List<String> row : compute.rows()) {
            String arch = MODELS.get(row.get(0));
            TradeOffs t = at(arch, 224, VitPresets.byName(arch).orElseThrow().nativePatch());
            assertEquals(Double.parseDouble(row.get(1)), t.gmacs(), halfOfLastDigit(row.get(1)) + t.gmacs() * 0.001, row.get(0));
            assertEquals(Double.parseDouble(row.get(2)), t.gflops(), halfOfLastDigit(row.get(2)) + t.gflops() * 0.001, row.get(0));
        }
    }

    @Test
    void theComputeRatiosInTheTextFollowFromTheTable() {
        double b32 = at("vit_base_patch32_224", 224, 32).gmacs();
        double b16 = at("vit_base_patch16_224", 224, 16).gmacs();
        double b8 = at("vit_base_patch8_224", 224, 8).gmacs();
        contains(String.format(Locale.ROOT, "the compute by about %.1f; going from 16 to 8", b16 / b32));
        double eightToSixteen = b8 / b16; // 4.449: the guide says "almost 4.5"
        assertTrue(eightToSixteen > 4.4 && eightToSixteen < 4.5, String.valueOf(eightToSixteen));
        contains("again but the compute by almost 4.5.");
    }

    @Test
    void theAttentionCostsInTheTextAreTheAppsNumbers() {
        TradeOffs b224 = at("vit_base_patch16_224", 224, 16);
        TradeOffs b224p8 = at("vit_base_patch16_224", 224, 8);
        TradeOffs b1024 = at("vit_base_patch16_224", 1024, 16);
        TradeOffs b1024p8 = at("vit_base_patch16_224", 1024, 8);
        contains(String.format(Locale.ROOT, "take %.1f MiB at 224 px with patch 16", b224.attentionBytesPerLayer() / MIB));
        contains(String.format(Locale.ROOT, "but %.0f MiB at 1024 px with patch 16", b1024.attentionBytesPerLayer() / MIB));
        contains(String.format(Locale.ROOT, "and %.0f GiB at 1024 px with patch 8", b1024p8.attentionBytesPerLayer() / MIB / 1024));
        contains(String.format(Locale.ROOT, "grows from %.0f %% at 224 px / patch 16 to %.0f %% at patch 8, %.0f %% at 1024 px / patch 16 and %.0f %% at 1024 px / patch 8",
                100 * b224.attentionShare(), 100 * b224p8.attentionShare(), 100 * b1024.attentionShare(), 100 * b1024p8.attentionShare()));
    }

    @Test
    void thePictureCaptionsQuoteTheAppsNumbers() {
        int[] patches = new int[3];
        int i = 0;
        for (int p : new int[] {8, 16, 32}) patches[i++] = at("vit_tiny_patch16_224", 224, p).patchTokens();
        contains(String.format(Locale.ROOT, "patch sizes 8, 16 and 32: %d, %d and %d patches", patches[0], patches[1], patches[2]));
        TradeOffs ti = at("vit_tiny_patch16_224", 224, 16);
        contains(String.format(Locale.ROOT, "%d patch tokens, a sequence of %d, %.2f GMACs of which %.1f %% is attention",
                ti.patchTokens(), ti.sequenceLength(), ti.gmacs(), 100 * ti.attentionShare()));
    }

    private static void contains(String text) {
        assertTrue(GUIDE.contains(text), "the guide should say: " + text);
    }

    private static double halfOfLastDigit(String number) {
        int dot = number.indexOf('.');
        int decimals = dot < 0 ? 0 : number.length() - dot - 1;
        return 0.5 * Math.pow(10, -decimals);
    }
}
