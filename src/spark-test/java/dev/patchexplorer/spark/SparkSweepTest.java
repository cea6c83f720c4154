package dev.patchexplorer.spark;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.patchexplorer.cli.Options;
import dev.patchexplorer.cli.SparkSweepCsv;
import dev.patchexplorer.cli.SweepCommand;
import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark sweep in local[2] against the single-machine {@code sweep} on the same pictures: every
 * (image, patch) row the same (integers, labels and top-5 exactly; measured values within {@link #REL}
 * relative, as both go through the CSV's 6 significant digits; the pass time {@code ms} is not compared),
 * the same true classes from --labels, --classes and class folders (correct_top1/5 exactly), the same summary
 * field by field (ci95 intervals and accuracy too), a damaged picture as error rows, one model load per JVM,
 * and a re-run that adds nothing.
 */
class SparkSweepTest {
    /** Measured values may differ in the 6th significant digit: two runs may round either side of it. */
    static final double REL = 1e-4;
    static final double ABS = 1e-6;
    private static final Set<String> EXACT = Set.of("image", "patch", "mode", "size", "tokens", "gmacs", "top1_index", "top1_label",
            "top5_indices", "agree_top1", "agree_top5", "reference_patch", "grid_h", "grid_w", "correct_top1", "correct_top5");
    private static final Set<String> UNCOMPARED = Set.of("ms");

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("spark-sweep-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) spark.stop();
    }

    @Test
    void tinyVitRowsEqualTheSweepCommandsAndABadPictureIsAnErrorRow(@TempDir Path dir) throws Exception {
        Path model = TinyCheckpoints.vit(dir.resolve("tiny_vit"));
        Path images = Files.createDirectories(dir.resolve("images"));
        Random random = new Random(7);
        for (int i = 0; i < 3; i++) png(images.resolve("picture" + i + ".png"), 40 + 8 * i, 48, random);
        Files.writeString(images.resolve("damaged.png"), "not a picture");
        // --classes renames the 1000 classes; --labels names two pictures (index, renamed class) and the damaged one
        Path names = dir.resolve("names.csv");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 1000; i++) b.append(i).append(",kind ").append(i).append('\n');
        Files.writeString(names, b.toString(), StandardCharsets.UTF_8);
        Path labels = dir.resolve("truth.csv");
        Files.writeString(labels, "file,label\nimages/picture0.png,417\npicture1.png,kind 3\ndamaged.png,5\n", StandardCharsets.UTF_8);
        List<String> unlabelled = List.of("--model", model.toString(), "--images", images.toString(), "--patch", "8,16,32",
                "--mode", "flexi", "--size", "64", "--classes", names.toString());
        List<String> common = new ArrayList<>(unlabelled);
        common.addAll(List.of("--labels", labels.toString()));

        Path csv = dir.resolve("cli.csv");
        runSweepCommand(common, csv);
        Path out = dir.resolve("spark.parquet");
        int loadsBefore = ExecutorModels.loads();
        JsonObject summary = runSpark(common, out);
        assertEquals(1, ExecutorModels.loads() - loadsBefore, "one model load for the driver and both task threads of local[2]");

        Map<String, List<String>> rows = parquetRows(out);
        assertRowsEqual(csvRows(csv), rows, 9);
        assertJudged(rows, Map.of("picture0.png", 417, "picture1.png", 3), 6);
        for (List<String> f : rows.values()) {
            assertEquals("kind " + f.get(column("top1_index")), f.get(column("top1_label")), "--classes names the rows' classes");
        }
        List<Row> errors = spark.read().parquet(out.toString()).filter(col(SweepColumns.ERROR).isNotNull()).collectAsList();
        assertEquals(3, errors.size(), "one error row per patch size of the damaged picture");
        for (Row r : errors) {
            assertTrue(r.getString(r.fieldIndex("image")).endsWith("damaged.png"));
            assertTrue(r.getString(r.fieldIndex(SweepColumns.ERROR)).contains("damaged.png"), r.getString(r.fieldIndex(SweepColumns.ERROR)));
            assertTrue(r.isNullAt(r.fieldIndex("top1_index")));
        }
        assertEquals(3, summary.get("error_rows").getAsInt());
        assertEquals(1, summary.get("error_images").getAsInt());
        assertEquals(3, summary.get("labelled_images").getAsInt(), "the damaged picture is listed with a class, as in sweep");
        for (JsonElement p : summary.getAsJsonArray("patches")) {
            assertEquals(2, p.getAsJsonObject().get("labelled_images").getAsInt(), "only measured rows count towards accuracy");
        }
        assertSummariesAgree(JsonParser.parseString(Files.readString(dir.resolve("cli.summary.json"))).getAsJsonObject(), summary);
        assertEquals(summary, JsonParser.parseString(Files.readString(dir.resolve("spark.summary.json"))).getAsJsonObject(),
                "the summary printed is the one written beside the Parquet");

        // a re-run finds every cell done: no rows added, no model loaded again, the same summary
        long before = spark.read().parquet(out.toString()).count();
        JsonObject again = runSpark(common, out);
        assertEquals(before, spark.read().parquet(out.toString()).count());
        assertEquals(12, before);
        assertEquals(0, again.get("images_run").getAsInt());
        assertEquals(summary.get("patches"), again.get("patches"));

        // without --labels the rows already written are judged again, as sweep judges a resumed CSV: no accuracy
        JsonObject unjudged = runSpark(unlabelled, out);
        assertEquals(0, unjudged.get("images_run").getAsInt());
        assertEquals(0, unjudged.get("labelled_images").getAsInt());
        for (JsonElement p : unjudged.getAsJsonArray("patches")) {
            assertFalse(p.getAsJsonObject().has("accuracy_top1"), p.toString());
            assertFalse(p.getAsJsonObject().getAsJsonObject("ci95").has("accuracy_top1"), p.toString());
        }

        // one more patch size: only its cells run
        List<String> more = new ArrayList<>(common);
        more.set(more.indexOf("8,16,32") , "8,16,32,64");
        JsonObject extended = runSpark(more, out);
        assertEquals(4, extended.get("images_run").getAsInt());
        assertEquals(16, spark.read().parquet(out.toString()).count());
    }

    @Test
    void theModelReachesExecutorsAsFilesShippedWithSpark(@TempDir Path dir) throws Exception {
        Path model = TinyCheckpoints.vit(dir.resolve("shipped_vit"));
        Path images = Files.createDirectories(dir.resolve("images"));
        png(images.resolve("one.png"), 32, 32, new Random(3));
        // what spark-submit --files .../config.json,.../model.safetensors does: both files in SparkFiles' folder
        spark.sparkContext().addFile(model.resolve("config.json").toString());
        spark.sparkContext().addFile(model.resolve("model.safetensors").toString());
        Path listed = dir.resolve("images.txt");
        Files.writeString(listed, "# one picture\n" + images.resolve("one.png") + "\n");
        Path out = dir.resolve("shipped.parquet");
        JsonObject summary = runSpark(List.of("--model", "/not/on/this/machine/shipped_vit", "--images", listed.toString(),
                "--patch", "16,32", "--size", "64"), out);
        assertEquals("shipped_vit", summary.get("model").getAsString());
        assertEquals(2, spark.read().parquet(out.toString()).filter(col(SweepColumns.ERROR).isNull()).count());
    }

    @Test
    void pretrainedVitTiOnTwoSamplesInClassFoldersEqualsTheSweepCommand(@TempDir Path dir) throws Exception {
        Path model = TestAssets.model("vit_tiny_patch16_224.augreg_in21k_ft_in1k");
        // ImageNet class folders: chelsea under tabby's WordNet id (281), coffee under the class name "espresso" (967)
        Path images = dir.resolve("images");
        Files.createDirectories(images.resolve("n02123045"));
        Files.createDirectories(images.resolve("espresso"));
        Files.copy(TestAssets.sample("chelsea.png"), images.resolve("n02123045").resolve("chelsea.png"));
        Files.copy(TestAssets.sample("coffee.png"), images.resolve("espresso").resolve("coffee.png"));
        List<String> common = List.of("--model", model.toString(), "--images", images.toString(), "--patch", "16,32",
                "--mode", "flexi", "--size", "224");
        Path csv = dir.resolve("vit.csv");
        runSweepCommand(common, csv);
        Path out = dir.resolve("vit.parquet");
        JsonObject summary = runSpark(common, out);
        Map<String, List<String>> rows = parquetRows(out);
        assertRowsEqual(csvRows(csv), rows, 4);
        assertJudged(rows, Map.of("chelsea.png", 281, "coffee.png", 967), 4);
        assertSummariesAgree(JsonParser.parseString(Files.readString(dir.resolve("vit.summary.json"))).getAsJsonObject(), summary);
        assertEquals(2, summary.get("labelled_images").getAsInt());
        assertEquals(0, summary.get("error_rows").getAsInt());
    }

    private static void runSweepCommand(List<String> common, Path csv) throws Exception {
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of("--jobs", "2", "--out", csv.toString()));
        SweepCommand sweep = new SweepCommand();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = sweep.run(Options.parse(args, sweep.options()), new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertEquals(0, code, "sweep exits 0");
    }

    private static JsonObject runSpark(List<String> common, Path out) {
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of("--out", out.toString(), "--master", "local[2]"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = SparkSweep.run(args, new PrintStream(printed, true, StandardCharsets.UTF_8), new PrintStream(errors, true, StandardCharsets.UTF_8));
        assertEquals(0, code, () -> "spark sweep exits 0: " + errors.toString(StandardCharsets.UTF_8));
        return JsonParser.parseString(printed.toString(StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** The CSV's rows by "image|patch", as field lists. */
    private static Map<String, List<String>> csvRows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(SweepColumns.csvColumns(), SparkSweepCsv.fields(lines.get(0)), "the CSV header is the Parquet's column list");
        Map<String, List<String>> out = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = SparkSweepCsv.fields(line);
            out.put(f.get(0) + "|" + f.get(1), f);
        }
        return out;
    }

    private static Map<String, List<String>> parquetRows(Path out) {
        Map<String, List<String>> rows = new TreeMap<>();
        for (Row r : spark.read().parquet(out.toString()).filter(col(SweepColumns.ERROR).isNull()).collectAsList()) {
            List<String> f = SweepColumns.csvFields(r);
            rows.put(f.get(0) + "|" + f.get(1), f);
        }
        return rows;
    }

    private static void assertRowsEqual(Map<String, List<String>> expected, Map<String, List<String>> actual, int count) {
        assertEquals(count, expected.size(), "rows of sweep");
        assertEquals(expected.keySet(), actual.keySet(), "the same (image, patch) cells");
        List<String> columns = SweepColumns.csvColumns();
        for (String key : expected.keySet()) {
            List<String> e = expected.get(key);
            List<String> a = actual.get(key);
            for (int i = 0; i < columns.size(); i++) {
                String c = columns.get(i);
                if (UNCOMPARED.contains(c)) continue;
                if (EXACT.contains(c) || SweepColumns.typeOf(c) == org.apache.spark.sql.types.DataTypes.StringType) {
                    assertEquals(normalise(e.get(i)), normalise(a.get(i)), key + " " + c);
                } else {
                    assertClose(e.get(i), a.get(i), key + " " + c);
                }
            }
        }
    }

    private static int column(String name) {
        return SweepColumns.csvColumns().indexOf(name);
    }

    /**
     * The rows of the pictures in {@code truth} (by file name) are judged by hand: correct_top1 is 1 exactly when
     * top1_index is the true class, correct_top5 when top5_indices holds it; the other pictures' are empty.
     */
    private static void assertJudged(Map<String, List<String>> rows, Map<String, Integer> truth, int judged) {
        int n = 0;
        for (List<String> f : rows.values()) {
            Integer c = truth.get(Path.of(f.get(0)).getFileName().toString());
            String top1 = c == null ? "" : f.get(column("top1_index")).equals(c.toString()) ? "1" : "0";
            String top5 = c == null ? "" : List.of(f.get(column("top5_indices")).split(" ")).contains(c.toString()) ? "1" : "0";
            assertEquals(top1, f.get(column("correct_top1")), f.toString());
            assertEquals(top5, f.get(column("correct_top5")), f.toString());
            if (c != null) n++;
        }
        assertEquals(judged, n, "rows with a true class");
    }

    /** Integers and 6-digit decimals as one spelling ("0.5" and "0.5", "7" and "7.0"). */
    private static String normalise(String s) {
        if (s.isEmpty() || !s.matches("[-0-9.E ]+")) return s;
        StringBuilder b = new StringBuilder();
        for (String part : s.split(" ")) b.append(new java.math.BigDecimal(part).stripTrailingZeros().toPlainString()).append(' ');
        return b.toString().strip();
    }

    private static void assertClose(String expected, String actual, String what) {
        String[] e = expected.split(" ");
        String[] a = actual.split(" ");
        assertEquals(e.length, a.length, what + " length");
        for (int i = 0; i < e.length; i++) {
            double x = Double.parseDouble(e[i]);
            double y = Double.parseDouble(a[i]);
            assertTrue(Double.isFinite(x) && Double.isFinite(y), what + " finite");
            assertTrue(Math.abs(x - y) <= ABS + REL * Math.abs(x), what + ": sweep " + x + ", spark " + y);
        }
    }

    /**
     * The same summary: run fields exactly; per patch every field (accuracy and the ci95 intervals too) within
     * the rows' tolerance, integers exactly, ms not compared; the same recommendation.
     */
    private static void assertSummariesAgree(JsonObject cli, JsonObject spark) {
        for (String k : List.of("model", "architecture", "mode", "size", "reference_patch", "labelled_images", "intervals")) {
            assertTrue(cli.has(k), k);
            assertEquals(cli.get(k), spark.get(k), k);
        }
        JsonArray a = cli.getAsJsonArray("patches");
        JsonArray b = spark.getAsJsonArray("patches");
        assertEquals(a.size(), b.size());
        assertFalse(a.isEmpty());
        for (int i = 0; i < a.size(); i++) {
            JsonObject x = a.get(i).getAsJsonObject();
            JsonObject y = b.get(i).getAsJsonObject();
            String where = "summary P" + x.get("patch");
            assertEquals(x.keySet(), y.keySet(), where + ": the same fields");
            assertTrue(x.getAsJsonObject("ci95").has("kl"), where + " has intervals");
            for (String k : List.of("patch", "images", "tokens")) assertEquals(x.get(k), y.get(k), where + " " + k);
            if (x.has("labelled_images")) assertEquals(x.get("labelled_images"), y.get("labelled_images"), where + " labelled_images");
            for (Map.Entry<String, JsonElement> e : x.entrySet()) {
                String k = e.getKey();
                if (k.equals("ms")) continue;
                if (k.equals("ci95")) {
                    JsonObject ci = e.getValue().getAsJsonObject();
                    JsonObject other = y.getAsJsonObject("ci95");
                    assertEquals(ci.keySet(), other.keySet(), where + " ci95 fields");
                    for (String q : ci.keySet()) {
                        if (q.equals("ms")) continue;
                        JsonArray lowHigh = ci.getAsJsonArray(q);
                        assertEquals(2, lowHigh.size());
                        for (int j = 0; j < 2; j++) {
                            assertClose(lowHigh.get(j).getAsString(), other.getAsJsonArray(q).get(j).getAsString(), where + " ci95 " + q);
                        }
                    }
                } else {
                    assertClose(e.getValue().getAsString(), y.get(k).getAsString(), where + " " + k);
                }
            }
        }
        JsonObject r = cli.getAsJsonObject("recommendation");
        JsonObject s = spark.getAsJsonObject("recommendation");
        assertEquals(r.keySet(), s.keySet());
        for (String k : List.of("min_agreement_percent", "max_kl", "patch", "knee", "text")) assertEquals(r.get(k), s.get(k), "recommendation " + k);
    }

    private static void png(Path file, int w, int h, Random random) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, random.nextInt(0x1000000));
        assertTrue(ImageIO.write(img, "png", file.toFile()));
    }
}
