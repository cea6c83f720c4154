package dev.patchexplorer.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MobileNetV2 (timm layout, as {@link MobileNetV2Builder} reads it) in plain double-precision Java,
 * forward and input-gradient backward written out by hand: an implementation that shares no code
 * and no arithmetic with the DJL one, for gradient parity tests. ReLU6 passes gradient where
 * 0 &lt; x &lt; 6 (PyTorch's hardtanh backward). Each instance keeps the activations of its last
 * forward pass, so it is for one thread.
 */
final class MobileNetV2Reference {
    private static final int[] STAGE_STRIDES = {1, 2, 2, 2, 1, 2, 1};

    /** A C x H x W activation in double precision. */
    record Map3(int c, int h, int w, double[] v) {
        Map3(int c, int h, int w) {
            this(c, h, w, new double[c * h * w]);
        }
    }

    private interface Layer {
        Map3 forward(Map3 x);

        /** Gradient with respect to this layer's last input, from the gradient with respect to its output. */
        Map3 backward(Map3 g);
    }

    private final List<Layer> features = new ArrayList<>();
    private final List<Relu6> activations = new ArrayList<>();
    private final double[] classifierWeight;
    private final double[] classifierBias;
    private final int classes;
    private Map3 lastFeatures;

    MobileNetV2Reference(Path modelDir) throws ModelLoadException {
        SafetensorsFile f = SafetensorsFile.open(modelDir.resolve("model.safetensors"));
        int stem = (int) f.info("conv_stem.weight").shape()[0];
        features.add(new Conv(f, "conv_stem", 2, 1, false));
        features.add(new Affine(f, "bn1"));
        features.add(relu("bn1"));
        int in = stem;
        for (int s = 0; f.has("blocks." + s + ".0.conv_dw.weight"); s++) {
            for (int i = 0; f.has("blocks." + s + "." + i + ".conv_dw.weight"); i++) {
                String p = "blocks." + s + "." + i + ".";
                int stride = i == 0 ? STAGE_STRIDES[s] : 1;
                List<Layer> body = new ArrayList<>();
                int out;
                if (f.has(p + "conv_pwl.weight")) {
                    out = (int) f.info(p + "conv_pwl.weight").shape()[0];
                    body.add(new Conv(f, p + "conv_pw", 1, 0, false));
                    body.add(new Affine(f, p + "bn1"));
                    body.add(relu(p + "bn1"));
                    body.add(new Conv(f, p + "conv_dw", stride, 1, true));
                    body.add(new Affine(f, p + "bn2"));
                    body.add(relu(p + "bn2"));
                    body.add(new Conv(f, p + "conv_pwl", 1, 0, false));
                    body.add(new Affine(f, p + "bn3"));
                } else {
                    out = (int) f.info(p + "conv_pw.weight").shape()[0];
                    body.add(new Conv(f, p + "conv_dw", stride, 1, true));
                    body.add(new Affine(f, p + "bn1"));
                    body.add(relu(p + "bn1"));
                    body.add(new Conv(f, p + "conv_pw", 1, 0, false));
                    body.add(new Affine(f, p + "bn2"));
                }
                features.add(new Block(body, stride == 1 && in == out));
                in = out;
            }
        }
        features.add(new Conv(f, "conv_head", 1, 0, false));
        features.add(new Affine(f, "bn2"));
        features.add(relu("bn2"));
        classes = (int) f.info("classifier.weight").shape()[0];
        classifierWeight = doubles(f.floats("classifier.weight"));
        classifierBias = doubles(f.floats("classifier.bias"));
    }

    private Relu6 relu(String after) {
        Relu6 r = new Relu6(after);
        activations.add(r);
        return r;
    }

    /** Logits of one image; keeps the activations for a following gradient call. */
    double[] logits(Map3 input) {
        Map3 x = input;
        for (Layer l : features) x = l.forward(x);
        lastFeatures = x;
        int plane = x.h() * x.w();
        double[] logits = classifierBias.clone();
        for (int k = 0; k < classes; k++) {
            for (int c = 0; c < x.c(); c++) {
                double mean = 0;
                for (int i = 0; i < plane; i++) mean += x.v()[c * plane + i];
                logits[k] += classifierWeight[k * x.c() + c] * mean / plane;
            }
        }
        return logits;
    }

    /** d logit[k] / d input for the input of the last {@link #logits} call. */
    Map3 logitGradient(int k) {
        Map3 f = lastFeatures;
        int plane = f.h() * f.w();
        Map3 g = new Map3(f.c(), f.h(), f.w());
        for (int c = 0; c < f.c(); c++) {
            for (int i = 0; i < plane; i++) g.v()[c * plane + i] = classifierWeight[k * f.c() + c] / plane;
        }
        return backward(g);
    }

    /** d (sum over channels of the final feature map at (y, x)) / d input, for the last {@link #logits} input. */
    Map3 centreUnitGradient(int y, int x) {
        Map3 f = lastFeatures;
        Map3 g = new Map3(f.c(), f.h(), f.w());
        for (int c = 0; c < f.c(); c++) g.v()[(c * f.h() + y) * f.w() + x] = 1;
        return backward(g);
    }

    /** The input of the ReLU6 after batch norm {@code bn} (e.g. "blocks.4.1.bn2") in the last forward pass. */
    double preActivation(String bn, int c, int y, int x) {
        Map3 in = activation(bn).lastInput;
        return in.v()[(c * in.h() + y) * in.w() + x];
    }

    /** Makes that ReLU6's backward pass gradient at one unit as if its input had been just above 0 (or stop, and back). */
    void flipGate(String bn, int c, int y, int x) {
        activation(bn).flipped = new int[] {c, y, x};
    }

    private Relu6 activation(String bn) {
        return activations.stream().filter(r -> r.after.equals(bn)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ReLU6 after " + bn));
    }

    private Map3 backward(Map3 g) {
        for (int i = features.size() - 1; i >= 0; i--) g = features.get(i).backward(g);
        return g;
    }

    private static double[] doubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    /** Convolution without bias: dense (groups = 1) or depthwise (one filter per channel). */
    private static final class Conv implements Layer {
        final double[] w;
        final int out, in, k, stride, pad;
        final boolean depthwise;
        int inH, inW;

        Conv(SafetensorsFile f, String name, int stride, int pad, boolean depthwise) {
            long[] s = f.info(name + ".weight").shape();
            this.w = doubles(f.floats(name + ".weight"));
            this.out = (int) s[0];
            this.in = depthwise ? out : (int) s[1];
            this.k = (int) s[2];
            this.stride = stride;
            this.pad = pad;
            this.depthwise = depthwise;
        }

        private double weight(int o, int i, int ky, int kx) {
            return depthwise ? w[(o * k + ky) * k + kx] : w[((o * in + i) * k + ky) * k + kx];
        }

        @Override
        public Map3 forward(Map3 x) {
            inH = x.h();
            inW = x.w();
            int oh = (inH + 2 * pad - k) / stride + 1, ow = (inW + 2 * pad - k) / stride + 1;
            Map3 y = new Map3(out, oh, ow);
            for (int o = 0; o < out; o++) {
                for (int i = depthwise ? o : 0; i < (depthwise ? o + 1 : in); i++) {
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            double wt = weight(o, i, ky, kx);
                            for (int r = 0; r < oh; r++) {
                                int sy = r * stride + ky - pad;
                                if (sy < 0 || sy >= inH) continue;
                                int src = (i * inH + sy) * inW, dst = (o * oh + r) * ow;
                                for (int q = 0; q < ow; q++) {
                                    int sx = q * stride + kx - pad;
                                    if (sx >= 0 && sx < inW) y.v()[dst + q] += wt * x.v()[src + sx];
                                }
                            }
                        }
                    }
                }
            }
            return y;
        }

        @Override
        public Map3 backward(Map3 g) {
            Map3 gx = new Map3(in, inH, inW);
            int oh = g.h(), ow = g.w();
            for (int o = 0; o < out; o++) {
                for (int i = depthwise ? o : 0; i < (depthwise ? o + 1 : in); i++) {
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            double wt = weight(o, i, ky, kx);
                            for (int r = 0; r < oh; r++) {
                                int sy = r * stride + ky - pad;
                                if (sy < 0 || sy >= inH) continue;
                                int dst = (i * inH + sy) * inW, src = (o * oh + r) * ow;
                                for (int q = 0; q < ow; q++) {
                                    int sx = q * stride + kx - pad;
                                    if (sx >= 0 && sx < inW) gx.v()[dst + sx] += wt * g.v()[src + q];
                                }
                            }
                        }
                    }
                }
            }
            return gx;
        }
    }

    /** Eval-mode batch norm as a per-channel scale and shift. */
    private static final class Affine implements Layer {
        final double[] scale, shift;

        Affine(SafetensorsFile f, String bn) {
            double[] w = doubles(f.floats(bn + ".weight")), b = doubles(f.floats(bn + ".bias"));
            double[] mean = doubles(f.floats(bn + ".running_mean")), var = doubles(f.floats(bn + ".running_var"));
            scale = new double[w.length];
            shift = new double[w.length];
            for (int c = 0; c < w.length; c++) {
                scale[c] = w[c] / Math.sqrt(var[c] + 1e-5);
                shift[c] = b[c] - mean[c] * scale[c];
            }
        }

        @Override
        public Map3 forward(Map3 x) {
            Map3 y = new Map3(x.c(), x.h(), x.w());
            int plane = x.h() * x.w();
            for (int i = 0; i < x.v().length; i++) y.v()[i] = x.v()[i] * scale[i / plane] + shift[i / plane];
            return y;
        }

        @Override
        public Map3 backward(Map3 g) {
            Map3 gx = new Map3(g.c(), g.h(), g.w());
            int plane = g.h() * g.w();
            for (int i = 0; i < g.v().length; i++) gx.v()[i] = g.v()[i] * scale[i / plane];
            return gx;
        }
    }

    private static final class Relu6 implements Layer {
        final String after;
        Map3 lastInput;
        int[] flipped;

        Relu6(String after) {
            this.after = after;
        }

        @Override
        public Map3 forward(Map3 x) {
            lastInput = x;
            Map3 y = new Map3(x.c(), x.h(), x.w());
            for (int i = 0; i < x.v().length; i++) y.v()[i] = Math.min(6, Math.max(0, x.v()[i]));
            return y;
        }

        @Override
        public Map3 backward(Map3 g) {
            Map3 gx = new Map3(g.c(), g.h(), g.w());
            int flip = flipped == null ? -1 : (flipped[0] * g.h() + flipped[1]) * g.w() + flipped[2];
            for (int i = 0; i < g.v().length; i++) {
                double x = lastInput.v()[i];
                boolean open = x > 0 && x < 6;
                if (i == flip) open = !open;
                gx.v()[i] = open ? g.v()[i] : 0;
            }
            return gx;
        }
    }

    /** A block body with an optional identity shortcut. */
    private record Block(List<Layer> body, boolean residual) implements Layer {
        @Override
        public Map3 forward(Map3 x) {
            Map3 y = x;
            for (Layer l : body) y = l.forward(y);
            if (residual) for (int i = 0; i < y.v().length; i++) y.v()[i] += x.v()[i];
            return y;
        }

        @Override
        public Map3 backward(Map3 g) {
            Map3 gx = g;
            for (int i = body.size() - 1; i >= 0; i--) gx = body.get(i).backward(gx);
            if (residual) for (int i = 0; i < gx.v().length; i++) gx.v()[i] += g.v()[i];
            return gx;
        }
    }
}
