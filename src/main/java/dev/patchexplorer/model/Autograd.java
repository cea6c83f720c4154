package dev.patchexplorer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.patchexplorer.core.image.ChwImage;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Input gradients through plain NDArray ops. DJL's PyTorch GradientCollector allows one collector
 * per process at a time, so every gradient pass takes this one lock.
 */
final class Autograd {
    private static final ReentrantLock LOCK = new ReentrantLock();

    interface Network {
        /** Runs the network on x in manager m and returns the scalar or vector to differentiate. */
        NDArray apply(NDManager m, NDArray x);
    }

    private Autograd() {}

    /** Non-finite logits or gradients throw {@link NonFiniteOutputException}, naming what the weights hold. */
    static InputGradient inputGradient(Weights weights, ChwImage input, int classIndex, Network net) {
        LOCK.lock();
        try (NDManager m = weights.manager().newSubManager();
             GradientCollector gc = m.getEngine().newGradientCollector()) {
            NDArray x = m.create(input.data(), new Shape(1, input.channels(), input.height(), input.width()));
            x.setRequiresGradient(true);
            NDArray logits = net.apply(m, x);
            float[] values = NonFiniteOutputException.requireFinite(logits.toFloatArray(), weights);
            int cls = classIndex >= 0 ? classIndex : argmax(values);
            if (cls >= values.length) throw new IllegalArgumentException("class " + cls + " of " + values.length);
            gc.backward(logits.get(0, cls));
            return new InputGradient(cls, values, gradientOf(x, input, weights));
        } finally {
            LOCK.unlock();
        }
    }

    /** Gradient of whatever scalar {@code target} computes from the input. */
    static ChwImage scalarGradient(Weights weights, ChwImage input, Network target) {
        LOCK.lock();
        try (NDManager m = weights.manager().newSubManager();
             GradientCollector gc = m.getEngine().newGradientCollector()) {
            NDArray x = m.create(input.data(), new Shape(1, input.channels(), input.height(), input.width()));
            x.setRequiresGradient(true);
            NDArray value = target.apply(m, x);
            NonFiniteOutputException.requireFinite(value.getFloat(), weights);
            gc.backward(value);
            return gradientOf(x, input, weights);
        } finally {
            LOCK.unlock();
        }
    }

    private static ChwImage gradientOf(NDArray x, ChwImage like, Weights weights) {
        float[] gradient = NonFiniteOutputException.requireFinite(x.getGradient().toFloatArray(), weights);
        return new ChwImage(like.channels(), like.height(), like.width(), gradient);
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }
}
