package dev.patchexplorer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.tradeoff.CnnFootprint;
import dev.patchexplorer.core.tradeoff.MemoryBudget;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.tradeoff.PassMemory;

import java.util.List;
import java.util.function.Supplier;

/**
 * A convolutional classifier (MobileNetV2, ResNet) run with DJL NDArray ops, at any input size.
 * Its feature layers have names ({@link #layerNames()}) so that a receptive-field view can ask for
 * the effective receptive field of any of them. Thread-safe like {@link ViTModel}.
 */
public final class CnnModel implements VisionModel {
    private final ModelConfig config;
    private final Weights weights;
    private final CnnNetwork net;
    private volatile Supplier<MemoryBudget> budget = SystemMemory::budget;

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
        checkInput(PassKind.LOGITS, input.width(), input.height());
        try (NDManager m = weights.manager().newSubManager()) {
            NDArray logits = net.logits(m.create(input.data(), shapeOf(input)));
            return new CnnOutput(logits == null ? new float[0] : NonFiniteOutputException.requireFinite(logits.toFloatArray(), weights));
        }
    }

    /** What a pass holds, counted while the network was built: lets a pass be refused before it starts. */
    public CnnFootprint footprint() {
        return net.footprint();
    }

    /**
     * Refuses a pass of {@code kind} on a workW x workH input that would not fit this machine's memory,
     * naming the largest working size that fits. Callers check before preparing the input; every pass
     * checks again on its own input.
     */
    public void checkMemory(PassKind kind, int workW, int workH) throws CnnPassTooLargeException {
        MemoryBudget b = budget.get();
        PassMemory pass = net.footprint().pass(kind, workH, workW);
        if (!b.fits(pass)) {
            throw new CnnPassTooLargeException(kind, pass, b, Math.max(workW, workH),
                    net.footprint().largestFittingSize(kind, workW, workH, b));
        }
    }

    /** The pass's own check, unchecked because the passes' callers already check with {@link #checkMemory}. */
    private void checkInput(PassKind kind, int width, int height) {
        try {
            checkMemory(kind, width, height);
        } catch (CnnPassTooLargeException e) {
            throw new PassRefusedException(e);
        }
    }

    /** Replaces the machine's budget, for tests that refuse a small pass without needing a small machine. */
    void useBudget(Supplier<MemoryBudget> budget) {
        this.budget = budget;
    }

    /** Bytes of the arrays a logits pass holds in its manager when it ends: for tests that check {@link #footprint()}. */
    long forwardHeldBytes(ChwImage input) {
        try (NDManager m = weights.manager().newSubManager()) {
            net.logits(m.create(input.data(), shapeOf(input)));
            return HeldArrays.bytes(m);
        }
    }

    /** Size {height, width} of a layer's feature map for an input of the given size. */
    public int[] featureSize(String layer, int height, int width) {
        int last = net.indexOf(layer);
        checkInput(PassKind.LOGITS, width, height);
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
        checkInput(PassKind.GRADIENT, input.width(), input.height());
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
        checkInput(PassKind.GRADIENT, input.width(), input.height());
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
