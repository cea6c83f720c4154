package dev.patchexplorer.core.rf;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VitReceptiveFieldTest {

    @Test
    void patchEmbeddingSeesOnePatch() {
        VitReceptiveField vit = new VitReceptiveField(16, 224, 224);
        // row 2, column 3 of a 14x14 grid: x in [48, 64), y in [32, 48)
        assertEquals(new PixelBox(48, 32, 64, 48), vit.tokenField(0, 2, 3));
        assertEquals(1, vit.patchesSeen(0));
        // the same fact through the layer arithmetic: a 16x16/16 conv, no padding
        LayerField f = ReceptiveFieldTable.compute(List.of(vit.patchEmbedding()), 224, 224).last();
        assertEquals(List.of(16, 16, 0, 14), List.of(f.size(), f.stride(), f.padding(), f.outputHeight()));
        assertEquals(vit.tokenField(0, 2, 3), f.unit(2, 3).box());
    }

    @Test
    void afterOneBlockEveryTokenSeesTheWholeGrid() {
        // 230 x 200 with P16: 14 x 12 patches; the 6 + 8 leftover pixels are cropped away.
        VitReceptiveField vit = new VitReceptiveField(16, 230, 200);
        assertEquals(new PixelBox(0, 0, 192, 224), vit.tokenField(1, 0, 0));
        assertEquals(vit.tokenField(1, 0, 0), vit.tokenField(12, 13, 11));
        assertEquals(14 * 12, vit.patchesSeen(1));
    }

    @Test
    void rejectsTokensOutsideTheGrid() {
        VitReceptiveField vit = new VitReceptiveField(16, 224, 224);
        assertThrows(IndexOutOfBoundsException.class, () -> vit.tokenField(0, 14, 0));
        assertThrows(IllegalArgumentException.class, () -> vit.tokenField(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new VitReceptiveField(32, 16, 224));
    }
}
