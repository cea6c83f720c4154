package dev.patchexplorer.core.rf;

import java.util.Objects;

/**
 * One convolution or pooling window. Square: the same kernel, stride, padding and dilation
 * on both axes, which holds for every architecture built here; the input may still be
 * rectangular. Padding is added on both sides (PyTorch-style symmetric padding).
 *
 * @param name  the module path as timm names it, e.g. {@code "layer2.0.conv2"}
 * @param block the unit a user picks this layer by, e.g. {@code "layer2.0"}; equal to
 *              {@code name} for a layer that stands alone, e.g. {@code "conv1"}
 */
public record LayerSpec(String name, String block, int kernel, int stride, int padding, int dilation) {
    public LayerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(block, "block");
        if (kernel < 1 || stride < 1 || padding < 0 || dilation < 1) {
            throw new IllegalArgumentException(name + ": need kernel >= 1, stride >= 1, padding >= 0, dilation >= 1, got k="
                    + kernel + " s=" + stride + " p=" + padding + " d=" + dilation);
        }
    }

    /** An undilated layer that is its own block. */
    public static LayerSpec of(String name, int kernel, int stride, int padding) {
        return new LayerSpec(name, name, kernel, stride, padding, 1);
    }

    /** An undilated layer {@code block + "." + op} inside a block. */
    public static LayerSpec in(String block, String op, int kernel, int stride, int padding) {
        return new LayerSpec(block + "." + op, block, kernel, stride, padding, 1);
    }

    public LayerSpec withDilation(int d) {
        return new LayerSpec(name, block, kernel, stride, padding, d);
    }

    /** Span of the dilated kernel in its input: k' = d (k - 1) + 1. */
    public int effectiveKernel() {
        return dilation * (kernel - 1) + 1;
    }

    /** floor((in + 2p - k') / s) + 1, or 0 when the padded input is smaller than the kernel. */
    public int outputSize(int inputSize) {
        int span = inputSize + 2 * padding - effectiveKernel();
        return inputSize <= 0 || span < 0 ? 0 : span / stride + 1;
    }
}
