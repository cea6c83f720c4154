package dev.patchexplorer.bench;

import ai.djl.pytorch.jni.JniUtils;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.model.CnnModel;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Not a test: the cost of one gradient map (forward + backward) against one forward pass, for
 * MobileNetV2 and ViT-Ti/16 at 224 px, with 1 and 2 intra-op threads; medians after warm-up, and
 * the ratio gradient / forward (the target: under 3x). The thread count is switched in
 * process with libtorch's set_num_threads (DJL's {@code JniUtils.setNumThreads}; at start-up the
 * same comes from {@code -Dai.djl.pytorch.num_threads}).
 * <p>{@code java -Dai.djl.offline=true -cp ... dev.patchexplorer.bench.GradientBenchmark [models dir] [runs]}
 */
public final class GradientBenchmark {
    private static final int WARM_UP = 3;

    interface Pass {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args.length > 0 ? args[0] : "../shared/models");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        ChwImage input = randomInput(224);
        try (CnnModel cnn = (CnnModel) ModelLoader.load(models.resolve("mobilenetv2_100.dequant_in1k"));
             ViTModel vit = (ViTModel) ModelLoader.load(models.resolve("vit_tiny_patch16_224.augreg_in21k_ft_in1k"))) {
            for (int threads : new int[] {1, 2}) {
                JniUtils.setNumThreads(threads);
                System.out.printf(Locale.ROOT, "%nthreads=%d (libtorch reports %d), runs=%d, 224x224%n", threads, JniUtils.getNumThreads(), runs);
                Pass cnnForward = () -> cnn.forward(input);
                compare("MobileNetV2", runs, cnnForward, "ERF of conv_head's centre unit", () -> cnn.erfGradientAtCentre(input, "conv_head"));
                compare("MobileNetV2", runs, cnnForward, "ERF of blocks.3.1's centre unit", () -> cnn.erfGradientAtCentre(input, "blocks.3.1"));
                compare("MobileNetV2", runs, cnnForward, "input gradient of the top-1 logit", () -> cnn.inputGradTop1(input));
                Pass vitForward = () -> vit.logits(input, 16);
                compare("ViT-Ti/16", runs, vitForward, "forward + all attention maps", () -> vit.forward(input, 16));
                compare("ViT-Ti/16", runs, vitForward, "token ERF after block 12", () -> vit.tokenGradient(input, 16, 12, 7, 7));
                compare("ViT-Ti/16", runs, vitForward, "token ERF after block 1", () -> vit.tokenGradient(input, 16, 1, 7, 7));
                compare("ViT-Ti/16", runs, vitForward, "input gradient of the top-1 logit", () -> vit.inputGradTop1(input, 16));
            }
        }
    }

    /**
     * Forward and gradient passes alternate, so that both see the same machine load (this harness often
     * runs on a shared machine); prints both medians and the median of the per-pair ratios.
     */
    private static void compare(String model, int runs, Pass forward, String name, Pass gradient) throws Exception {
        long[] f = new long[runs], g = new long[runs];
        double[] ratio = new double[runs];
        for (int i = -WARM_UP; i < runs; i++) {
            long t0 = System.nanoTime();
            forward.run();
            long t1 = System.nanoTime();
            gradient.run();
            long t2 = System.nanoTime();
            if (i >= 0) {
                f[i] = t1 - t0;
                g[i] = t2 - t1;
                ratio[i] = (double) g[i] / f[i];
            }
        }
        java.util.Arrays.sort(ratio);
        System.out.printf(Locale.ROOT, "%-12s %-36s forward median %7.1f ms   this %7.1f ms   ratio %.2fx (pairs: median %.2fx)%n",
                model, name, Stats.percentile(f, 0.5), Stats.percentile(g, 0.5),
                Stats.percentile(g, 0.5) / Stats.percentile(f, 0.5), ratio[runs / 2]);
    }

    private static ChwImage randomInput(int size) {
        Random r = new Random(size);
        float[] data = new float[3 * size * size];
        for (int i = 0; i < data.length; i++) data[i] = (float) r.nextGaussian();
        return new ChwImage(3, size, size, data);
    }
}
