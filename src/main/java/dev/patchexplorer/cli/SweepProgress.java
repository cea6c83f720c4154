package dev.patchexplorer.cli;

import dev.patchexplorer.core.sweep.SweepRow;

import java.io.PrintStream;
import java.util.Locale;

/** Progress of a sweep on stderr: a bar redrawn in place on a terminal, plain lines otherwise (logs, pipes). */
final class SweepProgress {
    private static final int BAR = 30;
    private final PrintStream err;
    private final int total;
    private final boolean terminal;
    private int done;

    SweepProgress(PrintStream err, int total, int alreadyDone) {
        this.err = err;
        this.total = total;
        this.terminal = err == System.err && System.console() != null;
        if (alreadyDone > 0) err.println("sweep: " + alreadyDone + " rows already in the table, " + total + " to run");
    }

    void row(SweepRow r) {
        done++;
        if (terminal) {
            int filled = total == 0 ? BAR : done * BAR / total;
            err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d %s P%d", "#".repeat(filled), " ".repeat(BAR - filled), done, total,
                    r.image(), r.patch()));
        } else {
            err.println(String.format(Locale.ROOT, "sweep: %d/%d %s P%d %.0f ms", done, total, r.image(), r.patch(), r.ms()));
        }
    }

    void skipped(String image, String reason) {
        if (terminal) err.println();
        err.println("sweep: skipped " + image + ": " + reason);
    }

    void done() {
        if (terminal && done > 0) err.println();
    }
}
