package dev.patchexplorer.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * This process's resident memory (working set) in KiB, read the way each desktop system offers it:
 * /proc/self/status on Linux, ps on macOS and the BSDs, tasklist on Windows. Throws rather than guess,
 * so that a memory bound never passes for want of a measurement.
 */
public final class ResidentMemory {
    private ResidentMemory() {}

    public static long kib() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) return fromProcStatus(Files.readAllLines(status));
        long pid = ProcessHandle.current().pid();
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return windows
                ? fromTasklist(run("tasklist", "/FI", "PID eq " + pid, "/FO", "CSV", "/NH"))
                : fromPs(run("ps", "-o", "rss=", "-p", String.valueOf(pid)));
    }

    /** "VmRSS:   123456 kB". */
    static long fromProcStatus(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        throw new IllegalStateException("no VmRSS line in /proc/self/status");
    }

    /** ps -o rss= prints the resident size in KiB, padded. */
    static long fromPs(String out) {
        String digits = out.strip();
        if (!digits.matches("\\d+")) throw new IllegalStateException("ps printed no resident size: '" + out + "'");
        return Long.parseLong(digits);
    }

    /** "java.exe","1234","Console","1","123,456 K": the last field, with the locale's grouping mark dropped. */
    static long fromTasklist(String out) {
        String line = out.strip();
        int last = line.lastIndexOf(",\"");
        if (last < 0 || !line.endsWith("K\"")) throw new IllegalStateException("tasklist printed no memory column: '" + out + "'");
        return Long.parseLong(line.substring(last + 2).replaceAll("\\D", ""));
    }

    private static String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) throw new IOException(String.join(" ", command) + " failed: " + out.strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command[0], e);
        }
        return out;
    }
}
