package dev.patchexplorer.spark;

import dev.patchexplorer.cli.SparkSweepCsv;
import dev.patchexplorer.core.sweep.SweepImage;
import dev.patchexplorer.core.sweep.SweepMode;
import dev.patchexplorer.core.sweep.SweepRow;
import dev.patchexplorer.model.EngineThreads;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.sweep.PatchSweepRunner;
import dev.patchexplorer.model.sweep.SweepJob;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The work of one Spark partition: its pictures, each at its pending patch sizes, through the same
 * {@link SweepJob} and {@link PatchSweepRunner} that {@code sweep} runs (one worker: Spark runs one such
 * task per executor core). The model comes from {@link ExecutorModels}, so it is loaded once per
 * executor JVM. Rows are produced picture by picture as Spark pulls them, so a partition's results never
 * all sit in memory. A picture that cannot be read or run gives one error row per pending patch size,
 * never a failed task.
 */
final class SweepTask implements FlatMapFunction<Iterator<SweepTask.Pending>, Row> {
    private static final long serialVersionUID = 1L;

    /** One picture, the patch sizes still to run on it, and its true class ({@link SweepRow#UNKNOWN} without one). */
    record Pending(String image, int[] patches, int trueClass) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** What every task of a sweep holds fixed; {@code classes}: --classes' names, or null for the model's own. */
    record Settings(String model, String modelName, SweepMode mode, int size, int referencePatch, List<String> classes)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final Settings settings;

    SweepTask(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Iterator<Row> call(Iterator<Pending> pictures) throws Exception {
        ViTModel vit = ExecutorModels.get(settings.model());
        // a task asks Spark for spark.task.cpus cores (1 by default): PyTorch gets that many threads
        TaskContext task = TaskContext.get();
        int threads = task == null ? 1 : Math.max(1, task.cpus());
        if (EngineThreads.get() != threads) EngineThreads.set(threads);
        PatchSweepRunner runner = new PatchSweepRunner(vit, settings.mode(), settings.size(), settings.referencePatch(),
                SparkSweepCsv.labels(settings.classes()));
        return new Iterator<>() {
            private Iterator<Row> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && pictures.hasNext()) current = rowsOf(runner, pictures.next()).iterator();
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) throw new NoSuchElementException();
                return current.next();
            }
        };
    }

    /** The rows of one picture: measured rows, or error rows for the patch sizes that could not run. */
    List<Row> rowsOf(PatchSweepRunner runner, Pending p) {
        List<Integer> patches = java.util.Arrays.stream(p.patches()).boxed().toList();
        List<Row> rows = new ArrayList<>();
        Set<Integer> done = new TreeSet<>();
        String[] error = {null};
        SweepJob.Listener listener = new SweepJob.Listener() {
            @Override
            public void row(SweepRow row) {
                rows.add(SweepColumns.row(row, settings.modelName()));
                done.add(row.patch());
            }

            @Override
            public void skipped(String image, String reason) {
                error[0] = reason;
            }
        };
        SweepJob.ImageSource source = (name, ps) -> SweepImage.of(name, ImageFetch.read(name), runner.settings(), ps);
        try {
            SweepJob.run(runner, List.of(new SweepJob.Pending(p.image(), patches, p.trueClass())).iterator(), source, 1, listener, () -> false);
        } catch (Exception | OutOfMemoryError e) {
            // one bad picture (e.g. too large for this executor) must not fail the job: it is recorded instead
            error[0] = "cannot run " + p.image() + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
        if (error[0] != null) {
            for (int patch : patches) {
                if (!done.contains(patch)) {
                    rows.add(SweepColumns.errorRow(p.image(), patch, settings.mode().word(), runner.settings().plan(patch).side(),
                            settings.referencePatch(), settings.modelName(), error[0]));
                }
            }
        }
        return rows;
    }
}
