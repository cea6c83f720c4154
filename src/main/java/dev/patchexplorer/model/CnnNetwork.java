package dev.patchexplorer.model;

import ai.djl.ndarray.NDArray;
import dev.patchexplorer.core.tradeoff.CnnFootprint;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A CNN as named feature stages (each ends on a feature map a receptive-field view can pick)
 * followed by global average pooling and a linear classifier. The builder counts, in {@code footprint},
 * every array a pass creates (see the builders for which), so a pass can be refused before it starts.
 */
record CnnNetwork(List<Stage> stages, NDArray classifierWeight, NDArray classifierBias, int numClasses,
                  CnnFootprint footprint) {

    record Stage(String name, UnaryOperator<NDArray> op) {}

    /** Index of the stage called {@code layer}; a group name ("layer4", "blocks.3") means its last stage. */
    int indexOf(String layer) {
        for (int i = 0; i < stages.size(); i++) if (stages.get(i).name().equals(layer)) return i;
        for (int i = stages.size() - 1; i >= 0; i--) if (stages.get(i).name().startsWith(layer + ".")) return i;
        throw new IllegalArgumentException("no layer '" + layer + "' (layers: "
                + String.join(", ", stages.stream().map(Stage::name).toList()) + ")");
    }

    NDArray features(NDArray x, int lastStage) {
        for (int i = 0; i <= lastStage; i++) x = stages.get(i).op().apply(x);
        return x;
    }

    /**
     * Adds what {@link #logits} creates after the last stage to {@code f}: the features flattened (a view
     * DJL holds as an array: the last stage's channels at its resolution), pooled, and the class scores.
     */
    static void countHead(CnnFootprint.Builder f, int halvings, long channels, int classes) {
        if (classes == 0) return;
        f.hold(halvings, channels).fixed(channels + classes);
    }

    NDArray logits(NDArray x) {
        NDArray f = features(x, stages.size() - 1);
        if (numClasses == 0) return null;
        // mean over H*W in one reduction (the PyTorch engine reduces one axis per call)
        NDArray pooled = f.reshape(f.getShape().get(0), f.getShape().get(1), -1).mean(new int[] {2});
        return Ops.linear(pooled, classifierWeight, classifierBias);
    }
}
