package dev.patchexplorer.app;

import dev.patchexplorer.cli.Cli;

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
        Cli cli = Cli.standard();
        if (args.length > 0 && cli.knows(args[0])) {
            System.exit(cli.run(args, System.out, System.err));
        }
        if (args.length > 0 && !args[0].startsWith("-") && !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]))) {
            // Neither a command nor an image file: a typo should fail loudly, not open a window.
            System.exit(cli.run(args, System.out, System.err));
        }
        try {
            AppArguments.parse(java.util.List.of(args)); // checked here, where a bad option can still exit 2
        } catch (dev.patchexplorer.cli.UsageException e) {
            System.err.println("patch-explorer: " + e.getMessage());
            System.exit(2);
        }
        PatchExplorerApp.launchWith(args);
    }
}
