package dev.patchexplorer.core.rf;

/**
 * The receptive field of the units of one layer, relative to the network input
 * (Araujo et al. 2019, eqs. for r0, S0 and P0).
 *
 * @param layer        the layer whose output this describes
 * @param inputHeight  the network input this was computed for
 * @param inputWidth   the network input this was computed for
 * @param outputHeight the layer's output rows at that input (0: input too small)
 * @param outputWidth  the layer's output columns at that input
 * @param size         RF side r0 in input pixels
 * @param stride       effective stride S0: input pixels between neighbouring units
 * @param padding      effective padding P0: how far unit 0's RF starts before pixel 0
 */
public record LayerField(LayerSpec layer, int inputHeight, int inputWidth, int outputHeight, int outputWidth,
                         int size, int stride, int padding) {

    /** Centre of unit {@code u} along one axis, in input pixels: u S0 - P0 + (r0 - 1) / 2. */
    public double centre(int u) {
        return (double) u * stride - padding + (size - 1) / 2.0;
    }

    /** The RF of unit (uy, ux), full and clipped to the input. */
    public UnitField unit(int uy, int ux) {
        if (uy < 0 || uy >= outputHeight || ux < 0 || ux >= outputWidth) {
            throw new IndexOutOfBoundsException(layer.name() + " has " + outputHeight + "x" + outputWidth
                    + " units, no unit (" + uy + ", " + ux + ")");
        }
        int x0 = ux * stride - padding, y0 = uy * stride - padding;
        PixelBox box = new PixelBox(x0, y0, x0 + size, y0 + size);
        return new UnitField(uy, ux, centre(uy), centre(ux), box, box.intersect(PixelBox.image(inputHeight, inputWidth)));
    }
}
