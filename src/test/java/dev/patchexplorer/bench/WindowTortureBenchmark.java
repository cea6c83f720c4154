package dev.patchexplorer.bench;

import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.Theme;
import dev.patchexplorer.ui.WindowTorture;
import dev.patchexplorer.ui.io.Samples;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How long the FX thread makes a task wait while the window is tortured (see WindowTorture): the
 * longest and the 99th-percentile lateness of a task posted every 10 ms. Not a test.
 * <p>
 * Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.patchexplorer.bench.WindowTortureBenchmark -Dexec.args="60"} (seconds; headless
 * through Monocle unless {@code -Dbench.display=true}).
 */
public final class WindowTortureBenchmark {
    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261129L;
        if (!Boolean.getBoolean("bench.display")) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("headless.geometry", "1600x1000-32");
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Path dir = Files.createTempDirectory("torture-bench");
        Path vit = TinyCheckpoints.vit(dir.resolve("vit"));
        Path cnn = TinyCheckpoints.mobileNetV2(dir.resolve("mobilenet"));
        List<Path> images = new ArrayList<>();
        for (Samples.Sample s : List.of(Samples.ALL.get(0), Samples.ALL.get(1), Samples.ALL.get(3), Samples.ALL.get(5))) {
            images.add(Samples.path(s));
        }
        Path refused = Files.write(dir.resolve("not-an-image.png"), "text".getBytes());
        ExecutorService background = Executors.newSingleThreadExecutor();
        ExecutorService inference = Executors.newSingleThreadExecutor();
        CompletableFuture<ExplorerView> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Theme.LIGHT.apply();
            shown.complete(WindowTorture.showWindow(new Stage(), dir, background, inference));
        });
        WindowTorture.Report r = new WindowTorture(shown.get(), vit, cnn, images, refused, seed).run(Duration.ofSeconds(seconds));
        System.out.printf("Window torture %d s (seed %d, tiny ViT + MobileNetV2, window 1400x900, %s, %d cores): %d steps,"
                        + " FX stall longest %d ms, 99th percentile %d ms; problems %s%n", seconds, seed,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), r.steps(),
                r.maxStallMs(), r.p99StallMs(), r.problems());
        Platform.exit();
        System.exit(0);
    }
}
