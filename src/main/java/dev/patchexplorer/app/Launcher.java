package dev.patchexplorer.app;

/**
 * Plain entry point. A class that extends Application cannot be the classpath main class,
 * so this one decides between the headless CLI and the window.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        System.out.println("Patch Explorer");
    }
}
