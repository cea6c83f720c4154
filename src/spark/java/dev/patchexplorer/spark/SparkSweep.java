package dev.patchexplorer.spark;

import dev.patchexplorer.core.format.Json;
import dev.patchexplorer.cli.OptionSpec;
import dev.patchexplorer.cli.Options;
import dev.patchexplorer.cli.SparkSweepCsv;
import dev.patchexplorer.cli.UsageException;
import dev.patchexplorer.core.sweep.GroundTruth;
import dev.patchexplorer.core.sweep.PatchList;
import dev.patchexplorer.core.sweep.SweepMode;
import dev.patchexplorer.model.ModelLoadException;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.sweep.PatchSweepRunner;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The dataset sweep as a Spark job: {@code sweep}'s options, images listed from a folder, a text file or a
 * Parquet/CSV column, rows written as Parquet under {@code --out} (the CSV's columns plus {@code model} and
 * {@code error}), and {@code sweep}'s JSON summary beside it. Run by {@code spark-submit --class
 * dev.patchexplorer.spark.SparkSweep}, or with plain {@code java} and {@code --master local[N]}.
 */
public final class SparkSweep {
    static final List<OptionSpec> OPTIONS;

    static {
        List<OptionSpec> o = new ArrayList<>();
        o.add(new OptionSpec("model", "DIR", "a ViT checkpoint folder (config.json + model.safetensors) every executor can read, "
                + "or shipped to executors with --files/--archives or --ship-model (required)"));
        o.add(new OptionSpec("images", "DIR|LIST.txt|TABLE.parquet|TABLE.csv", "a folder of pictures (ImageNet class folders "
                + "give each its true class, as in sweep), a text file of paths or URIs (one a line), or a Parquet/CSV table with a "
                + "column of them (required)"));
        o.add(new OptionSpec("images-column", "NAME", "the column of paths or URIs in a Parquet/CSV --images table (default: image)"));
        o.addAll(SparkSweepCsv.sharedOptions("patch", "mode", "size", "reference", "labels", "classes", "min-agreement", "max-kl"));
        o.add(new OptionSpec("out", "DIR", "Parquet folder, appended to; run again with the same --out to finish or extend a sweep (required)"));
        o.add(new OptionSpec("batch", "N", "pictures per committed write: an interrupted run loses at most one batch (default 1000)"));
        o.add(new OptionSpec("partitions", "N", "Spark partitions per batch (default: 4 per core, at most one per picture)"));
        o.add(new OptionSpec("master", "URL", "Spark master when not started by spark-submit (default local[*])"));
        o.add(OptionSpec.flag("ship-model", "send the --model folder from the driver to every executor (SparkContext.addFile)"));
        OPTIONS = List.copyOf(o);
    }

    private SparkSweep() {}

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** @return 0 when done, 2 for bad input (one line on stderr), 1 when the job failed */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        SweepSpec spec;
        try {
            spec = SweepSpec.of(Options.parse(args, OPTIONS));
        } catch (UsageException e) {
            err.println("patch-explorer spark sweep: " + e.getMessage());
            return 2;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("patch-explorer sweep");
        if (spec.master() != null || !new org.apache.spark.SparkConf().contains("spark.master")) {
            builder.master(spec.master() != null ? spec.master() : "local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            Map<String, Object> summary = SparkSweepJob.run(spark, spec);
            out.println(Json.text(summary));
            return 0;
        } catch (UsageException | ModelLoadException e) {
            err.println("patch-explorer spark sweep: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("patch-explorer spark sweep: the job failed: " + e.getMessage());
            return 1;
        }
    }

    /** The options, checked before Spark starts; the model-dependent checks come with the model. */
    record SweepSpec(String model, String images, String imagesColumn, List<Integer> patches, SweepMode mode, Options options,
                     String out, int batch, int partitions, String master, boolean shipModel, double minAgreement, double maxKl,
                     List<String> classes, GroundTruth labels) {
        static SweepSpec of(Options o) throws UsageException {
            String model = o.require("model");
            String images = o.require("images");
            List<Integer> patches;
            SweepMode mode;
            try {
                patches = PatchList.parse(o.require("patch"));
                mode = SweepMode.parse(o.get("mode", "flexi"));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            // --classes and --labels are files on the driver, read (and refused) by sweep's own code before Spark starts
            List<String> classes = SparkSweepCsv.givenClasses(o);
            GroundTruth labels = SparkSweepCsv.truth(o, SparkSweepCsv.classNames(classes), GroundTruth.none());
            String out = o.require("out");
            int batch = o.integer("batch", 1000);
            if (batch < 1) throw new UsageException("--batch must be at least 1, got " + batch);
            int partitions = o.integer("partitions", 0);
            if (o.has("partitions") && partitions < 1) throw new UsageException("--partitions must be at least 1, got " + partitions);
            double minAgreement = number(o, "min-agreement", 90);
            if (!(minAgreement >= 0 && minAgreement <= 100)) {
                throw new UsageException("--min-agreement must be a percentage from 0 to 100, got " + o.get("min-agreement", ""));
            }
            double maxKl = number(o, "max-kl", 0.1);
            if (!(maxKl >= 0)) throw new UsageException("--max-kl must be at least 0, got " + o.get("max-kl", ""));
            return new SweepSpec(model, images, o.get("images-column", "image"), patches, mode, o, out, batch, partitions,
                    o.get("master", null), o.has("ship-model"), minAgreement / 100, maxKl, classes, labels);
        }

        /**
         * The runner for the loaded model, with every patch size and the class names checked as {@code sweep}
         * checks them; {@code truth}: the pictures' true classes, whose class count must be the model's.
         */
        PatchSweepRunner runner(ViTModel vit, GroundTruth truth) throws UsageException, ModelLoadException {
            int size = SparkSweepCsv.size(options, vit.config().inputHeight());
            int reference = options.integer("reference", vit.spec().nativePatch());
            SparkSweepCsv.checkPatch(reference, size);
            for (int p : patches) SparkSweepCsv.checkPatch(p, size);
            SparkSweepCsv.checkClasses(classes, truth, vit.numClasses());
            PatchSweepRunner runner = new PatchSweepRunner(vit, mode, size, reference, SparkSweepCsv.labels(classes));
            runner.check(reference);
            for (int p : patches) runner.check(p);
            return runner;
        }

        boolean modelIsLocalFolder() {
            return Files.isDirectory(Path.of(model));
        }

        private static double number(Options o, String name, double fallback) throws UsageException {
            if (!o.has(name)) return fallback;
            try {
                double v = Double.parseDouble(o.require(name).strip());
                if (!Double.isFinite(v)) throw new NumberFormatException();
                return v;
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " expects a number, got '" + o.get(name, "") + "'");
            }
        }
    }
}
