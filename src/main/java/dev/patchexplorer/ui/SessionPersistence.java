package dev.patchexplorer.ui;

import dev.patchexplorer.ui.help.TourMemory;
import dev.patchexplorer.ui.session.SessionSettings;
import dev.patchexplorer.ui.session.Setting;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Copies the explorer's state to and from the settings file. Unknown or broken values fall back to defaults. */
public final class SessionPersistence {
    private static final Duration FLUSH_LIMIT = Duration.ofSeconds(3);
    private final Settings settings;

    public SessionPersistence(Settings settings) {
        this.settings = settings;
    }

    public void restore(ExplorerViewModel m) {
        // the same settings, parsed the same way, as a session file's grid section
        for (Setting<ExplorerViewModel> s : SessionSettings.GRID) {
            if (s.remembered()) settings.get(s.key()).ifPresent(v -> s.apply(m, v));
        }
    }

    /** The last image the user opened from a file, if it still exists. */
    public Optional<Path> lastImage() {
        return settings.get("lastImage").map(Path::of).filter(Files::isRegularFile);
    }

    public Theme theme() {
        return Theme.parse(settings.get("theme", "LIGHT"));
    }

    public void restoreWindow(Stage stage) {
        double w = settings.getDouble("window.width", 1400);
        double h = settings.getDouble("window.height", 900);
        stage.setWidth(Math.max(ExplorerView.MIN_WIDTH, w));
        stage.setHeight(Math.max(ExplorerView.MIN_HEIGHT, h));
        settings.get("window.x").ifPresent(x -> stage.setX(settings.getDouble("window.x", 0)));
        settings.get("window.y").ifPresent(y -> stage.setY(settings.getDouble("window.y", 0)));
        stage.setMaximized(settings.getBoolean("window.maximized", false));
    }

    public void save(ExplorerViewModel m, Stage stage, Theme theme) {
        for (Setting<ExplorerViewModel> s : SessionSettings.GRID) {
            if (s.remembered()) settings.put(s.key(), s.read().apply(m));
        }
        settings.put("theme", theme);
        if (m.getImage() != null && m.getImage().source() != null) settings.put("lastImage", m.getImage().source());
        if (stage != null) {
            settings.put("window.maximized", stage.isMaximized());
            if (!stage.isMaximized()) {
                settings.put("window.x", stage.getX());
                settings.put("window.y", stage.getY());
                settings.put("window.width", stage.getWidth());
                settings.put("window.height", stage.getHeight());
            }
        }
        settings.save();
    }

    /** The first-run tour's "seen" mark, in the settings file: a fresh settings folder shows the tour again. */
    public TourMemory tourMemory() {
        return new TourMemory() {
            @Override public boolean seen() {
                return settings.getBoolean("tourSeen", false);
            }

            @Override public void markSeen() {
                settings.put("tourSeen", true);
                settings.save();
            }
        };
    }

    /**
     * On exit: waits for the settings saved so far (written in the background) to be on disk. A
     * small file takes milliseconds; the limit only keeps a hung disk from holding the exit forever.
     */
    public boolean flush() {
        return settings.flush(FLUSH_LIMIT);
    }

    public Settings settings() {
        return settings;
    }
}
