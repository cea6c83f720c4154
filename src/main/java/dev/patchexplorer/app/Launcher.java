package dev.patchexplorer.app;

import dev.patchexplorer.cli.Cli;
import dev.patchexplorer.cli.GlobalFlags;
import dev.patchexplorer.cli.UsageException;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Plain entry point. A class that extends Application cannot be the classpath main class,
 * so this one decides between the headless CLI and the window.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        // answered before anything else starts, so packaging checks run without a display
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println("Patch Explorer " + AppVersion.current());
            return;
        }
        OfflineDefaults.apply();
        // before anything logs: engine lines go to the log file, and to stderr only when asked
        Logging.setVerbose(GlobalFlags.verbose(args));
        Cli cli = startLogFile().map(Cli.standard()::withLogFile).orElseGet(Cli::standard);
        StartupClock.mark("log open");
        Optional<String> word = Cli.commandWord(args);
        if (word.isPresent() && cli.knows(word.get())) {
            System.exit(cli.run(args, System.out, System.err));
        }
        if (word.isPresent() && !word.get().startsWith("-") && !Files.isRegularFile(Path.of(word.get()))) {
            // Neither a command nor an image file: a typo should fail loudly, not open a window.
            System.exit(cli.run(args, System.out, System.err));
        }
        try {
            AppArguments.parse(List.of(args)); // checked here, where a bad option can still exit 2
        } catch (UsageException e) {
            System.err.println("patch-explorer: " + e.getMessage());
            System.exit(2);
        }
        StartupClock.mark("launching the window");
        PatchExplorerApp.launchWith(args);
    }

    /** The log file, or none where the folder cannot be written: a command still runs without one. */
    private static Optional<Path> startLogFile() {
        try {
            Logging.install();
            return Logging.file();
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
