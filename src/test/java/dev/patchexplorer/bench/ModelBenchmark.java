package dev.patchexplorer.bench;

import dev.patchexplorer.core.attention.AttentionRollout;
import dev.patchexplorer.core.attention.HeadFusion;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.ViTOutput;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Not a test: ViT-Ti/16 forward passes with all attention maps copied out, at 197 tokens
 * (224 px) and 785 tokens (448 px), medians over repeated runs. The thread count is fixed when the
 * engine starts, so run once per setting:
 * {@code java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -cp ... dev.patchexplorer.bench.ModelBenchmark [model dir] [runs]}
 */
public final class ModelBenchmark {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/models/vit_tiny_patch16_224.augreg_in21k_ft_in1k");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        String threads = System.getProperty("ai.djl.pytorch.num_threads", "default");
        try (ViTModel vit = (ViTModel) ModelLoader.load(dir)) {
            double t197 = median(vit, 224, runs, false);
            double t785 = median(vit, 448, runs, false);
            double r197 = median(vit, 224, runs, true);
            double r785 = median(vit, 448, runs, true);
            double g197 = medianGradient(vit, runs);
            System.out.printf("threads=%s runs=%d%n", threads, runs);
            System.out.printf("forward + all attention, 197 tokens: %8.1f ms%n", t197);
            System.out.printf("forward + all attention, 785 tokens: %8.1f ms  (%.1fx of 197)%n", t785, t785 / t197);
            System.out.printf("  + rollout, 197 tokens:             %8.1f ms%n", r197);
            System.out.printf("  + rollout, 785 tokens:             %8.1f ms  (%.1fx of 197)%n", r785, r785 / r197);
            System.out.printf("forward + input gradient, 197 tokens:%8.1f ms  (%.1fx of forward)%n", g197, g197 / t197);
        }
    }

    private static ChwImage randomInput(int size) {
        Random r = new Random(size);
        float[] data = new float[3 * size * size];
        for (int i = 0; i < data.length; i++) data[i] = (float) r.nextGaussian();
        return new ChwImage(3, size, size, data);
    }

    private static double median(ViTModel vit, int size, int runs, boolean rollout) throws Exception {
        ChwImage input = randomInput(size);
        double[] ms = new double[runs];
        for (int i = -3; i < runs; i++) { // 3 warm-up runs
            long t0 = System.nanoTime();
            ViTOutput out = vit.forward(input, 16);
            if (rollout) AttentionRollout.classToken(out.attention(), out.layout(), HeadFusion.MEAN);
            if (i >= 0) ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return median(ms);
    }

    private static double medianGradient(ViTModel vit, int runs) throws Exception {
        ChwImage input = randomInput(224);
        double[] ms = new double[runs];
        for (int i = -3; i < runs; i++) {
            long t0 = System.nanoTime();
            vit.inputGradTop1(input, 16);
            if (i >= 0) ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return median(ms);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
