package dev.patchexplorer.ui.session;

import dev.patchexplorer.ui.Settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The last few session files opened or saved, newest first, kept in the settings file. */
public final class RecentSessions {
    public static final int MAX = 5;
    private static final String KEY = "recentSession.";
    private final Settings settings;

    public RecentSessions(Settings settings) {
        this.settings = settings;
    }

    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) settings.get(KEY + i).filter(s -> !s.isBlank()).ifPresent(p -> out.add(Path.of(p)));
        return out;
    }

    public void add(Path file) {
        List<Path> list = list();
        Path abs = file.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        for (int i = 0; i < MAX; i++) settings.put(KEY + i, i < list.size() ? list.get(i) : null);
        settings.save();
    }
}
