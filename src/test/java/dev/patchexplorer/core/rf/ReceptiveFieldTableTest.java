package dev.patchexplorer.core.rf;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Small stacks worked by hand (pixel i is centred at i; boxes are half-open). */
class ReceptiveFieldTableTest {

    @Test
    void singlePaddedConv() {
        // 3x3/1 p1 on 5x5: r = 1 + 2 = 3, S = 1, P = 1, out = (5 + 2 - 3) / 1 + 1 = 5.
        // Unit 0 reads pixels -1, 0, 1: box [-1, 2), centre 0; inside the image only [0, 2) x [0, 2),
        // so 9 - 4 = 5 of its 9 pixels are padding.
        LayerField f = ReceptiveFieldTable.compute(List.of(LayerSpec.of("c", 3, 1, 1)), 5, 5).last();
        assertEquals(3, f.size());
        assertEquals(1, f.stride());
        assertEquals(1, f.padding());
        assertEquals(5, f.outputHeight());
        UnitField u = f.unit(0, 0);
        assertEquals(new PixelBox(-1, -1, 2, 2), u.box());
        assertEquals(new PixelBox(0, 0, 2, 2), u.insideImage());
        assertEquals(5, u.paddingPixels());
        assertEquals(5 / 9.0, u.paddingFraction(), 1e-12);
        assertEquals(0.0, u.centreX());
    }

    @Test
    void twoStridedConvs() {
        // 3x3/2 p1 twice on 8x8.
        // layer a: r = 3, P = 1, S = 2, out = (8 + 2 - 3) / 2 + 1 = 4.
        // layer b: r = 3 + (3 - 1) * 2 = 7, P = 1 + 1 * 2 = 3, S = 4, out = (4 + 2 - 3) / 2 + 1 = 2.
        // b's unit 1 reads a's units 1..3; a's unit 1 reads pixels 1..3 and unit 3 reads 5..7,
        // so the field is pixels 1..7 = [1, 8), centre 4 = 1 * 4 - 3 + (7 - 1) / 2.
        ReceptiveFieldTable t = ReceptiveFieldTable.compute(
                List.of(LayerSpec.of("a", 3, 2, 1), LayerSpec.of("b", 3, 2, 1)), 8, 8);
        LayerField a = t.find("a"), b = t.find("b");
        assertEquals(List.of(3, 1, 2, 4), List.of(a.size(), a.padding(), a.stride(), a.outputHeight()));
        assertEquals(List.of(7, 3, 4, 2), List.of(b.size(), b.padding(), b.stride(), b.outputHeight()));
        assertEquals(4.0, b.centre(1));
        UnitField u = b.unit(1, 1);
        assertEquals(new PixelBox(1, 1, 8, 8), u.box());
        assertEquals(0, u.paddingPixels());
        // unit 0: [-3, 4), of which columns -3..-1 are padding: 49 - 4 * 4 = 33 padding pixels.
        assertEquals(new PixelBox(-3, -3, 4, 4), b.unit(0, 0).box());
        assertEquals(33, b.unit(0, 0).paddingPixels());
    }

    @Test
    void dilationAfterAStride() {
        // a: 2x2/2 p0 -> r = 2, S = 2, P = 0, out(8) = (8 - 2) / 2 + 1 = 4.
        // b: 3x3 d2 p2 -> k' = 2 * (3 - 1) + 1 = 5; r = 2 + (5 - 1) * 2 = 10, P = 0 + 2 * 2 = 4,
        //    S = 2, out = (4 + 4 - 5) / 1 + 1 = 4.
        // b's unit 0 reads a's units -2, 0, 2; a's unit -2 covers pixels -4, -3 and unit 2 covers 4, 5,
        // so the field is [-4, 6), 10 pixels, centre (-4 + 5) / 2 = 0.5.
        ReceptiveFieldTable t = ReceptiveFieldTable.compute(
                List.of(LayerSpec.of("a", 2, 2, 0), LayerSpec.of("b", 3, 1, 2).withDilation(2)), 8, 8);
        LayerField b = t.last();
        assertEquals(5, b.layer().effectiveKernel());
        assertEquals(List.of(10, 2, 4, 4), List.of(b.size(), b.stride(), b.padding(), b.outputWidth()));
        assertEquals(0.5, b.centre(0));
        assertEquals(new PixelBox(-4, -4, 6, 6), b.unit(0, 0).box());
    }

    @Test
    void rectangularInputKeepsBothOutputSizes() {
        // 7x7/2 p3 on 100 rows x 60 columns: (100 + 6 - 7) / 2 + 1 = 50, (60 + 6 - 7) / 2 + 1 = 30.
        LayerField f = ReceptiveFieldTable.compute(List.of(LayerSpec.of("c", 7, 2, 3)), 100, 60).last();
        assertEquals(50, f.outputHeight());
        assertEquals(30, f.outputWidth());
        // last column unit 29: x0 = 29 * 2 - 3 = 55, box [55, 62): 2 of its 7 columns are padding.
        UnitField u = f.unit(0, 29);
        assertEquals(new PixelBox(55, -3, 62, 4), u.box());
        assertEquals(new PixelBox(55, 0, 60, 4), u.insideImage());
    }

    @Test
    void inputSmallerThanKernelGivesNoUnits() {
        // 7x7 unpadded on 5 pixels: no position fits; every later layer has none either.
        ReceptiveFieldTable t = ReceptiveFieldTable.compute(
                List.of(LayerSpec.of("big", 7, 1, 0), LayerSpec.of("next", 3, 1, 1)), 5, 5);
        assertEquals(0, t.find("big").outputHeight());
        assertEquals(0, t.find("next").outputHeight());
        assertThrows(IndexOutOfBoundsException.class, () -> t.last().unit(0, 0));
    }

    @Test
    void blocksReportTheirLastLayerAndFindAcceptsBlockNames() {
        ReceptiveFieldTable t = ReceptiveFieldTable.compute(List.of(
                LayerSpec.of("stem", 3, 2, 1),
                LayerSpec.in("b.0", "conv1", 3, 1, 1),
                LayerSpec.in("b.0", "conv2", 3, 1, 1)), 32, 32);
        assertEquals(List.of("stem", "b.0.conv2"), t.blocks().stream().map(f -> f.layer().name()).toList());
        assertEquals("b.0.conv2", t.find("b.0").layer().name());
        // stem r = 3, S = 2; each 3x3/1 adds 2 * 2: 7, then 11
        assertEquals(11, t.find("b.0").size());
        assertThrows(IllegalArgumentException.class, () -> t.find("nope"));
    }

    @Test
    void rejectsImpossibleLayersAndInputs() {
        assertThrows(IllegalArgumentException.class, () -> LayerSpec.of("c", 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> LayerSpec.of("c", 3, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> LayerSpec.of("c", 3, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> LayerSpec.of("c", 3, 1, 1).withDilation(0));
        assertThrows(IllegalArgumentException.class,
                () -> ReceptiveFieldTable.compute(List.of(LayerSpec.of("c", 3, 1, 1)), 0, 5));
    }
}
