package dev.patchexplorer.spark;

import dev.patchexplorer.core.format.Json;
import dev.patchexplorer.cli.SparkSweepCsv;
import dev.patchexplorer.cli.UsageException;
import dev.patchexplorer.core.sweep.GroundTruth;
import dev.patchexplorer.core.sweep.SweepAggregator;
import dev.patchexplorer.core.sweep.SweepRow;
import dev.patchexplorer.model.ModelLoadException;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.sweep.PatchSweepRunner;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * The driver's side of the Spark sweep: checks the model and options, lists the pictures, leaves out the
 * (image, patch) cells of this model and mode already in {@code --out}, runs the rest in batches that are
 * each appended (committed) as they finish, then summarises every row of this model and mode in {@code --out}
 * with {@code sweep}'s aggregator and recommendation.
 */
final class SparkSweepJob {
    /** Error rows listed by name in the summary; all of them are counted. */
    static final int ERRORS_LISTED = 1000;

    private SparkSweepJob() {}

    static Map<String, Object> run(SparkSession spark, SparkSweep.SweepSpec spec) throws UsageException, ModelLoadException, IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (spec.shipModel()) {
            if (!spec.modelIsLocalFolder()) throw new UsageException("--ship-model needs --model to be a folder on this machine: " + spec.model());
            jsc.sc().addFile(spec.model(), true);
        }
        ViTModel vit = ExecutorModels.get(spec.model());
        ImageList.Listed listed = ImageList.of(spark, spec.images(), spec.imagesColumn(), SparkSweepCsv.classNames(spec.classes()));
        List<String> images = listed.images();
        GroundTruth truth = spec.labels().or(listed.folders()); // --labels first, as in sweep
        PatchSweepRunner runner = spec.runner(vit, truth);
        String modelName = ExecutorModels.nameOf(spec.model());
        var settings = new SweepTask.Settings(spec.model(), modelName, spec.mode(), runner.settings().size(), runner.settings().referencePatch(),
                spec.classes());

        Set<String> done = doneCells(spark, spec.out(), settings);
        List<SweepTask.Pending> pending = new ArrayList<>();
        for (String image : images) {
            int[] todo = spec.patches().stream().filter(p -> !done.contains(cell(image, p))).mapToInt(Integer::intValue).toArray();
            if (todo.length > 0) pending.add(new SweepTask.Pending(image, todo, ImageList.trueClass(truth, image)));
        }
        int parallelism = jsc.defaultParallelism();
        for (int from = 0; from < pending.size(); from += spec.batch()) {
            List<SweepTask.Pending> batch = pending.subList(from, Math.min(pending.size(), from + spec.batch()));
            int partitions = spec.partitions() > 0 ? spec.partitions() : Math.min(batch.size(), 4 * parallelism);
            JavaRDD<Row> rows = jsc.parallelize(new ArrayList<>(batch), partitions).mapPartitions(new SweepTask(settings));
            spark.createDataFrame(rows, SweepColumns.schema()).write().mode(SaveMode.Append).parquet(spec.out());
        }
        int labelled = (int) images.stream().filter(i -> ImageList.trueClass(truth, i) != SweepRow.UNKNOWN).count();
        Map<String, Object> summary = summary(spark, spec, vit, settings, truth, labelled, pending.size());
        writeSummary(spark, spec.out(), dev.patchexplorer.core.format.Json.text(summary));
        return summary;
    }

    /** The rows of this model and mode already in {@code out}; refuses rows of another size or reference. */
    private static Dataset<Row> existing(SparkSession spark, String out, SweepTask.Settings s) throws IOException {
        Path path = new Path(out);
        FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(path)) return null;
        return spark.read().schema(SweepColumns.schema()).parquet(out)
                .filter(col(SweepColumns.MODEL).equalTo(s.modelName()).and(col("mode").equalTo(s.mode().word())));
    }

    private static Set<String> doneCells(SparkSession spark, String out, SweepTask.Settings s) throws IOException, UsageException {
        Dataset<Row> rows = existing(spark, out, s);
        Set<String> done = new HashSet<>();
        if (rows == null) return done;
        // in tokens mode the size column is the side, which varies by patch; the reference pins it
        List<Row> other = rows.filter(col("reference_patch").notEqual(s.referencePatch())
                .or(col("size").notEqual(s.size()).and(col("mode").notEqual("tokens")))).select("size", "reference_patch").limit(1).collectAsList();
        if (!other.isEmpty()) {
            throw new UsageException("--out " + out + " holds " + s.modelName() + " " + s.mode().word() + " rows at size "
                    + other.get(0).get(0) + " with reference P" + other.get(0).get(1) + "; use another --out for size "
                    + s.size() + " with reference P" + s.referencePatch());
        }
        Iterator<Row> it = rows.select("image", "patch").toLocalIterator();
        while (it.hasNext()) {
            Row r = it.next();
            done.add(cell(r.getString(0), r.getInt(1)));
        }
        return done;
    }

    private static String cell(String image, int patch) {
        return patch + "\u0000" + image;
    }

    /**
     * {@code sweep}'s summary of every row of this model and mode in {@code --out}, each judged against
     * this run's true classes as a resumed {@code sweep} judges its CSV's rows; then the error rows' counts.
     */
    private static Map<String, Object> summary(SparkSession spark, SparkSweep.SweepSpec spec, ViTModel vit, SweepTask.Settings s,
                                               GroundTruth truth, int labelled, int imagesRun) throws IOException {
        Dataset<Row> rows = existing(spark, spec.out(), s);
        SweepAggregator totals = new SweepAggregator();
        List<Map<String, Object>> errors = new ArrayList<>();
        long errorRows = 0;
        Set<String> errorImages = new HashSet<>();
        if (rows != null) {
            List<String> columns = new ArrayList<>(SweepColumns.csvColumns());
            columns.add(SweepColumns.ERROR);
            Iterator<Row> it = rows.selectExpr(columns.stream().map(c -> "`" + c + "`").toArray(String[]::new)).toLocalIterator();
            while (it.hasNext()) {
                Row r = it.next();
                String error = r.getString(r.fieldIndex(SweepColumns.ERROR));
                String image = r.getString(r.fieldIndex("image"));
                if (error == null) {
                    // as sweep reads its CSV back
                    totals.add(SparkSweepCsv.row(SweepColumns.csvFields(r)).judged(ImageList.trueClass(truth, image)));
                    continue;
                }
                errorRows++;
                if (errorImages.add(image) && errors.size() < ERRORS_LISTED) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("image", image);
                    e.put("reason", error);
                    errors.add(e);
                }
            }
        }
        Map<String, Object> m = SparkSweepCsv.summary(s.modelName(), vit.spec().architecture(), s.mode(), s.size(), s.referencePatch(),
                spec.out(), totals.result(), labelled, spec.minAgreement(), spec.maxKl());
        m.put("images_run", imagesRun);
        m.put("error_rows", errorRows);
        m.put("error_images", errorImages.size());
        m.put("skipped", errors);
        return m;
    }

    /** {@code results.parquet} gets {@code results.summary.json} beside it, as {@code sweep}'s CSV does. */
    static Path summaryPath(String out) {
        Path p = new Path(out);
        String name = p.getName();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".parquet") ? name.substring(0, name.length() - 8) : name;
        return new Path(p.getParent(), stem + ".summary.json");
    }

    private static void writeSummary(SparkSession spark, String out, String json) throws IOException {
        Path file = summaryPath(out);
        FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
        fs.setWriteChecksum(false); // no .crc file beside it on a local disk
        try (FSDataOutputStream s = fs.create(file, true)) {
            s.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
