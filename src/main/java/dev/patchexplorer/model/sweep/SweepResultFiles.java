package dev.patchexplorer.model.sweep;

import dev.patchexplorer.core.format.Json;
import dev.patchexplorer.core.sweep.PatchAggregate;
import dev.patchexplorer.core.sweep.SweepAggregator;
import dev.patchexplorer.core.sweep.SweepRow;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code sweep} command's CSV and JSON summary for callers outside this package (the window's
 * Choose view exports through it), so that a file written there is the file {@code sweep} writes.
 */
public final class SweepResultFiles {
    private SweepResultFiles() {}

    public static String csvHeader() {
        return SweepCsv.HEADER;
    }

    public static String csvRow(SweepRow row) {
        return SweepCsv.format(row);
    }

    /** Where {@code sweep} puts the summary of {@code csv}: beside it, {@code NAME.summary.json}. */
    public static Path summaryFileOf(Path csv) {
        String name = csv.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(stem + ".summary.json");
    }

    /** Means per patch size over rows as {@code sweep} takes them: each as it reads back from the CSV (6 digits). */
    public static List<PatchAggregate> aggregates(List<SweepRow> rows) {
        SweepAggregator totals = new SweepAggregator();
        for (SweepRow r : rows) totals.add(SweepCsv.parse(SweepCsv.format(r)));
        return totals.result();
    }

    /**
     * The summary JSON, as {@code sweep} prints it (nothing skipped).
     *
     * @param rowsFile     the CSV of the rows, or null when they were not written (then {@code "csv": null})
     * @param minAgreement a fraction, 0..1
     */
    public static String summaryJson(String model, String architecture, dev.patchexplorer.core.sweep.SweepMode mode, int size,
                                     int referencePatch, Path rowsFile, List<PatchAggregate> aggregates, int labelled,
                                     double minAgreement, double maxKl) {
        var run = new SweepSummary.Run(model, architecture, mode, size, referencePatch, "csv",
                rowsFile == null ? null : rowsFile.toString());
        Map<String, Object> summary = SweepSummary.of(run, aggregates, labelled, minAgreement, maxKl);
        summary.put("skipped", List.of());
        return Json.text(summary);
    }
}
