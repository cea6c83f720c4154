package dev.patchexplorer.bench;

import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.sweep.SweepImage;
import dev.patchexplorer.core.sweep.SweepMode;
import dev.patchexplorer.core.sweep.SweepReference;
import dev.patchexplorer.core.sweep.SweepRow;
import dev.patchexplorer.imagefile.ImageFileReader;
import dev.patchexplorer.model.EngineThreads;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.sweep.PatchSweepRunner;
import dev.patchexplorer.model.sweep.SweepPass;

import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Not a test: the patch-size sweep (every image of a folder at patch sizes 8, 12, 16, 24, 32, FLEXI
 * mode at 224 px, reference 16) through {@link PatchSweepRunner}, with 1 and 2 engine threads, in
 * (images x patch sizes) per second; and in the same run, when a {@code python3} with torch and numpy
 * is found, the same cells in PyTorch eager ({@code src/test/python/sweep_eager.py}: PI-resized
 * kernel, forward with every attention map, attention entropy, mean attention distance, rollout
 * and its 60 %-mass mask), with the ratio ours / PyTorch. Both sides start from the same model
 * inputs (our crop, resize, grid cut and normalisation, handed to python as .npy files), and
 * alternate image by image. The first round is a warm-up in which both sides' top-1, mean attention
 * entropy and distance, and 60 %-mask size per (image, patch) are compared (mismatch counts and the
 * largest differences are printed); the throughput is the median of the rounds after it.
 * The peer's interpreter is the first of {@code -Dpatchexplorer.python}, {@code python3} and
 * {@code /usr/bin/python3} that imports torch and numpy (Debian's python3-torch is installed for
 * /usr/bin/python3, which a pyenv {@code python3} on the PATH hides); Debian's torch needs
 * libopenblas0-pthread, or it runs on the reference BLAS, many times slower.
 * It installs nothing: without torch it says so and times Java alone.
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.patchexplorer.bench.SweepPeerBenchmark \
 *     [-Dexec.args="MODEL_DIR IMAGES_DIR ROUNDS"] [-Dpatchexplorer.python=/usr/bin/python3] [-Dbench.threads=1,2] \
 *     [-Dbench.patches=8,12,16,24,32] [-Dbench.javaOnly=true]
 * </pre>
 */
public final class SweepPeerBenchmark {
    private static final String SCRIPT = "src/test/python/sweep_eager.py";
    private static final int SIZE = 224;
    private static final int REFERENCE = 16;
    /** Lets OpenMP workers of the side that just ran go idle before the other side is timed. */
    private static final long PAUSE_MS = Long.getLong("bench.pauseMs", 150);

    private SweepPeerBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path modelDir = Path.of(args.length > 0 ? args[0] : "../shared/models/vit_tiny_patch16_224.augreg_in21k_ft_in1k");
        Path imageDir = Path.of(args.length > 1 ? args[1] : "../shared/samples");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int[] threads = ints(System.getProperty("bench.threads", "1,2"));
        List<Integer> patches = Arrays.stream(ints(System.getProperty("bench.patches", "8,12,16,24,32"))).boxed().toList();
        Optional<String> python = Boolean.getBoolean("bench.javaOnly") ? Optional.empty() : PythonProbe.withTorch();
        System.out.println(python.map(p -> "PyTorch peer: " + p + " " + SCRIPT)
                .orElse("PyTorch peer: no python3 with torch and numpy found (Debian: apt-get install python3-torch python3-numpy);"
                        + " timing Java alone"));
        System.out.println(OpenMpPolicy.describe());
        Path inputs = Files.createTempDirectory("sweep-peer");
        List<String> rows = new ArrayList<>();
        int imageCount;
        try (ViTModel vit = (ViTModel) ModelLoader.load(modelDir)) {
            PatchSweepRunner runner = new PatchSweepRunner(vit, SweepMode.FLEXI, SIZE, REFERENCE, null);
            for (int p : patches) runner.check(p);
            Map<String, SweepImage> images = readImages(imageDir, runner, patches);
            imageCount = images.size();
            if (python.isPresent()) writeInputs(inputs, runner, images, patches);
            try (SweepPeer peer = python.isPresent() ? SweepPeer.start(python.get(), modelDir, inputs) : null) {
                for (int t : threads) {
                    EngineThreads.set(t);
                    rows.add(measure(runner, images, patches, peer, t, rounds));
                }
            }
        } finally {
            try (Stream<Path> files = Files.list(inputs)) {
                for (Path f : files.toList()) Files.delete(f);
            }
            Files.delete(inputs);
        }
        System.out.printf(Locale.ROOT, "%nSweep of %d images x %d patch sizes (FLEXI, %d px), median of %d rounds after a warm-up round,"
                + " (images x patch sizes) per second%n", imageCount, patches.size(), SIZE, rounds);
        System.out.printf(Locale.ROOT, "%-8s %-14s %-18s %-16s %-10s %s%n", "threads", "Java cells/s", "of which forward", "PyTorch cells/s",
                "ratio", "top-1 mismatches");
        rows.forEach(System.out::println);
    }

    private static String measure(PatchSweepRunner runner, Map<String, SweepImage> images, List<Integer> patches, SweepPeer peer,
                                  int threads, int rounds) throws Exception {
        int cells = images.size() * patches.size();
        double[] java = new double[rounds];
        double[] forwardShare = new double[rounds];
        double[] torch = new double[rounds];
        int mismatches = 0;
        int maskMismatches = 0;
        double worstEntropy = 0;
        double worstDistance = 0;
        for (int round = -1; round < rounds; round++) {
            double javaMs = 0;
            double forwardMs = 0;
            double torchMs = 0;
            for (SweepImage image : images.values()) {
                long t0 = System.nanoTime();
                List<SweepRow> ours = sweepImage(runner, image, patches);
                javaMs += (System.nanoTime() - t0) / 1e6;
                for (SweepRow r : ours) forwardMs += r.ms();
                if (peer == null) continue;
                Thread.sleep(PAUSE_MS);
                SweepPeer.Result theirs = peer.run(threads, image.name());
                torchMs += theirs.ms();
                Thread.sleep(PAUSE_MS);
                if (round >= 0) continue;
                for (SweepRow r : ours) { // the warm-up round checks that both sides computed the same sweep
                    SweepPeer.Cell c = theirs.cells().get(r.patch());
                    if (c == null || c.top1() != r.top1Index()) mismatches++;
                    if (c != null) {
                        worstEntropy = Math.max(worstEntropy, Math.abs(c.entropy() - r.attentionEntropy()));
                        worstDistance = Math.max(worstDistance, Math.abs(c.distance() - r.meanAttentionDistancePx()));
                        int cell = runner.settings().plan(r.patch()).cellPixels();
                        if (c.kept() != Math.round(r.rolloutArea60Px2() / ((double) cell * cell))) maskMismatches++;
                    }
                }
            }
            if (round < 0) continue;
            java[round] = cells / (javaMs / 1000);
            forwardShare[round] = forwardMs / javaMs;
            torch[round] = cells / (torchMs / 1000);
        }
        double j = median(java);
        String share = String.format(Locale.ROOT, "%.0f %%", 100 * median(forwardShare));
        if (peer == null) return String.format(Locale.ROOT, "%-8d %-14.2f %-18s", threads, j, share);
        double p = median(torch);
        return String.format(Locale.ROOT, "%-8d %-14.2f %-18s %-16.2f %-10s %d of %d (|d entropy| <= %.1e, |d distance| <= %.1e px,"
                        + " 60 %% rollout masks of another size: %d)",
                threads, j, share, p, String.format(Locale.ROOT, "%.2fx", j / p), mismatches, cells, worstEntropy, worstDistance,
                maskMismatches);
    }

    /** What a sweep worker does for one image (SweepJob.runImage without the listener): the reference pass reused for its row. */
    private static List<SweepRow> sweepImage(PatchSweepRunner runner, SweepImage image, List<Integer> patches) throws Exception {
        int ref = runner.settings().referencePatch();
        SweepPass refPass = runner.pass(image, ref);
        SweepReference reference = refPass.asReference();
        List<SweepRow> rows = new ArrayList<>();
        for (int patch : patches) {
            SweepPass pass = patch == ref ? refPass : runner.pass(image, patch);
            rows.add(pass.against(reference, runner::label));
        }
        return rows;
    }

    private static Map<String, SweepImage> readImages(Path dir, PatchSweepRunner runner, List<Integer> patches) throws Exception {
        Map<String, SweepImage> images = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted(Comparator.comparing(Path::toString)).toList()) {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!(n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"))) continue;
                String name = f.getFileName().toString().replaceAll("\\s", "_");
                images.put(name, SweepImage.of(name, ImageFileReader.standard().read(f).pixels(), runner.settings(), patches));
            }
        }
        if (images.isEmpty()) throw new IOException("no .png or .jpg images in " + dir);
        return images;
    }

    /** Every (image, patch) model input as a float32 .npy of shape (1, 3, H, W), indexed in inputs.txt. */
    private static void writeInputs(Path dir, PatchSweepRunner runner, Map<String, SweepImage> images, List<Integer> patches)
            throws IOException {
        StringBuilder index = new StringBuilder();
        int k = 0;
        for (SweepImage image : images.values()) {
            for (int patch : patches) {
                ChwImage input = runner.input(image, patch);
                String file = "input" + (k++) + ".npy";
                writeNpy(dir.resolve(file), input);
                var plan = runner.settings().plan(patch);
                index.append(String.format(Locale.ROOT, "%s %d %d %d %s%n", image.name(), patch, plan.input().modelPatch(),
                        plan.cellPixels(), file));
            }
        }
        Files.writeString(dir.resolve("inputs.txt"), index.toString(), StandardCharsets.UTF_8);
    }

    /** NumPy's .npy format, version 1.0: magic, header length, a Python dict literal padded to 64 bytes, the data. */
    static void writeNpy(Path file, ChwImage image) throws IOException {
        String dict = String.format(Locale.ROOT, "{'descr': '<f4', 'fortran_order': False, 'shape': (1, %d, %d, %d), }",
                image.channels(), image.height(), image.width());
        int pad = 64 - (10 + dict.length() + 1) % 64;
        String header = dict + " ".repeat(pad % 64) + "\n";
        ByteBuffer data = ByteBuffer.allocate(4 * image.data().length).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(image.data());
        try (OutputStream os = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(os)) {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            out.write(header.length() & 0xff);
            out.write(header.length() >> 8);
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            out.write(data.array());
        }
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return VitPeerBenchmark.quantile(s, 0.5);
    }

    /** The first of -Dpatchexplorer.python, python3, /usr/bin/python3 that imports torch and numpy. */
    private static final class PythonProbe {
        static Optional<String> withTorch() throws InterruptedException {
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
    }

    /** sweep_eager.py serving "run THREADS IMAGE": one image's cells per request, timed on its side. */
    private static final class SweepPeer implements AutoCloseable {
        /** @param kept the cells in the 60 %-mass rollout mask */
        record Cell(int top1, double entropy, double distance, int kept) {}

        record Result(double ms, Map<Integer, Cell> cells) {}

        private final Process process;
        private final BufferedReader in;
        private final PrintWriter out;

        private SweepPeer(Process process) {
            this.process = process;
            this.in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.out = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        static SweepPeer start(String python, Path model, Path inputs) throws IOException {
            if (!Files.isRegularFile(Path.of(SCRIPT))) throw new IOException(SCRIPT + " not found: run from the project folder");
            ProcessBuilder pb = new ProcessBuilder(python, SCRIPT, "--model", model.toString(), "--inputs", inputs.toString())
                    .redirectErrorStream(true);
            SweepPeer peer = new SweepPeer(pb.start());
            for (String line; (line = peer.in.readLine()) != null; ) {
                if (line.equals("READY")) return peer;
                System.out.println("  python: " + line);
            }
            throw new IOException("the python peer stopped before it was ready (see its lines above)");
        }

        Result run(int threads, String image) throws IOException {
            out.println("run " + threads + " " + image);
            String line = in.readLine();
            if (line == null || !line.startsWith("MS ")) throw new IOException("python peer answered: " + line);
            String[] head = line.split(" "); // MS elapsed count
            double ms = Double.parseDouble(head[1]);
            Map<Integer, Cell> cells = new LinkedHashMap<>();
            for (int i = Integer.parseInt(head[2]); i > 0; i--) {
                String c = in.readLine();
                if (c == null || !c.startsWith("CELL ")) throw new IOException("python peer answered: " + c);
                String[] f = c.split(" "); // CELL patch top1 entropy distance kept
                cells.put(Integer.parseInt(f[1]), new Cell(Integer.parseInt(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                        Integer.parseInt(f[5])));
            }
            return new Result(ms, cells);
        }

        @Override
        public void close() throws InterruptedException {
            out.println("quit");
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroy();
        }
    }
}
