package dev.patchexplorer.spark;

import dev.patchexplorer.cli.SparkSweepCsv;
import dev.patchexplorer.cli.UsageException;
import dev.patchexplorer.core.sweep.ClassNames;
import dev.patchexplorer.core.sweep.GroundTruth;
import dev.patchexplorer.core.sweep.SweepRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The pictures of a Spark sweep, listed on the driver, each named as its rows will name it:
 * <ul>
 * <li>a {@code .txt} or {@code .lst} file: one path or URI a line (blank lines and {@code #} comments skipped);</li>
 * <li>a {@code .parquet} or {@code .csv} file or a Parquet folder: the {@code --images-column} column;</li>
 * <li>a local folder or picture (or several, joined by the path separator): exactly as {@code sweep} lists them,
 * class folders giving their pictures' true classes;</li>
 * <li>a folder URI ({@code hdfs://...}): its picture files, in name order.</li>
 * </ul>
 * Listed pictures are not opened here: a missing or damaged one becomes an error row, not a failed job.
 */
final class ImageList {
    private static final Set<String> PICTURES = Set.of("png", "jpg", "jpeg", "tif", "tiff", "webp", "bmp", "gif");

    /** The pictures' names, and the true classes of those listed from ImageNet class folders. */
    record Listed(List<String> images, GroundTruth folders) {}

    private ImageList() {}

    static Listed of(SparkSession spark, String value, String column, ClassNames classes) throws UsageException {
        String lower = value.toLowerCase(Locale.ROOT);
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<String> names;
        GroundTruth folders = GroundTruth.none();
        if (lower.endsWith(".txt") || lower.endsWith(".lst")) {
            names = lines(value, conf);
        } else if (lower.endsWith(".parquet") || lower.endsWith(".csv")) {
            names = column(spark, value, column, lower.endsWith(".csv"));
        } else if (ImageFetch.scheme(value) != null && !value.startsWith("file:")) {
            names = folder(value, conf);
        } else {
            SparkSweepCsv.LocalImages local = SparkSweepCsv.localImages(value, classes);
            names = local.images().stream().map(java.nio.file.Path::toString).toList();
            folders = local.folders();
        }
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(names));
        if (distinct.isEmpty()) throw new UsageException("--images " + value + " lists no pictures");
        return new Listed(distinct, folders);
    }

    /**
     * The true class of a picture named as its rows name it, or {@link SweepRow#UNKNOWN}: looked up as
     * {@code sweep} looks up a path; a picture not on this machine (a URI) by its file name alone.
     */
    static int trueClass(GroundTruth truth, String image) {
        try {
            String scheme = ImageFetch.scheme(image);
            if (scheme == null) return truth.classOf(java.nio.file.Path.of(image));
            if (scheme.equals("file")) return truth.classOf(java.nio.file.Path.of(URI.create(image)));
            return truth.classOfFileName(new Path(image).getName());
        } catch (IllegalArgumentException e) {
            return SweepRow.UNKNOWN; // not a valid path: it becomes an error row, whose class does not matter
        }
    }

    private static List<String> lines(String value, Configuration conf) throws UsageException {
        Path path = new Path(value);
        List<String> out = new ArrayList<>();
        try (FileSystem fs = FileSystem.newInstance(path.toUri(), conf);
             BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(path), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) out.add(s);
            }
        } catch (IOException e) {
            throw new UsageException("cannot read the --images list " + value);
        }
        return out;
    }

    private static List<String> column(SparkSession spark, String value, String column, boolean csv) throws UsageException {
        Dataset<Row> table;
        try {
            table = csv ? spark.read().option("header", "true").csv(value) : spark.read().parquet(value);
        } catch (RuntimeException e) {
            throw new UsageException("cannot read the --images table " + value);
        }
        if (!Arrays.asList(table.columns()).contains(column)) {
            throw new UsageException("--images table " + value + " has no column '" + column + "' (it has: "
                    + String.join(", ", table.columns()) + "); name it with --images-column");
        }
        List<String> out = new ArrayList<>();
        for (Row r : table.select(column).collectAsList()) {
            if (!r.isNullAt(0) && !r.get(0).toString().isBlank()) out.add(r.get(0).toString().strip());
        }
        return out;
    }

    private static List<String> folder(String value, Configuration conf) throws UsageException {
        Path path = new Path(value);
        List<String> out = new ArrayList<>();
        try (FileSystem fs = FileSystem.newInstance(path.toUri(), conf)) {
            for (FileStatus f : fs.listStatus(path)) {
                String n = f.getPath().getName();
                int dot = n.lastIndexOf('.');
                if (f.isFile() && dot > 0 && PICTURES.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT))) out.add(f.getPath().toString());
            }
        } catch (IOException e) {
            throw new UsageException("cannot list --images folder " + value);
        }
        out.sort(null);
        return out;
    }
}
