package dev.patchexplorer.core.rf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Receptive fields of every layer of a sequential stack, for one input size.
 *
 * <p>Recurrences (Araujo et al. 2019, with k' = d (k - 1) + 1 for dilation), from
 * r = 1, S = 1, P = 0 at the input: r += (k' - 1) S; P += p S; S *= s. Residual shortcuts are
 * left out of the stacks on purpose: a shortcut's field is contained in the main path's and
 * shares its centre, so the main path alone gives the block's field.
 */
public record ReceptiveFieldTable(int inputHeight, int inputWidth, List<LayerField> layers) {
    public ReceptiveFieldTable {
        layers = List.copyOf(layers);
    }

    public static ReceptiveFieldTable compute(List<LayerSpec> stack, int inputHeight, int inputWidth) {
        if (inputHeight < 1 || inputWidth < 1) {
            throw new IllegalArgumentException("input must be at least 1x1, got " + inputHeight + "x" + inputWidth);
        }
        List<LayerField> out = new ArrayList<>(stack.size());
        int size = 1, stride = 1, padding = 0, h = inputHeight, w = inputWidth;
        for (LayerSpec l : stack) {
            size = Math.addExact(size, Math.multiplyExact(l.effectiveKernel() - 1, stride));
            padding = Math.addExact(padding, Math.multiplyExact(l.padding(), stride));
            stride = Math.multiplyExact(stride, l.stride());
            h = l.outputSize(h);
            w = l.outputSize(w);
            out.add(new LayerField(l, inputHeight, inputWidth, h, w, size, stride, padding));
        }
        return new ReceptiveFieldTable(inputHeight, inputWidth, out);
    }

    /** One row per block: the field at the block's last layer, i.e. at the block's output. */
    public List<LayerField> blocks() {
        Map<String, LayerField> lastOfBlock = new LinkedHashMap<>();
        layers.forEach(f -> lastOfBlock.put(f.layer().block(), f));
        return List.copyOf(lastOfBlock.values());
    }

    /** The layer named {@code name}, or the output of the block named {@code name}. */
    public LayerField find(String name) {
        for (LayerField f : layers) if (f.layer().name().equals(name)) return f;
        for (LayerField f : blocks()) if (f.layer().block().equals(name)) return f;
        throw new IllegalArgumentException("no layer or block named '" + name + "'");
    }

    public LayerField last() {
        if (layers.isEmpty()) throw new IllegalStateException("empty layer stack");
        return layers.get(layers.size() - 1);
    }
}
