package dev.patchexplorer.spark;

import dev.patchexplorer.cli.SparkSweepCsv;
import dev.patchexplorer.core.sweep.SweepRow;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Parquet columns of the Spark sweep: the sweep CSV's columns, in its order and with its values
 * (taken from the CSV writer itself, so 6 significant digits as there), typed; then {@code model} and
 * {@code error}. A column the CSV gains later and this table does not know is kept as a string.
 * An empty CSV field (correct_top1/5 of a picture without a true class) is null.
 * An error row (a picture that could not be read) holds only the image, patch, mode, size, reference,
 * model and error; its other columns are null.
 */
public final class SweepColumns {
    public static final String MODEL = "model";
    public static final String ERROR = "error";

    private static final DataType INTS = DataTypes.createArrayType(DataTypes.IntegerType, false);
    private static final DataType DOUBLES = DataTypes.createArrayType(DataTypes.DoubleType, false);
    private static final Map<String, DataType> TYPES = Map.ofEntries(
            Map.entry("patch", DataTypes.IntegerType), Map.entry("size", DataTypes.IntegerType),
            Map.entry("tokens", DataTypes.IntegerType), Map.entry("gmacs", DataTypes.DoubleType),
            Map.entry("top1_index", DataTypes.IntegerType), Map.entry("top1_prob", DataTypes.DoubleType),
            Map.entry("top5_indices", INTS), Map.entry("agree_top1", DataTypes.IntegerType),
            Map.entry("agree_top5", DataTypes.IntegerType), Map.entry("kl", DataTypes.DoubleType),
            Map.entry("entropy", DataTypes.DoubleType), Map.entry("attention_entropy", DataTypes.DoubleType),
            Map.entry("mean_attention_distance_px", DataTypes.DoubleType), Map.entry("rollout_area60_px2", DataTypes.DoubleType),
            Map.entry("ms", DataTypes.DoubleType), Map.entry("reference_patch", DataTypes.IntegerType),
            Map.entry("grid_h", DataTypes.IntegerType), Map.entry("grid_w", DataTypes.IntegerType),
            Map.entry("margin", DataTypes.DoubleType), Map.entry("heatmap_iou60", DataTypes.DoubleType),
            Map.entry("attention_entropy_by_layer", DOUBLES), Map.entry("mean_attention_distance_px_by_layer", DOUBLES),
            // 0/1 as the CSV writes them (like agree_top1/5, so avg() is the accuracy), null without a true class
            Map.entry("correct_top1", DataTypes.IntegerType), Map.entry("correct_top5", DataTypes.IntegerType));

    private SweepColumns() {}

    /** The CSV's columns as the sweep writes them today. */
    public static List<String> csvColumns() {
        return SparkSweepCsv.columns();
    }

    public static StructType schema() {
        List<StructField> fields = new ArrayList<>();
        for (String c : csvColumns()) fields.add(DataTypes.createStructField(c, typeOf(c), true));
        fields.add(DataTypes.createStructField(MODEL, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(ERROR, DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    static DataType typeOf(String column) {
        return TYPES.getOrDefault(column, DataTypes.StringType);
    }

    /** The Parquet row of a measured (image, patch). */
    public static Row row(SweepRow r, String model) {
        List<String> text = SparkSweepCsv.fields(r);
        List<String> columns = csvColumns();
        Object[] v = new Object[columns.size() + 2];
        for (int i = 0; i < columns.size(); i++) v[i] = value(typeOf(columns.get(i)), text.get(i));
        v[columns.size()] = model;
        return RowFactory.create(v);
    }

    /** The Parquet row of an (image, patch) that could not be run, with the reason. */
    public static Row errorRow(String image, int patch, String mode, int size, int referencePatch, String model, String reason) {
        List<String> columns = csvColumns();
        Object[] v = new Object[columns.size() + 2];
        v[columns.indexOf("image")] = image;
        v[columns.indexOf("patch")] = patch;
        v[columns.indexOf("mode")] = mode;
        v[columns.indexOf("size")] = size;
        v[columns.indexOf("reference_patch")] = referencePatch;
        v[columns.size()] = model;
        v[columns.size() + 1] = reason;
        return RowFactory.create(v);
    }

    /** A measured Parquet row back as the CSV's fields, in {@link #csvColumns()} order. */
    public static List<String> csvFields(Row row) {
        List<String> out = new ArrayList<>();
        for (String c : csvColumns()) {
            int i = row.fieldIndex(c);
            if (row.isNullAt(i)) out.add("");
            else if (typeOf(c) instanceof ArrayType) out.add(row.getList(i).stream().map(String::valueOf).collect(Collectors.joining(" ")));
            else out.add(String.valueOf(row.get(i)));
        }
        return out;
    }

    private static Object value(DataType type, String text) {
        if (text.isEmpty() && (type == DataTypes.IntegerType || type == DataTypes.DoubleType)) return null; // an empty CSV field
        if (type == DataTypes.IntegerType) return Integer.parseInt(text);
        if (type == DataTypes.DoubleType) return Double.parseDouble(text);
        // Spark's external type for an array column is a Scala Seq
        if (type == INTS) return seq(text.isEmpty() ? List.of() : Arrays.stream(text.split(" ")).map(Integer::valueOf).toList());
        if (type == DOUBLES) return seq(text.isEmpty() ? List.of() : Arrays.stream(text.split(" ")).map(Double::valueOf).toList());
        return text;
    }

    @SuppressWarnings("deprecation") // JavaConverters is the converter Scala 2.12 has
    private static <T> scala.collection.Seq<T> seq(List<T> list) {
        return scala.collection.JavaConverters.asScalaBuffer(new ArrayList<>(list));
    }
}
