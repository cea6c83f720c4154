package dev.patchexplorer.cli;

import dev.patchexplorer.model.sweep.SweepSummary;
import dev.patchexplorer.model.sweep.SweepCsv;
import dev.patchexplorer.core.sweep.ClassNames;
import dev.patchexplorer.core.sweep.GroundTruth;
import dev.patchexplorer.core.sweep.PatchAggregate;
import dev.patchexplorer.core.sweep.SweepMode;
import dev.patchexplorer.core.sweep.SweepRow;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The Spark job's window onto the {@code sweep} command's package-private pieces: the CSV's columns and
 * its row-to-fields code, the --images listing, --classes and --labels, and the JSON summary. The
 * Parquet columns are derived from these, so they cannot drift from the CSV, and the summary is built by
 * the same code. It lives in the cli package (but in the Spark source folder) so that the sweep command
 * need not make these public.
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

    /** Local pictures as {@code sweep --images} lists them, and the true classes of those in class folders. */
    public record LocalImages(List<Path> images, GroundTruth folders) {}

    /** The pictures {@code sweep --images VALUE} would run, in the same order and spelling, looking class folders up in {@code classes}. */
    public static LocalImages localImages(String value, ClassNames classes) throws UsageException {
        SweepCommand.ImageArgument a = SweepCommand.images(value, classes);
        return new LocalImages(a.images(), a.folders());
    }

    /** {@code --classes} read as {@code sweep} reads it: the names given, or null for the model's own. */
    public static List<String> givenClasses(Options o) throws UsageException {
        return SweepCommand.ClassArgument.of(o).given();
    }

    /** The names labels and class folders are looked up in: {@code given}, else ImageNet-1k's. */
    public static ClassNames classNames(List<String> given) {
        return SweepCommand.ClassArgument.of(given).names();
    }

    /** The rows' top1_label names, as {@code sweep} names them: {@code given}, or null for the model's own. */
    public static IntFunction<String> labels(List<String> given) {
        return SweepCommand.ClassArgument.of(given).labels();
    }

    /** The true classes as {@code sweep} takes them: {@code --labels}' lines, else {@code folders}'. */
    public static GroundTruth truth(Options o, ClassNames classes, GroundTruth folders) throws UsageException {
        return SweepCommand.truth(o, classes, folders);
    }

    /** Refuses {@code --classes} or true classes that do not fit the model, with {@code sweep}'s sentences. */
    public static void checkClasses(List<String> given, GroundTruth truth, int modelClasses) throws UsageException {
        SweepCommand.ClassArgument.of(given).check(truth, modelClasses);
    }

    /** {@code sweep}'s JSON summary (patches with ci95 and accuracy, recommendation), with "parquet" where it has "csv". */
    public static Map<String, Object> summary(String model, String architecture, SweepMode mode, int size, int referencePatch,
                                              String parquet, List<PatchAggregate> aggregates, int labelled,
                                              double minAgreement, double maxKl) {
        var run = new SweepSummary.Run(model, architecture, mode, size, referencePatch, "parquet", parquet);
        return SweepSummary.of(run, aggregates, labelled, minAgreement, maxKl);
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
