package dev.patchexplorer.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find the real checkpoints, golden tensors and sample images.
 * A fresh clone without ../shared skips model tests with a clear message; CI sets
 * patchexplorer.requireModels=true so that a missing folder fails instead.
 */
public final class TestAssets {
    private TestAssets() {}

    public static Path models() {
        return require("patchexplorer.models", "../shared/models", "pretrained checkpoints");
    }

    public static Path model(String folder) {
        Path dir = models().resolve(folder);
        return requireExisting(dir, "model folder " + folder);
    }

    public static Path golden(String file) {
        Path dir = require("patchexplorer.golden", "../shared/golden", "golden reference tensors");
        return requireExisting(dir.resolve(file), "golden file " + file);
    }

    /** Bundled samples ship with the project, so these never skip. */
    public static Path sample(String name) {
        Path p = Path.of(System.getProperty("patchexplorer.samples", "assets/samples")).resolve(name);
        if (!Files.exists(p)) throw new IllegalStateException("bundled sample missing: " + p);
        return p;
    }

    private static Path require(String property, String fallback, String what) {
        return requireExisting(Path.of(System.getProperty(property, fallback)), what);
    }

    private static Path requireExisting(Path p, String what) {
        if (Files.exists(p)) return p;
        String message = "Skipped: no " + what + " at " + p.toAbsolutePath().normalize()
                + " (put the shared folder beside the project to run model tests)";
        if (Boolean.getBoolean("patchexplorer.requireModels")) {
            throw new AssertionError(message.replace("Skipped: ", "Required but missing: "));
        }
        Assumptions.abort(message);
        return p;
    }
}
