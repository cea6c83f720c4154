package dev.patchexplorer.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The user's settings in a plain properties file (easy to read, to delete, and to keep apart in tests:
 * the system property {@code patchexplorer.settings} names another folder). Saved atomically, in the
 * background; {@link #flush} on exit.
 */
public final class Settings {
    private static final Logger LOG = Logger.getLogger(Settings.class.getName());
    private static final int MAX_RECENT = 10;

    private final Path file;
    private final Properties props = new Properties();
    /** The latest snapshot not yet written, or null. */
    private final AtomicReference<Properties> pending = new AtomicReference<>();
    private final Executor writer;

    public Settings(Path file) {
        this(file, newWriter());
    }

    /** {@code writer} must run its tasks one at a time, in order. */
    Settings(Path file, Executor writer) {
        this.file = file;
        this.writer = writer;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(Level.WARNING, "settings unreadable, starting fresh: " + file, e);
            }
        }
    }

    /** The settings of this user, or of the folder named by {@code patchexplorer.settings}. */
    public static Settings forUser() {
        return new Settings(folder().resolve("settings.properties"));
    }

    public static Path folder() {
        String override = System.getProperty("patchexplorer.settings");
        if (override != null) return Path.of(override);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home).resolve("PatchExplorer");
        }
        if (os.contains("mac")) return home.resolve("Library/Application Support/PatchExplorer");
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("patch-explorer");
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(props.getProperty(key));
    }

    public String get(String key, String fallback) {
        return props.getProperty(key, fallback);
    }

    public int getInt(String key, int fallback) {
        try {
            return Integer.parseInt(props.getProperty(key, String.valueOf(fallback)).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public double getDouble(String key, double fallback) {
        try {
            return Double.parseDouble(props.getProperty(key, String.valueOf(fallback)).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public boolean getBoolean(String key, boolean fallback) {
        String v = props.getProperty(key);
        return v == null ? fallback : Boolean.parseBoolean(v.trim());
    }

    public void put(String key, Object value) {
        if (value == null) props.remove(key);
        else props.setProperty(key, String.valueOf(value));
    }

    public List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            get("recent." + i).ifPresent(p -> out.add(Path.of(p)));
        }
        return out;
    }

    public void addRecentFile(Path path) {
        List<Path> list = recentFiles();
        Path abs = path.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        for (int i = 0; i < MAX_RECENT; i++) put("recent." + i, i < list.size() ? list.get(i) : null);
    }

    /**
     * Saves in the background: the FX thread only takes a snapshot (a few dozen strings). Saves made
     * while one is being written coalesce, the last one wins; {@link #flush} waits for the file.
     */
    public void save() {
        Properties snapshot = new Properties();
        snapshot.putAll(props);
        if (pending.getAndSet(snapshot) == null) writer.execute(this::writePending);
    }

    /**
     * Waits up to {@code timeout} for every save made so far to be on disk (on exit: nothing is lost).
     * Returns false if the file is not written by then.
     */
    public boolean flush(Duration timeout) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        writer.execute(() -> done.complete(null)); // the writer runs one task at a time, in order
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            LOG.warning(() -> "settings not written within " + timeout.toMillis() + " ms: " + file);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void writePending() {
        Properties snapshot = pending.getAndSet(null);
        if (snapshot != null) write(snapshot);
    }

    /** Writes to a temporary file and moves it into place, so a crash never leaves half a file. */
    private void write(Properties snapshot) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "settings", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                snapshot.store(out, "Patch Explorer settings");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not save settings to " + file, e);
        }
    }

    /** One writer thread per settings file, gone when idle: saves land in the order they were made. */
    private static ThreadPoolExecutor newWriter() {
        ThreadPoolExecutor w = new ThreadPoolExecutor(1, 1, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "patch-explorer-settings");
            t.setDaemon(true);
            return t;
        });
        w.allowCoreThreadTimeOut(true);
        return w;
    }
}
