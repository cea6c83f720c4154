package dev.patchexplorer.app;

import dev.patchexplorer.cli.GlobalFlags;
import dev.patchexplorer.cli.UsageException;
import dev.patchexplorer.model.catalog.ModelLocations;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The window's command line: {@code [--verbose] [--models DIR[:DIR...]]... [IMAGE]}. Every --models folder must
 * exist, so a typo fails at once instead of silently finding no model. {@code --verbose} is the
 * launcher's (log lines on stderr too); it is accepted here and means nothing more.
 */
public record AppArguments(List<Path> modelFolders, Optional<Path> image) {
    public AppArguments {
        modelFolders = List.copyOf(modelFolders);
    }

    public static AppArguments parse(List<String> args) throws UsageException {
        List<Path> models = new ArrayList<>();
        Path image = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            if (a.equals("--" + GlobalFlags.VERBOSE)) {
                continue;
            } else if (a.equals("--models")) {
                if (i + 1 >= args.size()) throw new UsageException("option --models needs a folder");
                value = args.get(++i);
            } else if (a.startsWith("--models=")) {
                value = a.substring("--models=".length());
            } else if (a.startsWith("-")) {
                throw new UsageException("unknown option " + a + " (the window knows --models DIR, --verbose and --version;"
                        + " commands: see --help)");
            } else if (image == null && Files.isRegularFile(Path.of(a))) {
                image = Path.of(a);
                continue;
            } else {
                throw new UsageException("not an image file: " + a);
            }
            List<Path> folders = ModelLocations.parsePathList(value, File.pathSeparator);
            if (folders.isEmpty()) throw new UsageException("option --models needs a folder");
            for (Path f : folders) {
                if (!Files.isDirectory(f)) throw new UsageException("models folder not found: " + f);
                models.add(f);
            }
        }
        return new AppArguments(models, Optional.ofNullable(image));
    }
}
