package dev.patchexplorer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.LayerNorm;

/**
 * The few layer functions the architectures need. Each takes the activation first, so that
 * results are attached to the activation's per-call manager, never to the weights' manager
 * (DJL attaches a result to its first operand's manager).
 */
final class Ops {
    private Ops() {}

    static NDArray conv(NDArray x, NDArray weight, NDArray bias, int stride, int padding, int groups) {
        return Conv2d.conv2d(x, weight, bias, new Shape(stride, stride), new Shape(padding, padding), new Shape(1, 1), groups)
                .singletonOrThrow();
    }

    static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return Linear.linear(x, weight, bias).singletonOrThrow();
    }

    static NDArray layerNorm(NDArray x, LayerNormParams p) {
        return LayerNorm.layerNorm(x, new Shape(p.weight().getShape().get(0)), p.weight(), p.bias(), p.eps()).singletonOrThrow();
    }

    static NDArray batchNorm(NDArray x, BatchNormParams p) {
        return BatchNorm.batchNorm(x, p.mean(), p.var(), p.weight(), p.bias(), 1, 0.1f, p.eps(), false).singletonOrThrow();
    }

    static NDArray relu(NDArray x) {
        return Activation.relu(x);
    }

    static NDArray relu6(NDArray x) {
        NDArray r = Activation.relu(x);
        return r.minimum(scalar(r, 6f)); // min(6, relu(x)), like torch.nn.ReLU6 in value
    }

    /**
     * {@code value} as an array that lives as long as {@code like}'s per-call manager. DJL's Number
     * overloads ({@code x.mul(2)}, {@code Activation.relu6}) wrap the number in a temporary array and
     * free it at once, while PyTorch's graph keeps pointing at that memory for the backward pass: a
     * garbage collection between forward and backward then corrupts the gradient (all zeros or NaN).
     */
    static NDArray scalar(NDArray like, float value) {
        return like.getManager().create(value);
    }

    /** Exact (erf) GELU, as PyTorch's default. */
    static NDArray gelu(NDArray x) {
        return Activation.gelu(x);
    }

    record LayerNormParams(NDArray weight, NDArray bias, float eps) {
        static LayerNormParams load(Weights w, String prefix, long dim, float eps) throws ModelLoadException {
            return new LayerNormParams(w.array(prefix + ".weight", dim), w.array(prefix + ".bias", dim), eps);
        }
    }

    record BatchNormParams(NDArray weight, NDArray bias, NDArray mean, NDArray var, float eps) {
        static BatchNormParams load(Weights w, String prefix, long channels) throws ModelLoadException {
            return new BatchNormParams(w.array(prefix + ".weight", channels), w.array(prefix + ".bias", channels),
                    w.array(prefix + ".running_mean", channels), w.array(prefix + ".running_var", channels), 1e-5f);
        }
    }
}
