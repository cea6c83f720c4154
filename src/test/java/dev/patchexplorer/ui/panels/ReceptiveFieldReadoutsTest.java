package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.grid.AspectMode;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.rf.EffectiveReceptiveField.ErfSummary;
import dev.patchexplorer.core.rf.LayerField;
import dev.patchexplorer.core.rf.MobileNetV2Layers;
import dev.patchexplorer.core.rf.ReceptiveFieldTable;
import dev.patchexplorer.core.rf.UnitAtPoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pane's sentences carry the numbers worked out by hand here. */
class ReceptiveFieldReadoutsTest {
    private final ReceptiveFieldTable mobilenet = ReceptiveFieldTable.compute(MobileNetV2Layers.mobilenetv2_100(), 224, 224);

    @Test
    void spanInPatches() {
        // blocks.1.0: r = 11 px; 11 / 16 = 0.6875
        assertEquals("The RF of blocks.1.0 is 11 \u00d7 11 px: it spans 0.69 \u00d7 0.69 patches of 16 px.",
                ReceptiveFieldReadouts.span(mobilenet.find("blocks.1.0"), 16));
    }

    @Test
    void firstBlockCoveringAPatch() {
        // Block RFs: conv_stem 3, blocks.0.0 7, blocks.1.0 11, blocks.1.1 19, blocks.2.0 27, blocks.2.1 43
        List<LayerField> blocks = mobilenet.blocks();
        assertEquals("First block whose RF covers a whole 16 px patch: blocks.1.1 (RF 19 px, block 4).",
                ReceptiveFieldReadouts.firstCovering(blocks, 16));
        assertEquals("First block whose RF covers a whole 32 px patch: blocks.2.1 (RF 43 px, block 6).",
                ReceptiveFieldReadouts.firstCovering(blocks, 32));
        assertEquals("No block\u2019s RF reaches 600 px: every unit sees less than one patch.",
                ReceptiveFieldReadouts.firstCovering(blocks, 600));
    }

    @Test
    void unitPlaceAndPadding() {
        // blocks.1.0 (S 4, P 5, 56x56 units): a click at (100.2, 41.7) is unit (10, 25), centre (100, 40), box [95, 106) x [35, 46)
        LayerField f = mobilenet.find("blocks.1.0");
        assertEquals("Unit (row 10, column 25) of 56\u00d756: centre (100.0, 40.0); field x 95\u2026106, y 35\u202646 "
                        + "(working px, end exclusive); 0.0 % of it on padding; inside the image it spans 0.69 \u00d7 0.69 patches.",
                ReceptiveFieldReadouts.unit(f, UnitAtPoint.unitAt(f, 100.2, 41.7).orElseThrow(), 16));
        // unit (0, 0): box [-5, 6) on both axes, 36 of 121 pixels inside, so 85 / 121 = 70.2 % on padding
        assertEquals("Unit (row 0, column 0) of 56\u00d756: centre (0.0, 0.0); field x -5\u20266, y -5\u20266 "
                        + "(working px, end exclusive); 70.2 % of it on padding; inside the image it spans 0.38 \u00d7 0.38 patches.",
                ReceptiveFieldReadouts.unit(f, f.unit(0, 0), 16));
    }

    @Test
    void effectiveFieldRadii() {
        // half-width 75 / 2 = 37.5; 12.5 / 37.5 = 0.333; 30.25 / 37.5 = 0.807
        assertEquals("Effective RF: 50 % of the gradient mass lies within r = 12.5 px (0.33 of the theoretical half-width "
                        + "37.5 px), 90 % within r = 30.3 px (0.81).",
                ReceptiveFieldReadouts.erf(new ErfSummary(12.5, 30.25, 75)));
    }

    @Test
    void vitFactsFollowTheGrid() {
        WorkingResolution square = WorkingResolution.of(451, 300, 224, AspectMode.SQUASH);
        assertEquals("vit_tiny_patch16_224 is a ViT: its patch embedding sees exactly one 16 \u00d7 16 px patch; after the "
                        + "first attention layer every token can see all 14 \u00d7 14 patches (224 \u00d7 224 px, 196 patches), so "
                        + "the theoretical receptive field is the whole image. How far a token actually looks shows in its "
                        + "effective receptive field below.",
                ReceptiveFieldReadouts.vit("vit_tiny_patch16_224", 16, square));
        // Keep aspect: 451 x 300 at 224 -> 337 x 224; 16 px patches: 21 x 14 whole patches = 336 x 224 px, 294 patches
        WorkingResolution keep = WorkingResolution.of(451, 300, 224, AspectMode.KEEP);
        assertEquals(337, keep.width());
        String s = ReceptiveFieldReadouts.vit("v", 16, keep);
        assertEquals(true, s.contains("all 21 \u00d7 14 patches (336 \u00d7 224 px, 294 patches)"), s);
        assertEquals("No whole 300 px patch fits the working image, so no token sees anything.",
                ReceptiveFieldReadouts.vit("v", 300, square));
    }

    @Test
    void tokenReadoutNamesItsPatchAndWhatItSees() {
        // Keep aspect: 451 x 300 at 224 -> 337 x 224; 16 px patches: 21 columns x 14 rows cover x < 336.
        WorkingResolution keep = WorkingResolution.of(451, 300, 224, AspectMode.KEEP);
        // A click at original (450, 299) is working (336.3, 223.3): in the 1 px margin right of the grid,
        // so the nearest token, row 13, column 20, whose patch is x 320..336, y 208..224.
        var token = dev.patchexplorer.ui.inference.ReceptiveFieldViewModel.tokenFor(16, keep,
                new dev.patchexplorer.ui.inference.ReceptiveFieldViewModel.ImagePoint(450, 299));
        assertEquals("Token (row 13, column 20) of 14\u00d721 at patch 16: its patch is x 320\u2026336, y 208\u2026224 "
                        + "(working px, end exclusive). Its theoretical field is that one patch right after the embedding, "
                        + "and all 294 patches after any block.",
                ReceptiveFieldReadouts.token(token));
        // Without a click: the centre (168.5, 112) -> column 10, row 7.
        var centre = dev.patchexplorer.ui.inference.ReceptiveFieldViewModel.tokenFor(16, keep, null);
        assertEquals(List.of(7, 10), List.of(centre.row(), centre.column()));
        assertEquals(null, dev.patchexplorer.ui.inference.ReceptiveFieldViewModel.tokenFor(300, keep, null), "no whole patch fits");
        assertEquals("Block 0: the token as the patch embedding makes it", ReceptiveFieldReadouts.vitBlock(0, 12));
        assertEquals("Block 6 of 12: the token as this block outputs it", ReceptiveFieldReadouts.vitBlock(6, 12));
    }
}
