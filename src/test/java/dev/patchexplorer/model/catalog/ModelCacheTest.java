package dev.patchexplorer.model.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ModelCacheTest {
    private static final Path HOME = Path.of("/home/ada");

    @Test
    void linuxUsesXdgCacheHomeWhenSet() {
        assertEquals(Path.of("/var/cache/ada/patch-explorer/models"),
                ModelCache.platformDefault("Linux", Map.of("XDG_CACHE_HOME", "/var/cache/ada"), HOME));
    }

    @Test
    void linuxFallsBackToDotCacheAndIgnoresARelativeXdgValue() {
        Path expected = HOME.resolve(".cache/patch-explorer/models");
        assertEquals(expected, ModelCache.platformDefault("Linux", Map.of(), HOME));
        assertEquals(expected, ModelCache.platformDefault("Linux", Map.of("XDG_CACHE_HOME", "relative/dir"), HOME));
    }

    @Test
    void macUsesLibraryCaches() {
        assertEquals(HOME.resolve("Library/Caches/PatchExplorer/models"),
                ModelCache.platformDefault("Mac OS X", Map.of(), HOME));
    }

    @Test
    void windowsUsesLocalAppData() {
        assertEquals(Path.of("/appdata/local").resolve("PatchExplorer").resolve("models"),
                ModelCache.platformDefault("Windows 11", Map.of("LOCALAPPDATA", "/appdata/local"), HOME));
        assertEquals(HOME.resolve("AppData").resolve("Local").resolve("PatchExplorer").resolve("models"),
                ModelCache.platformDefault("Windows 11", Map.of(), HOME));
    }

    @Test
    void theSystemPropertyReplacesTheWholeFolder(@TempDir Path dir) {
        String before = System.getProperty(ModelCache.PROPERTY);
        System.setProperty(ModelCache.PROPERTY, dir.toString());
        try {
            assertEquals(dir.toAbsolutePath(), ModelCache.standard().root());
        } finally {
            if (before == null) System.clearProperty(ModelCache.PROPERTY); else System.setProperty(ModelCache.PROPERTY, before);
        }
    }
}
