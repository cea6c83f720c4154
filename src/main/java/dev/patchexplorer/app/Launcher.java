package dev.patchexplorer.app;

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
        System.out.println("Patch Explorer");
    }
}
