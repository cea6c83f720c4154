package dev.patchexplorer.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A per-user log file with rotation, through java.util.logging (DJL's slf4j output arrives
 * here via slf4j-jdk14). Five files of 2 MB: enough history for a bug report, small enough
 * never to matter on disk.
 */
public final class Logging {
    /** Overrides the log folder, e.g. for tests or a portable install. */
    public static final String FOLDER_PROPERTY = "patchexplorer.logs";
    static final String FILE_PATTERN = "patch-explorer-%g.log";
    static final int FILE_LIMIT_BYTES = 2 * 1024 * 1024;
    static final int FILE_COUNT = 5;

    private static FileHandler installed;
    private static Path installedFolder;

    private Logging() {}

    /** Starts logging to the user's log folder and returns that folder. */
    public static Path install() {
        return install(folder());
    }

    /** Starts logging into {@code folder}; calling it again moves the file there. */
    public static synchronized Path install(Path folder) {
        if (folder.equals(installedFolder)) return folder;
        try {
            Files.createDirectories(folder);
            FileHandler handler = new FileHandler(
                    folder.resolve(FILE_PATTERN).toString(), FILE_LIMIT_BYTES, FILE_COUNT, true);
            handler.setEncoding("UTF-8");
            handler.setFormatter(new LineFormatter());
            handler.setLevel(Level.ALL);
            Logger root = Logger.getLogger("");
            if (installed != null) {
                root.removeHandler(installed);
                installed.close();
            }
            root.addHandler(handler);
            installed = handler;
            installedFolder = folder;
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write logs to " + folder, e);
        }
    }

    /** The folder logs go to on this machine, whether or not logging is installed. */
    public static Path folder() {
        String override = System.getProperty(FOLDER_PROPERTY);
        if (override != null && !override.isBlank()) return Path.of(override);
        return defaultFolder(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home")));
    }

    /** Each OS's convention for per-user logs that are not roamed or backed up. */
    static Path defaultFolder(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : home.resolve("AppData/Local");
            return base.resolve("PatchExplorer").resolve("logs");
        }
        if (os.startsWith("mac")) return home.resolve("Library/Logs/PatchExplorer");
        String state = env.get("XDG_STATE_HOME");
        Path base = state != null && Path.of(state).isAbsolute() ? Path.of(state) : home.resolve(".local/state");
        return base.resolve("patch-explorer").resolve("logs");
    }

    /** One line per record, then the stack trace if any: readable in a text editor and in bug reports. */
    static final class LineFormatter extends Formatter {
        private static final DateTimeFormatter TIME =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord r) {
            StringBuilder line = new StringBuilder()
                    .append(TIME.format(r.getInstant())).append(' ')
                    .append(String.format("%-7s", r.getLevel().getName())).append(' ')
                    .append('[').append(Thread.currentThread().getName()).append("] ")
                    .append(r.getLoggerName()).append(": ")
                    .append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }

    /** For tests: stops writing the file, so a temporary folder can go away. */
    static synchronized void uninstall() {
        if (installed == null) return;
        Logger.getLogger("").removeHandler(installed);
        installed.close();
        installed = null;
        installedFolder = null;
    }
}
