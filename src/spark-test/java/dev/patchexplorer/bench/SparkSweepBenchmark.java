package dev.patchexplorer.bench;

import dev.patchexplorer.cli.Options;
import dev.patchexplorer.cli.SweepCommand;
import dev.patchexplorer.spark.SparkSweepLauncher;
import org.apache.spark.sql.SparkSession;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: the same sweep (every picture of a folder at the given patch sizes, FLEXI, 224 px) by
 * {@code sweep --jobs 2} and by the Spark job in {@code local[2]}, alternating, each round into a fresh
 * output so nothing is resumed; prints (images x patch sizes) per second for both, median of the rounds
 * after a warm-up round, and the ratio Spark / sweep. Both load the model inside the timed run, as a user's
 * run does (the Spark job's model stays loaded in this JVM after the warm-up, as it does on an executor).
 * <pre>
 * ./mvnw -B -o -q -Pspark test-compile
 * ./mvnw -B -o -q -Pspark dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java $SPARK_OPENS -Dai.djl.offline=true -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     dev.patchexplorer.bench.SparkSweepBenchmark [MODEL_DIR IMAGES_DIR ROUNDS PATCHES]
 * </pre>
 * with SPARK_OPENS the profile's spark.addOpens (README, "Sweeps on Apache Spark").
 * <pre>
 * </pre>
 */
public final class SparkSweepBenchmark {
    private SparkSweepBenchmark() {}

    public static void main(String[] args) throws Exception {
        String model = args.length > 0 ? args[0] : "../shared/models/vit_tiny_patch16_224.augreg_in21k_ft_in1k";
        String images = args.length > 1 ? args[1] : "../shared/samples";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String patches = args.length > 3 ? args[3] : "16,32";
        int cells = (int) (Files.list(Path.of(images)).filter(p -> p.toString().matches("(?i).*\\.(png|jpe?g)$")).count()
                * patches.split(",").length);
        SparkSession spark = SparkSession.builder().master("local[2]").appName("sweep-benchmark").config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        Path work = Files.createTempDirectory("spark-bench");
        List<String> common = List.of("--model", model, "--images", images, "--patch", patches, "--mode", "flexi", "--size", "224");
        double[] sweep = new double[rounds];
        double[] sparkRun = new double[rounds];
        for (int r = 0; r <= rounds; r++) {
            double s = timeSweep(common, work.resolve("sweep" + r + ".csv"));
            double k = timeSpark(common, work.resolve("spark" + r + ".parquet"));
            if (r > 0) {
                sweep[r - 1] = cells / s;
                sparkRun[r - 1] = cells / k;
            }
            System.out.printf(Locale.ROOT, "round %d%s: sweep --jobs 2 %.2f s, spark local[2] %.2f s%n", r, r == 0 ? " (warm-up)" : "", s, k);
        }
        spark.stop();
        double a = median(sweep);
        double b = median(sparkRun);
        System.out.printf(Locale.ROOT, "%d cells (images x patch sizes) per run, median of %d rounds:%n", cells, rounds);
        System.out.printf(Locale.ROOT, "  sweep --jobs 2:     %.2f cells/s%n", a);
        System.out.printf(Locale.ROOT, "  spark local[2]:     %.2f cells/s%n", b);
        System.out.printf(Locale.ROOT, "  spark / sweep:      %.2f (Spark's overhead: %.0f %%)%n", b / a, 100 * (a / b - 1));
    }

    private static double timeSweep(List<String> common, Path csv) throws Exception {
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of("--jobs", "2", "--out", csv.toString()));
        SweepCommand sweep = new SweepCommand();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        PrintStream err = System.err;
        System.setErr(quiet); // the progress lines
        long t = System.nanoTime();
        try {
            if (sweep.run(Options.parse(args, sweep.options()), quiet) != 0) throw new IllegalStateException("sweep failed");
        } finally {
            System.setErr(err);
        }
        return (System.nanoTime() - t) / 1e9;
    }

    private static double timeSpark(List<String> common, Path out) {
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of("--out", out.toString(), "--master", "local[2]"));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        long t = System.nanoTime();
        if (SparkSweepLauncher.run(args, quiet, System.err) != 0) throw new IllegalStateException("spark sweep failed");
        return (System.nanoTime() - t) / 1e9;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
