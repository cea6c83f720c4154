package dev.patchexplorer.ui.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The sample photographs bundled in the jar (see assets/samples/ATTRIBUTION.md). They are copied
 * to a temporary folder on first use so that they open through the same path as the user's files.
 */
public final class Samples {
    public record Sample(String file, String titleKey) {}

    public static final List<Sample> ALL = List.of(
            new Sample("chelsea.png", "sample.chelsea"),
            new Sample("coffee.png", "sample.coffee"),
            new Sample("astronaut.png", "sample.astronaut"),
            new Sample("rocket.jpg", "sample.rocket"),
            new Sample("ihc.png", "sample.ihc"),
            new Sample("retina.jpg", "sample.retina"),
            new Sample("hubble_deep_field.jpg", "sample.hubble"));

    private static Path folder;

    private Samples() {}

    public static Sample first() {
        return ALL.get(0);
    }

    public static synchronized Path path(Sample s) throws IOException {
        if (folder == null) {
            folder = Files.createTempDirectory("patch-explorer-samples");
            folder.toFile().deleteOnExit();
        }
        Path target = folder.resolve(s.file());
        if (!Files.exists(target)) {
            try (InputStream in = Samples.class.getResourceAsStream("/dev/patchexplorer/samples/" + s.file())) {
                if (in == null) throw new IOException("bundled sample missing from the build: " + s.file());
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            target.toFile().deleteOnExit();
        }
        return target;
    }
}
