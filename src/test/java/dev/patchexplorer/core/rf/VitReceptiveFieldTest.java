package dev.patchexplorer.core.rf;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aPointBelongsToThePatchThatCoversIt() {
        // 230 (high) x 200 (wide) with P16: 14 rows x 12 columns covering x < 192, y < 224.
        VitReceptiveField vit = new VitReceptiveField(16, 230, 200);
        assertEquals(new VitReceptiveField.Token(0, 0), vit.tokenAt(0, 0));
        assertEquals(new VitReceptiveField.Token(0, 0), vit.tokenAt(15.99, 15.99));
        // x = 16 is the first pixel of column 1; y = 47.5 lies in pixel 47, the last of row 2.
        assertEquals(new VitReceptiveField.Token(2, 1), vit.tokenAt(16, 47.5));
        assertEquals(new VitReceptiveField.Token(3, 1), vit.tokenAt(16, 48));
        // Every point's token field at block 0 holds the point.
        for (double x = 0; x < 192; x += 7.3) {
            for (double y = 0; y < 224; y += 5.1) {
                VitReceptiveField.Token t = vit.tokenAt(x, y);
                PixelBox b = vit.tokenField(0, t.row(), t.column());
                assertTrue(x >= b.x0() && x < b.x1() && y >= b.y0() && y < b.y1(), x + "," + y + " not in " + b);
            }
        }
        // The margin the grid leaves out (x >= 192 or y >= 224) goes to the nearest token.
        assertEquals(new VitReceptiveField.Token(13, 11), vit.tokenAt(199.5, 229.5));
        assertEquals(new VitReceptiveField.Token(0, 0), vit.tokenAt(-3, -3));
        assertThrows(IllegalArgumentException.class, () -> vit.tokenAt(Double.NaN, 3));
    }

    @Test
    void rejectsTokensOutsideTheGrid() {
        VitReceptiveField vit = new VitReceptiveField(16, 224, 224);
        assertThrows(IndexOutOfBoundsException.class, () -> vit.tokenField(0, 14, 0));
        assertThrows(IllegalArgumentException.class, () -> vit.tokenField(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new VitReceptiveField(32, 16, 224));
    }
}
