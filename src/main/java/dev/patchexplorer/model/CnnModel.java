package dev.patchexplorer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.patchexplorer.core.image.ChwImage;

import java.util.List;

/**
 * A convolutional classifier (MobileNetV2, ResNet) run with DJL NDArray ops, at any input size.
 * Its feature layers have names ({@link #layerNames()}) so that a receptive-field view can ask for
 * the effective receptive field of any of them. Thread-safe like {@link ViTModel}.
 */
public final class CnnModel implements VisionModel {
    private final ModelConfig config;
    private final Weights weights;
    private final CnnNetwork net;

    CnnModel(ModelConfig config, Weights weights, CnnNetwork net) {
        this.config = config;
        this.weights = weights;
        this.net = net;
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public int numClasses() {
        return net.numClasses();
    }

    /** Learned parameters of the checkpoint (batch-norm running statistics are not counted), as PyTorch counts them. */
    public long parameterCount() {
        return weights.parameterCount();
    }

    /**
     * Feature layers in forward order, e.g. "conv_stem", "blocks.3.2", "conv_head" (MobileNetV2) or
     * "conv1", "maxpool", "layer4.1" (ResNet). A group name such as "blocks.3" or "layer4" is also
     * accepted where a layer is asked for, and means the last layer of that group. Each name is also a
     * layer or block name of {@code core.rf.CnnLayers.forArchitecture(config().architecture())}, so
     * {@code ReceptiveFieldTable.find(name)} gives its theoretical receptive field.
     */
    public List<String> layerNames() {
        return net.stages().stream().map(CnnNetwork.Stage::name).toList();
    }

    /** The entry of {@link #layerNames()} that {@code layer} means ("layer4" gives "layer4.1"). */
    public String resolveLayer(String layer) {
        return net.stages().get(net.indexOf(layer)).name();
    }

    public CnnOutput forward(ChwImage input) {
        try (NDManager m = weights.manager().newSubManager()) {
            NDArray logits = net.logits(m.create(input.data(), shapeOf(input)));
            return new CnnOutput(logits == null ? new float[0] : NonFiniteOutputException.requireFinite(logits.toFloatArray(), weights));
        }
    }

    /** Size {height, width} of a layer's feature map for an input of the given size. */
    public int[] featureSize(String layer, int height, int width) {
        int last = net.indexOf(layer);
        try (NDManager m = weights.manager().newSubManager()) {
            Shape s = net.features(m.zeros(new Shape(1, 3, height, width)), last).getShape();
            return new int[] {(int) s.get(2), (int) s.get(3)};
        }
    }

    public InputGradient inputGradTop1(ChwImage input) {
        return inputGradient(input, -1);
    }

    /** d logit[classIndex] / d input; -1 picks the top-1 class of this pass. */
    public InputGradient inputGradient(ChwImage input, int classIndex) {
        if (net.numClasses() == 0) throw new IllegalStateException(config.architecture() + " has no classifier");
        return Autograd.inputGradient(weights, input, classIndex, (m, x) -> net.logits(x));
    }

    /** Effective receptive field of unit (y, x) of {@code layer}'s feature map. */
    public ErfGradient erfGradient(ChwImage input, String layer, int y, int x) {
        return erf(input, layer, y, x);
    }

    /** Effective receptive field of the centre unit (h / 2, w / 2) of {@code layer}'s feature map. */
    public ErfGradient erfGradientAtCentre(ChwImage input, String layer) {
        return erf(input, layer, -1, -1);
    }

    private ErfGradient erf(ChwImage input, String layer, int y, int x) {
        int last = net.indexOf(layer);
        int[] size = new int[2];
        int[] at = {y, x};
        ChwImage grad = Autograd.scalarGradient(weights, input, (m, in) -> {
            NDArray f = net.features(in, last);
            size[0] = (int) f.getShape().get(2);
            size[1] = (int) f.getShape().get(3);
            if (at[0] < 0) {
                at[0] = size[0] / 2;
                at[1] = size[1] / 2;
            }
            if (at[0] >= size[0] || at[1] >= size[1]) {
                throw new IllegalArgumentException("position (" + at[0] + ", " + at[1] + ") outside the "
                        + size[0] + "x" + size[1] + " map of " + layer);
            }
            return f.get(new NDIndex("0, :, {}, {}", at[0], at[1])).sum();
        });
        return new ErfGradient(layer, size[0], size[1], at[0], at[1], grad);
    }

    private static Shape shapeOf(ChwImage input) {
        return new Shape(1, input.channels(), input.height(), input.width());
    }

    @Override
    public void close() {
        weights.close();
    }
}
