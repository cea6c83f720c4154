package dev.patchexplorer.ui;

import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.io.Samples;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window under a minute (system property {@code patchexplorer.torture.seconds}, default 60) of
 * random user actions while passes run on the tiny ViT and MobileNetV2: no exception on any thread, and
 * a map shown as current always belongs to the current settings (see {@link WindowTorture}). The FX
 * stall is printed, not asserted: speed belongs to {@code bench.WindowTortureBenchmark}.
 */
@ExtendWith(ApplicationExtension.class)
class WindowTortureTest {
    static final long SEED = Long.getLong("patchexplorer.torture.seed", 20261129L);

    @TempDir
    static Path settingsDir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService inference = Executors.newSingleThreadExecutor();
    private final List<String> uncaught = Collections.synchronizedList(new ArrayList<>());
    private final Thread.UncaughtExceptionHandler record = (thread, e) ->
            uncaught.add(thread.getName() + ": " + e);
    private Thread.UncaughtExceptionHandler defaultBefore;
    private Thread.UncaughtExceptionHandler fxBefore;
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        // Every thread's uncaught exceptions (the app installs UncaughtExceptionHandlers the same way).
        defaultBefore = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(record);
        fxBefore = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler(record);
        view = WindowTorture.showWindow(stage, settingsDir, background, inference);
    }

    @AfterEach
    void tearDown() {
        if (view != null) {
            onFx(() -> {
                view.models().closeModel();
                Thread.currentThread().setUncaughtExceptionHandler(fxBefore);
                return null;
            });
        }
        Thread.setDefaultUncaughtExceptionHandler(defaultBefore);
        inference.shutdown();
        background.shutdown();
    }

    @Test
    void aMinuteOfRandomActionsWhilePassesRun(@TempDir Path dir) throws IOException {
        Path vit = TinyCheckpoints.vit(dir.resolve("vit"));
        Path cnn = TinyCheckpoints.mobileNetV2(dir.resolve("mobilenet"));
        List<Path> images = new ArrayList<>();
        for (Samples.Sample s : List.of(Samples.ALL.get(0), Samples.ALL.get(1), Samples.ALL.get(3), Samples.ALL.get(5))) {
            images.add(Samples.path(s));
        }
        Path refused = Files.write(dir.resolve("not-an-image.png"), "this is text, not a PNG".getBytes());
        long seconds = Long.getLong("patchexplorer.torture.seconds", 60);

        WindowTorture.Report report = new WindowTorture(view, vit, cnn, images, refused, SEED).run(Duration.ofSeconds(seconds));

        System.out.printf("Window torture: seed %d, %d steps in %d s, %d settles, %d current maps checked;"
                        + " longest FX stall %d ms, 99th percentile %d ms%n", report.seed(), report.steps(), seconds,
                report.settles(), report.currentMapsSeen(), report.maxStallMs(), report.p99StallMs());
        assertEquals(List.of(), report.problems(), "seed " + SEED);
        assertEquals(List.of(), uncaught, "uncaught exceptions, seed " + SEED);
        assertTrue(report.steps() >= 100, "the torture ran: " + report.steps() + " steps");
        assertTrue(report.currentMapsSeen() > 0, "some maps were shown as current and checked");
    }
}
