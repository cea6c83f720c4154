package dev.patchexplorer.model.catalog;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user folder that downloaded checkpoints go to, one sub-folder per catalog id.
 * Unfinished downloads live in a hidden {@code .downloads} folder beside them, so a checkpoint
 * folder appears only once it is complete and verified.
 */
public final class ModelCache {
    /** System property that replaces the whole cache folder (tests point it at a temporary folder). */
    public static final String PROPERTY = "patchexplorer.cache";
    private static final String STAGING = ".downloads";

    private final Path root;

    public ModelCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The cache the app uses: the system property if set, otherwise the platform's usual place. */
    public static ModelCache standard() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) return new ModelCache(Path.of(override));
        return new ModelCache(platformDefault(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home"))));
    }

    /** The platform's conventional per-user cache location; pure, so every platform can be tested anywhere. */
    public static Path platformDefault(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = isSet(local) ? Path.of(local) : home.resolve("AppData").resolve("Local");
            return base.resolve("PatchExplorer").resolve("models");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Caches").resolve("PatchExplorer").resolve("models");
        }
        // XDG: a relative XDG_CACHE_HOME is invalid and must be ignored
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = isSet(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("patch-explorer").resolve("models");
    }

    public Path root() {
        return root;
    }

    /** Where the entry's files live once downloaded (whether or not they are there yet). */
    public Path folderFor(CatalogEntry entry) {
        return root.resolve(entry.id());
    }

    public boolean isCached(CatalogEntry entry) {
        return ModelLocations.isModelFolder(folderFor(entry));
    }

    /** Where the entry's unfinished download is kept between attempts. */
    Path stagingFolderFor(CatalogEntry entry) {
        return root.resolve(STAGING).resolve(entry.id());
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "ModelCache[" + root + "]";
    }
}
