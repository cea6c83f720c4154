package dev.patchexplorer.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A per-user log file with rotation, through java.util.logging (DJL's slf4j output arrives
 * here via slf4j-jdk14). Five files of 2 MB: enough history for a bug report, small enough
 * never to matter on disk. The console stays quiet: java.util.logging's default handler would
 * print DJL's and PyTorch's INFO and WARNING lines on stderr of every command and of the
 * terminal that started the window; only {@code --verbose} puts them back there.
 */
public final class Logging {
    /** Overrides the log folder, e.g. for tests or a portable install. */
    public static final String FOLDER_PROPERTY = "patchexplorer.logs";
    static final String FILE_PATTERN = "patch-explorer-%g.log";
    static final int FILE_LIMIT_BYTES = 2 * 1024 * 1024;
    static final int FILE_COUNT = 5;
    private static final int TAIL_BYTES = 8192;

    private static FileHandler installed;
    private static Path installedFolder;
    private static Path installedFile;
    /** JUL's own console handlers, taken off the root logger; kept so tests can put them back. */
    private static final List<Handler> removedConsoleHandlers = new ArrayList<>();
    private static Handler verboseHandler;

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
            installedFile = fileWrittenBy(handler, folder);
            quietConsole();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write logs to " + folder, e);
        }
    }

    /**
     * The file the installed handler writes, if logging is installed. Usually
     * {@code patch-explorer-0.log}; FileHandler adds {@code .1}, {@code .2}… when another process
     * (the window, a second command) holds that one.
     */
    public static synchronized Optional<Path> file() {
        return Optional.ofNullable(installedFile);
    }

    /**
     * Log lines on stderr too ({@code --verbose}), or only in the file (the default). Either way
     * java.util.logging's default console handler is taken off, so nothing prints twice.
     */
    public static synchronized void setVerbose(boolean verbose) {
        quietConsole();
        Logger root = Logger.getLogger("");
        if (verbose && verboseHandler == null) {
            verboseHandler = new ConsoleHandler();
            verboseHandler.setFormatter(new LineFormatter());
            verboseHandler.setLevel(Level.ALL);
            root.addHandler(verboseHandler);
        } else if (!verbose && verboseHandler != null) {
            root.removeHandler(verboseHandler);
            verboseHandler.close();
            verboseHandler = null;
        }
    }

    private static void quietConsole() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            if (h instanceof ConsoleHandler && h != verboseHandler) {
                root.removeHandler(h);
                removedConsoleHandlers.add(h);
            }
        }
    }

    /**
     * Which of the possible names the new handler took: a start line naming this process goes
     * in, and the candidate whose end holds it is ours. Only the last few KB of each are read.
     */
    private static Path fileWrittenBy(FileHandler handler, Path folder) throws IOException {
        String marker = "log opened by process " + ProcessHandle.current().pid() + " (" + System.nanoTime() + ")";
        LogRecord start = new LogRecord(Level.INFO, marker);
        start.setLoggerName(Logging.class.getName());
        handler.publish(start); // straight to the file: not to the console, whatever the levels
        handler.flush();
        String first = FILE_PATTERN.replace("%g", "0");
        for (int unique = 0; unique < 100; unique++) {
            Path candidate = folder.resolve(unique == 0 ? first : first + "." + unique);
            if (Files.isRegularFile(candidate) && tail(candidate).contains(marker)) return candidate;
        }
        return folder.resolve(first); // not found: the usual name is the best guess
    }

    private static String tail(Path file) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ)) {
            long start = Math.max(0, ch.size() - TAIL_BYTES);
            ByteBuffer buf = ByteBuffer.allocate((int) (ch.size() - start));
            ch.position(start);
            while (buf.hasRemaining() && ch.read(buf) >= 0) { }
            return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
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

    /** For tests: stops writing the file, so a temporary folder can go away, and gives the console back. */
    static synchronized void uninstall() {
        setVerbose(false);
        Logger root = Logger.getLogger("");
        removedConsoleHandlers.forEach(root::addHandler);
        removedConsoleHandlers.clear();
        if (installed == null) return;
        root.removeHandler(installed);
        installed.close();
        installed = null;
        installedFolder = null;
        installedFile = null;
    }
}
