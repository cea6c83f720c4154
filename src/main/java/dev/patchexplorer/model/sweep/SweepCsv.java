package dev.patchexplorer.model.sweep;

import dev.patchexplorer.core.sweep.CsvLine;
import dev.patchexplorer.core.sweep.SweepMode;
import dev.patchexplorer.core.sweep.SweepRow;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sweep's CSV (RFC 4180): one row per (image, patch), a fixed header people script against,
 * fields with commas, quotes or line breaks quoted. Lists (top-5 indices, per-layer values) are
 * space-separated inside one field. Numbers keep 6 significant digits, so a row reads back exactly.
 * New columns only ever go at the end; correct_top1 and correct_top5 are empty for an image without a true class.
 */
public final class SweepCsv {
    public static final List<String> COLUMNS = List.of("image", "patch", "mode", "size", "tokens", "gmacs",
            "top1_index", "top1_label", "top1_prob", "top5_indices", "agree_top1", "agree_top5", "kl", "entropy",
            "attention_entropy", "mean_attention_distance_px", "rollout_area60_px2", "ms",
            "reference_patch", "grid_h", "grid_w", "margin", "heatmap_iou60",
            "attention_entropy_by_layer", "mean_attention_distance_px_by_layer", "correct_top1", "correct_top5");
    public static final String HEADER = String.join(",", COLUMNS);

    private SweepCsv() {}

    public static String format(SweepRow r) {
        List<String> f = List.of(r.image(), Integer.toString(r.patch()), r.mode().word(), Integer.toString(r.size()),
                Integer.toString(r.tokens()), num(r.gmacs()), Integer.toString(r.top1Index()), r.top1Label(), num(r.top1Prob()),
                Arrays.stream(r.top5Indices()).mapToObj(Integer::toString).collect(Collectors.joining(" ")),
                Integer.toString(r.agreeTop1()), Integer.toString(r.agreeTop5()), num(r.kl()), num(r.entropy()),
                num(r.attentionEntropy()), num(r.meanAttentionDistancePx()), num(r.rolloutArea60Px2()), num(r.ms()),
                Integer.toString(r.referencePatch()), Integer.toString(r.gridH()), Integer.toString(r.gridW()),
                num(r.margin()), num(r.heatmapIou60()), list(r.attentionEntropyByLayer()), list(r.meanAttentionDistanceByLayerPx()),
                correctness(r.correctTop1()), correctness(r.correctTop5()));
        return f.stream().map(SweepCsv::quote).collect(Collectors.joining(","));
    }

    /** @throws IllegalArgumentException for a line that is not a sweep row */
    public static SweepRow parse(String line) {
        List<String> f = fields(line);
        if (f.size() != COLUMNS.size()) throw new IllegalArgumentException("has " + f.size() + " fields, expected " + COLUMNS.size());
        try {
            return new SweepRow(f.get(0), i(f.get(1)), SweepMode.parse(f.get(2)), i(f.get(3)), i(f.get(18)), i(f.get(19)), i(f.get(20)),
                    i(f.get(4)), d(f.get(5)), i(f.get(6)), f.get(7), d(f.get(8)),
                    Arrays.stream(f.get(9).split(" ")).mapToInt(Integer::parseInt).toArray(),
                    i(f.get(10)), i(f.get(11)), d(f.get(12)), d(f.get(13)), d(f.get(21)),
                    d(f.get(14)), doubles(f.get(23)), d(f.get(15)), doubles(f.get(24)), d(f.get(16)), d(f.get(22)), d(f.get(17)),
                    correctness(f.get(25)), correctness(f.get(26)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("holds a field that is not a number");
        }
    }

    /** The fields of one CSV line (quotes removed, doubled quotes undone). */
    public static List<String> fields(String line) {
        return CsvLine.fields(line);
    }

    public static String quote(String s) {
        String one = s.replace('\r', ' ').replace('\n', ' '); // a row is one line, so it can be repaired by lines
        return one.contains(",") || one.contains("\"") ? '"' + one.replace("\"", "\"\"") + '"' : one;
    }

    /** 6 significant digits, plain notation. */
    public static String num(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("a sweep value is " + v);
        if (v == 0) return "0";
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String correctness(int v) {
        return v == SweepRow.UNKNOWN ? "" : Integer.toString(v);
    }

    private static int correctness(String s) {
        if (s.isEmpty()) return SweepRow.UNKNOWN;
        int v = Integer.parseInt(s);
        if (v != 0 && v != 1) throw new NumberFormatException();
        return v;
    }

    private static String list(double[] v) {
        return Arrays.stream(v).mapToObj(SweepCsv::num).collect(Collectors.joining(" "));
    }

    private static double[] doubles(String s) {
        return s.isEmpty() ? new double[0] : Arrays.stream(s.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    private static int i(String s) {
        return Integer.parseInt(s);
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
