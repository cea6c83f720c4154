package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.grid.AspectMode;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.rf.LayerField;
import dev.patchexplorer.core.rf.MobileNetV2Layers;
import dev.patchexplorer.core.rf.PixelBox;
import dev.patchexplorer.core.rf.ReceptiveFieldTable;
import dev.patchexplorer.core.rf.ResNetLayers;
import dev.patchexplorer.core.rf.UnitField;
import dev.patchexplorer.ui.inference.ReceptiveFieldViewModel.ImagePoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Click (original pixels) -> working pixels -> unit -> box, on hand-worked cases in both aspect modes. */
class ReceptiveFieldViewModelTest {

    @Test
    void squashScalesEachAxisOnItsOwn() {
        // 448 x 300 squashed to 224 x 224: 2 original px per working px across, 300/224 down.
        WorkingResolution w = WorkingResolution.of(448, 300, 224, AspectMode.SQUASH);
        LayerField f = ReceptiveFieldTable.compute(MobileNetV2Layers.mobilenetv2_100(), 224, 224).find("blocks.1.0");
        // (200.4, 150) -> working (100.2, 112.0); S 4, P 5, r 11: centre 4u, so u = round(99.7 / 4) = 25, round(111.5 / 4) = 28
        UnitField u = ReceptiveFieldViewModel.unitFor(f, w, new ImagePoint(200.4, 150));
        assertEquals(25, u.ux());
        assertEquals(28, u.uy());
        assertEquals(new PixelBox(95, 107, 106, 118), u.box());
    }

    @Test
    void keepAspectUsesTheRoundedWorkingSize() {
        // 448 x 300 kept at 224 on the short side: 448 * 224 / 300 = 334.5 -> 335 x 224
        WorkingResolution w = WorkingResolution.of(448, 300, 224, AspectMode.KEEP);
        assertEquals(335, w.width());
        LayerField f = ReceptiveFieldTable.compute(MobileNetV2Layers.mobilenetv2_100(), w.height(), w.width()).find("blocks.1.0");
        // (134, 60) -> working (134 * 335 / 448, 60 * 224 / 300) = (100.2, 44.8) -> u = (25, round(44.3 / 4) = 11)
        UnitField u = ReceptiveFieldViewModel.unitFor(f, w, new ImagePoint(134, 60));
        assertEquals(25, u.ux());
        assertEquals(11, u.uy());
        assertEquals(new PixelBox(95, 39, 106, 50), u.box());
        // No click: the unit nearest the working image's centre (167.5, 112) -> (round(167 / 4), round(111.5 / 4)) = (42, 28)
        UnitField centre = ReceptiveFieldViewModel.unitFor(f, w, null);
        assertEquals(42, centre.ux());
        assertEquals(28, centre.uy());
    }

    @Test
    void resNetStemIsCalledStemInTheModel() {
        List<String> model = List.of("stem", "maxpool", "layer1.0", "layer1.1");
        assertEquals("stem", ReceptiveFieldViewModel.modelLayer("conv1", model));
        assertEquals("maxpool", ReceptiveFieldViewModel.modelLayer("maxpool", model));
        assertEquals("layer1.1", ReceptiveFieldViewModel.modelLayer("layer1.1", model));
        assertNull(ReceptiveFieldViewModel.modelLayer("layer4.1", model));
        assertEquals("conv1", ResNetLayers.resnet18().get(0).block());
    }

    @Test
    void nothingToPickWithoutALayer() {
        assertNull(ReceptiveFieldViewModel.unitFor(null, WorkingResolution.of(10, 10, 10, AspectMode.SQUASH), null));
    }
}
