package dev.patchexplorer.model.catalog;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The folders searched for models, most specific first: the {@code --models} command-line
 * folders (this run only), the folder chosen in the settings, the {@value #ENVIRONMENT_VARIABLE}
 * environment variable (a path-separator list), and finally the download cache. When two places
 * hold a folder of the same name, the earlier one is listed first, so a user's explicit choice wins.
 */
public final class ModelLocations {
    public static final String ENVIRONMENT_VARIABLE = "PATCHEXPLORER_MODELS";
    /** Deep enough for a shared folder with a sub-folder of test models, shallow enough to stay quick. */
    private static final int MAX_DEPTH = 2;

    private final List<Path> roots;

    public ModelLocations(List<Path> commandLineFolders, Optional<Path> settingFolder,
                          String environmentValue, ModelCache cache) {
        Set<Path> ordered = new LinkedHashSet<>();
        commandLineFolders.forEach(p -> ordered.add(normal(p)));
        settingFolder.ifPresent(p -> ordered.add(normal(p)));
        parsePathList(environmentValue, File.pathSeparator).forEach(p -> ordered.add(normal(p)));
        ordered.add(cache.root());
        this.roots = List.copyOf(ordered);
    }

    /** As the app runs: reads {@value #ENVIRONMENT_VARIABLE} from the real environment. */
    public static ModelLocations fromEnvironment(List<Path> commandLineFolders, Optional<Path> settingFolder,
                                                 ModelCache cache) {
        return new ModelLocations(commandLineFolders, settingFolder, System.getenv(ENVIRONMENT_VARIABLE), cache);
    }

    /** Splits a PATH-style list, skipping empty parts (a trailing separator is a common slip). */
    public static List<Path> parsePathList(String value, String separator) {
        List<Path> out = new ArrayList<>();
        if (value == null) return out;
        for (String part : value.split(Pattern.quote(separator))) {
            if (!part.isBlank()) out.add(Path.of(part.strip()));
        }
        return out;
    }

    /** The search locations in order; some may not exist. */
    public List<Path> searchRoots() {
        return roots;
    }

    /** Every model folder under the search locations, in search order, each real folder once. */
    public List<ModelFolder> findModelFolders() {
        List<ModelFolder> found = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path root : roots) collect(root, root, 0, found, seen);
        return found;
    }

    public static boolean isModelFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(RemoteFile.CONFIG))
                && Files.isRegularFile(dir.resolve(RemoteFile.WEIGHTS));
    }

    private static void collect(Path dir, Path root, int depth, List<ModelFolder> found, Set<Path> seen) {
        if (!Files.isDirectory(dir)) return;
        if (isModelFolder(dir)) {
            if (seen.add(realPath(dir))) found.add(new ModelFolder(dir.getFileName().toString(), dir, root));
            return;
        }
        if (depth >= MAX_DEPTH) return;
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, Files::isDirectory)) {
            stream.forEach(children::add);
        } catch (IOException e) {
            return; // an unreadable folder just holds no models for us
        }
        children.sort(null);
        for (Path child : children) {
            // hidden folders include the cache's unfinished downloads, which must never be offered
            if (!child.getFileName().toString().startsWith(".")) collect(child, root, depth + 1, found, seen);
        }
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
