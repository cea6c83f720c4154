package dev.patchexplorer.core.rf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchCoverageTest {
    private final ReceptiveFieldTable resnet18 = ReceptiveFieldTable.compute(ResNetLayers.resnet18(), 224, 224);

    @Test
    void spanInPatches() {
        // final RF 435 px = 27.1875 patches of 16 px
        PatchCoverage.PatchSpan span = PatchCoverage.span(resnet18.last(), 16);
        assertEquals(435 / 16.0, span.across(), 1e-12);
        assertEquals(span.across(), span.down(), 1e-12);
        // a corner unit's field clipped to the image: layer4.1 unit (0, 0) covers [-217, 218), inside [0, 218)
        UnitField corner = resnet18.last().unit(0, 0);
        assertEquals(new PixelBox(0, 0, 218, 218), corner.insideImage());
        assertEquals(218 / 16.0, PatchCoverage.span(corner.insideImage(), 16).across(), 1e-12);
    }

    @Test
    void firstLayerCoveringAPatch() {
        // blocks: conv1 7, maxpool 11, layer1.0 27 -> first at least 16 wide is layer1.0;
        // at 32: layer1.1 (43); at 16 over every conv: layer1.0.conv1 = 11 + 2*4 = 19.
        assertEquals("layer1.0", PatchCoverage.firstCoveringPatch(resnet18.blocks(), 16).orElseThrow().layer().block());
        assertEquals("layer1.1", PatchCoverage.firstCoveringPatch(resnet18.blocks(), 32).orElseThrow().layer().block());
        assertEquals("layer1.0.conv1", PatchCoverage.firstCoveringPatch(resnet18.layers(), 16).orElseThrow().layer().name());
        assertTrue(PatchCoverage.firstCoveringPatch(resnet18.blocks(), 436).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> PatchCoverage.span(resnet18.last(), 0));
    }
}
