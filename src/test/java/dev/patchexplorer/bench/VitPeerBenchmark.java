package dev.patchexplorer.bench;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.model.EngineThreads;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: our ViT-Ti/16 forward pass with every layer's attention copied out, at 197 tokens
 * (224 px) and 785 tokens (448 px), with 1 and 2 engine threads; and in the same run, when a
 * {@code python3} with torch and numpy is found, the same cases in our PyTorch eager ViT
 * ({@code src/test/python/vit_tiny_eager.py}, checked against the golden tensors first), with the
 * ratio Java / PyTorch. It installs nothing: without torch it says so and times Java alone.
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.patchexplorer.bench.VitPeerBenchmark \
 *     [-Dexec.args="MODEL_DIR RUNS"] [-Dpatchexplorer.python=/usr/bin/python3] [-Dbench.threads=1,2]
 * </pre>
 */
public final class VitPeerBenchmark {
    private static final String SCRIPT = "src/test/python/vit_tiny_eager.py";
    private static final int[] SIZES = {224, 448};
    private static final int WARMUP = 3;
    private static final Pattern RESULT = Pattern.compile(
            "RESULT impl=pytorch threads=(\\d+) tokens=(\\d+) runs=\\d+ median_ms=([\\d.]+) p25_ms=([\\d.]+) p75_ms=([\\d.]+) min_ms=([\\d.]+)");

    /** Milliseconds of one case. */
    record Timing(double median, double p25, double p75, double min) {
        String text() {
            return String.format(Locale.ROOT, "%8.1f  [%6.1f .. %6.1f]", median, p25, p75);
        }
    }

    private VitPeerBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/models/vit_tiny_patch16_224.augreg_in21k_ft_in1k");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int[] threads = Arrays.stream(System.getProperty("bench.threads", "1,2").split(",")).mapToInt(Integer::parseInt).toArray();
        Path golden = Path.of(System.getProperty("patchexplorer.golden", "../shared/golden"));
        Optional<String> python = pythonWithTorch();
        System.out.println(python.map(p -> "PyTorch peer: " + p + " " + SCRIPT)
                .orElse("PyTorch peer: no python3 with torch and numpy found (Debian: apt-get install python3-torch python3-numpy);"
                        + " timing Java alone"));
        Map<String, Timing> java = new LinkedHashMap<>();
        Map<String, Timing> torch = new LinkedHashMap<>();
        try (ViTModel vit = (ViTModel) ModelLoader.load(dir)) {
            for (int t : threads) {
                EngineThreads.set(t);
                for (int size : SIZES) java.put(key(t, size), time(vit, size, runs));
                if (python.isPresent()) torch.putAll(runPython(python.get(), dir, golden, t, runs));
            }
        }
        System.out.printf(Locale.ROOT, "%nViT-Ti/16 forward + all attention maps, %d runs after %d warm-up, ms: median [p25 .. p75]%n",
                runs, WARMUP);
        System.out.printf(Locale.ROOT, "%-7s %-8s %-28s %-28s %s%n", "tokens", "threads", "Java (DJL PyTorch 2.7.1)",
                "PyTorch eager (python)", "Java / PyTorch");
        for (int t : threads) {
            for (int size : SIZES) {
                Timing j = java.get(key(t, size));
                Timing p = torch.get(key(t, size));
                System.out.printf(Locale.ROOT, "%-7d %-8d %-28s %-28s %s%n", tokens(size), t, j.text(),
                        p == null ? "-" : p.text(), p == null ? "-" : String.format(Locale.ROOT, "%.2fx", j.median() / p.median()));
            }
        }
    }

    private static String key(int threads, int size) {
        return threads + "/" + tokens(size);
    }

    private static int tokens(int size) {
        return 1 + (size / 16) * (size / 16);
    }

    private static Timing time(ViTModel vit, int size, int runs) throws Exception {
        Random r = new Random(size);
        float[] data = new float[3 * size * size];
        for (int i = 0; i < data.length; i++) data[i] = (float) r.nextGaussian();
        ChwImage input = new ChwImage(3, size, size, data);
        double[] ms = new double[runs];
        for (int i = -WARMUP; i < runs; i++) {
            long t0 = System.nanoTime();
            vit.forward(input, 16);
            if (i >= 0) ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new Timing(quantile(ms, 0.5), quantile(ms, 0.25), quantile(ms, 0.75), ms[0]);
    }

    /** Linear interpolation between order statistics, as numpy.percentile does by default. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The first of -Dpatchexplorer.python, python3, /usr/bin/python3 that imports torch and numpy. */
    private static Optional<String> pythonWithTorch() throws InterruptedException {
        List<String> candidates = new ArrayList<>();
        String configured = System.getProperty("patchexplorer.python");
        if (configured != null && !configured.isBlank()) candidates.add(configured);
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        for (String c : candidates) {
            try {
                Process p = new ProcessBuilder(c, "-c", "import torch, numpy").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) return Optional.of(c);
            } catch (IOException e) {
                // not installed under this name: try the next
            }
        }
        return Optional.empty();
    }

    /** One python process per thread count, its OpenMP and OpenBLAS pools sized to match. */
    private static Map<String, Timing> runPython(String python, Path model, Path golden, int threads, int runs)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(Path.of(SCRIPT))) throw new IOException(SCRIPT + " not found: run from the project folder");
        ProcessBuilder pb = new ProcessBuilder(python, SCRIPT, "--model", model.toString(), "--golden", golden.toString(),
                "--threads", String.valueOf(threads), "--runs", String.valueOf(runs)).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
        pb.environment().put("OPENBLAS_NUM_THREADS", String.valueOf(threads));
        Process p = pb.start();
        Map<String, Timing> out = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                Matcher m = RESULT.matcher(line);
                if (m.matches()) {
                    int tokens = Integer.parseInt(m.group(2));
                    int size = (int) Math.round(Math.sqrt(tokens - 1)) * 16;
                    out.put(key(Integer.parseInt(m.group(1)), size), new Timing(Double.parseDouble(m.group(3)),
                            Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6))));
                } else {
                    System.out.println("  python: " + line);
                }
            }
        }
        if (p.waitFor() != 0) System.out.println("  python exited with " + p.exitValue() + "; its cases are left out");
        return out;
    }
}
