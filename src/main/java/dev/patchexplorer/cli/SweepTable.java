package dev.patchexplorer.cli;

import dev.patchexplorer.model.sweep.SweepCsv;
import dev.patchexplorer.core.sweep.SweepKey;
import dev.patchexplorer.core.sweep.SweepMode;
import dev.patchexplorer.core.sweep.SweepRow;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The sweep's CSV file as a resumable log: opening it keeps the finished rows (a half-written last
 * line, left by a killed run, is cut off), and each new row is appended as one whole line and flushed,
 * so a run killed at any moment loses at most the row it was writing.
 */
final class SweepTable implements AutoCloseable {
    private final Path file;
    private final Set<SweepKey> done = new HashSet<>();
    private final BufferedWriter writer;

    private SweepTable(Path file, BufferedWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    /**
     * Opens (or creates) {@code file} for a sweep in {@code mode} against {@code referencePatch};
     * every finished row is passed to {@code existing}.
     *
     * @throws UsageException when the file holds another table or another sweep's rows
     */
    static SweepTable open(Path file, SweepMode mode, int referencePatch, Consumer<SweepRow> existing)
            throws IOException, UsageException {
        if (Files.isDirectory(file)) throw new UsageException("--out " + file + " is a folder, not a CSV file");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) throw new UsageException("--out " + file + ": no folder " + parent);
        repairLastLine(file);
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        Set<SweepKey> done = new HashSet<>();
        if (!fresh) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String header = in.readLine();
                if (header != null && SweepCsv.HEADER.startsWith(header + ",")) {
                    throw new UsageException("--out " + file + " was written by an older version without the correct_top1 and "
                            + "correct_top5 columns; choose another --out");
                }
                if (!SweepCsv.HEADER.equals(header)) {
                    throw new UsageException("--out " + file + " is not a sweep table (its first line is not the sweep header); choose another --out");
                }
                String line;
                int n = 1;
                while ((line = in.readLine()) != null) {
                    n++;
                    if (line.isEmpty()) continue;
                    SweepRow r;
                    try {
                        r = SweepCsv.parse(line);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--out " + file + " line " + n + " " + e.getMessage() + "; repair it or choose another --out");
                    }
                    if (r.mode() != mode || r.referencePatch() != referencePatch) {
                        throw new UsageException("--out " + file + " holds a sweep in mode " + r.mode().word() + " against patch "
                                + r.referencePatch() + "; run with the same --mode and --reference, or choose another --out");
                    }
                    if (done.add(r.key())) existing.accept(r);
                }
            }
        }
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        SweepTable t = new SweepTable(file, w);
        t.done.addAll(done);
        if (fresh) t.writeLine(SweepCsv.HEADER);
        return t;
    }

    /** Cuts the file after its last line break: what follows is a row a killed run did not finish. */
    static void repairLastLine(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long end = f.length();
            long keep = end;
            while (keep > 0) {
                f.seek(keep - 1);
                if (f.read() == '\n') break;
                keep--;
            }
            if (keep != end) f.setLength(keep);
        }
    }

    boolean isDone(SweepKey key) {
        return done.contains(key);
    }

    int doneCount() {
        return done.size();
    }

    Path file() {
        return file;
    }

    /** Appends a row unless its (image, patch) is already in the file; returns whether it was written. */
    boolean append(SweepRow row) throws IOException {
        if (!done.add(row.key())) return false;
        writeLine(SweepCsv.format(row));
        return true;
    }

    private void writeLine(String line) throws IOException {
        writer.write(line + "\n");
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
