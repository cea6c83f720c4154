package dev.patchexplorer.cli;

import dev.patchexplorer.core.sweep.PatchAggregate;
import dev.patchexplorer.core.sweep.Recommendation;
import dev.patchexplorer.core.sweep.SweepRow;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Spark job's window onto the {@code sweep} command's package-private pieces: the CSV's columns and
 * its row-to-fields code, the --images listing and the recommendation sentence. The Parquet columns are
 * derived from these, so they cannot drift from the CSV. It lives in the cli package (but in the
 * Spark source folder) so that the sweep command's files need no change for it.
 */
public final class SparkSweepCsv {
    private SparkSweepCsv() {}

    /** The CSV header's column names, in order. */
    public static List<String> columns() {
        return SweepCsv.COLUMNS;
    }

    /** The fields of {@code row} exactly as the CSV writes them (unquoted), in {@link #columns()} order. */
    public static List<String> fields(SweepRow row) {
        return SweepCsv.fields(SweepCsv.format(row));
    }

    /** A row read back from its fields, as a resumed {@code sweep} reads its CSV. */
    public static SweepRow row(List<String> fields) {
        return SweepCsv.parse(fields.stream().map(SweepCsv::quote).collect(Collectors.joining(",")));
    }

    /** The fields of one line of a sweep CSV. */
    public static List<String> fields(String csvLine) {
        return SweepCsv.fields(csvLine);
    }

    /** The pictures {@code sweep --images VALUE} would run, in the same order and spelling. */
    public static List<Path> localImages(String value) throws UsageException {
        return SweepCommand.images(value);
    }

    /** The sentence of the summary's {@code recommendation.text}. */
    public static String recommendationText(Recommendation r, int referencePatch) {
        return SweepCommand.recommendationText(r, referencePatch);
    }

    /**
     * One entry of the summary's {@code patches} list. Mirrors SweepCommand.aggregate (private there);
     * SparkSweepTest compares the two summaries field by field, so a change on one side shows.
     */
    public static Map<String, Object> aggregate(PatchAggregate a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("patch", a.patch());
        m.put("images", a.images());
        m.put("tokens", a.tokens());
        m.put("gmacs", a.gmacs());
        m.put("agree_top1", a.agreeTop1());
        m.put("agree_top5", a.agreeTop5());
        m.put("kl", a.kl());
        m.put("confidence", a.confidence());
        m.put("margin", a.margin());
        m.put("entropy", a.entropy());
        m.put("attention_entropy", a.attentionEntropy());
        m.put("mean_attention_distance_px", a.meanAttentionDistancePx());
        m.put("rollout_area60_px2", a.rolloutArea60Px2());
        m.put("heatmap_iou60", a.heatmapIou60());
        m.put("ms", a.meanMs());
        return m;
    }

    /** {@code --size} as {@code sweep} reads it: the option, else {@code modelSize}, checked the same way. */
    public static int size(Options o, int modelSize) throws UsageException {
        var option = CommonOptions.size(o);
        return option.isPresent() ? option.getAsInt() : CommonOptions.size(CommonOptions.SIZE.name(), modelSize);
    }

    /** Refuses a patch size {@code sweep} refuses on a {@code size} x {@code size} image, with its sentence. */
    public static void checkPatch(int patch, int size) throws UsageException {
        CommonOptions.checkPatch(patch, size, size);
    }

    /** The options {@code sweep} and the Spark job share, with sweep's own help text. */
    public static List<OptionSpec> sharedOptions(String... names) {
        List<String> wanted = List.of(names);
        return new SweepCommand().options().stream().filter(s -> wanted.contains(s.name())).toList();
    }
}
