package dev.patchexplorer.bench;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.model.EngineThreads;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: our ViT-Ti/16 forward pass with every layer's attention copied out, at 197 tokens
 * (224 px) and 785 tokens (448 px), with 1 and 2 engine threads; and in the same run, when a
 * {@code python3} with torch and numpy is found, the same cases in our PyTorch eager ViT
 * ({@code src/test/python/vit_tiny_eager.py}, checked against the golden tensors first), with the
 * ratio Java / PyTorch. The two alternate pass by pass (Java, PyTorch, Java, ...) with a short
 * pause between, so on a busy machine both see the same load; the ratio is also given as the
 * median of the per-pair ratios. It installs nothing: without torch it says so and times Java alone.
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.patchexplorer.bench.VitPeerBenchmark \
 *     [-Dexec.args="MODEL_DIR RUNS"] [-Dpatchexplorer.python=/usr/bin/python3] [-Dbench.threads=1,2]
 * </pre>
 * For looking into the numbers: {@code -Dbench.javaOnly=true} skips the peer, {@code -Dbench.pauseMs}
 * (default 150) and {@code -Dbench.warmup} (default 3) change the pause and the warm-up passes.
 */
public final class VitPeerBenchmark {
    private static final String SCRIPT = "src/test/python/vit_tiny_eager.py";
    private static final int[] SIZES = {224, 448};
    private static final int WARMUP = Integer.getInteger("bench.warmup", 3);
    /** Lets OpenMP workers of the side that just ran go idle before the other side is timed. */
    private static final long PAUSE_MS = Long.getLong("bench.pauseMs", 150);

    private VitPeerBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/models/vit_tiny_patch16_224.augreg_in21k_ft_in1k");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int[] threads = Arrays.stream(System.getProperty("bench.threads", "1,2").split(",")).mapToInt(Integer::parseInt).toArray();
        Path golden = Path.of(System.getProperty("patchexplorer.golden", "../shared/golden"));
        Optional<String> python = Boolean.getBoolean("bench.javaOnly") ? Optional.empty() : pythonWithTorch();
        System.out.println(python.map(p -> "PyTorch peer: " + p + " " + SCRIPT)
                .orElse("PyTorch peer: no python3 with torch and numpy found (Debian: apt-get install python3-torch python3-numpy);"
                        + " timing Java alone"));
        System.out.println(OpenMpPolicy.describe());
        List<String> rows = new ArrayList<>();
        try (ViTModel vit = (ViTModel) ModelLoader.load(dir);
             PythonPeer peer = python.isPresent() ? PythonPeer.start(python.get(), dir, golden) : null) {
            for (int t : threads) {
                EngineThreads.set(t);
                for (int size : SIZES) rows.add(measure(vit, peer, t, size, runs));
            }
        }
        System.out.printf(Locale.ROOT, "%nViT-Ti/16 forward + all attention maps, %d alternating pairs after %d warm-up, ms: median [p25 .. p75]%n",
                runs, WARMUP);
        System.out.printf(Locale.ROOT, "%-7s %-8s %-26s %-26s %-15s %s%n", "tokens", "threads", "Java (DJL, PyTorch 2.7.1)",
                "PyTorch eager (python)", "ratio of medians", "median of pair ratios");
        rows.forEach(System.out::println);
    }

    private static String measure(ViTModel vit, PythonPeer peer, int threads, int size, int runs) throws Exception {
        ChwImage input = randomInput(size);
        double[] java = new double[runs];
        double[] torch = new double[runs];
        double[] pairs = new double[runs];
        for (int i = -WARMUP; i < runs; i++) {
            long t0 = System.nanoTime();
            vit.forward(input, 16);
            double j = (System.nanoTime() - t0) / 1e6;
            Thread.sleep(PAUSE_MS);
            double p = peer == null ? Double.NaN : peer.time(threads, size);
            Thread.sleep(PAUSE_MS);
            if (i < 0) continue;
            java[i] = j;
            torch[i] = p;
            pairs[i] = j / p;
        }
        String tokens = String.valueOf(1 + (size / 16) * (size / 16));
        if (peer == null) return String.format(Locale.ROOT, "%-7s %-8d %s", tokens, threads, summary(java));
        return String.format(Locale.ROOT, "%-7s %-8d %-26s %-26s %-15s %.2fx", tokens, threads, summary(java), summary(torch),
                String.format(Locale.ROOT, "%.2fx", quantile(sorted(java), 0.5) / quantile(sorted(torch), 0.5)),
                quantile(sorted(pairs), 0.5));
    }

    private static ChwImage randomInput(int size) {
        Random r = new Random(size);
        float[] data = new float[3 * size * size];
        for (int i = 0; i < data.length; i++) data[i] = (float) r.nextGaussian();
        return new ChwImage(3, size, size, data);
    }

    private static String summary(double[] ms) {
        double[] s = sorted(ms);
        return String.format(Locale.ROOT, "%7.1f [%6.1f .. %6.1f]", quantile(s, 0.5), quantile(s, 0.25), quantile(s, 0.75));
    }

    private static double[] sorted(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s;
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

    /** The python script in --serve mode: one timed forward pass per request. */
    private static final class PythonPeer implements AutoCloseable {
        private final Process process;
        private final BufferedReader in;
        private final PrintWriter out;

        private PythonPeer(Process process) {
            this.process = process;
            this.in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.out = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        static PythonPeer start(String python, Path model, Path golden) throws IOException {
            if (!Files.isRegularFile(Path.of(SCRIPT))) throw new IOException(SCRIPT + " not found: run from the project folder");
            ProcessBuilder pb = new ProcessBuilder(python, SCRIPT, "--serve", "--model", model.toString(),
                    "--golden", golden.toString()).redirectErrorStream(true);
            PythonPeer peer = new PythonPeer(pb.start());
            for (String line; (line = peer.in.readLine()) != null; ) {
                if (line.equals("READY")) return peer;
                System.out.println("  python: " + line);
            }
            throw new IOException("the python peer stopped before it was ready (see its lines above)");
        }

        double time(int threads, int size) throws IOException {
            out.println("run " + threads + " " + size);
            String line = in.readLine();
            if (line == null || !line.startsWith("MS ")) throw new IOException("python peer answered: " + line);
            return Double.parseDouble(line.substring(3));
        }

        @Override
        public void close() throws InterruptedException {
            out.println("quit");
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroy();
        }
    }
}
