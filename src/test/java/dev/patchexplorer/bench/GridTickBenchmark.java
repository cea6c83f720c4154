package dev.patchexplorer.bench;

import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.SessionPersistence;
import dev.patchexplorer.ui.Settings;
import dev.patchexplorer.ui.Theme;
import dev.patchexplorer.ui.io.LoadedImage;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Cost of one patch-size slider tick on a 4000 x 3000 image: recompute the grid and every readout,
 * move the chart marker, repaint the grid overlay. Not a test: prints medians and p95.
 * <p>
 * Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.patchexplorer.bench.GridTickBenchmark}
 * (headless through Monocle unless {@code -Dbench.display=true}).
 */
public final class GridTickBenchmark {
    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        if (!Boolean.getBoolean("bench.display")) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("headless.geometry", "1600x1000-32");
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        ExplorerView view = onFx(GridTickBenchmark::setUp);
        Thread.sleep(3000);   // lets the background image pyramid finish, as it would for a user
        onFx(() -> run(view)).forEach(System.out::println);
        Platform.exit();
        System.exit(0);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(work.call());
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        return done.get();
    }

    private static ExplorerView setUp() throws Exception {
        Theme.LIGHT.apply();
        ExplorerViewModel model = new ExplorerViewModel(Runnable::run);
        ExplorerView view = new ExplorerView(model, new SessionPersistence(
                new Settings(Files.createTempDirectory("bench").resolve("s.properties"))));
        Stage stage = new Stage();
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
        model.imageProperty().set(new LoadedImage(syntheticImage(4000, 3000), "synthetic 4000x3000", null));
        model.workingSizeProperty().set(3000);      // analyse at full resolution: the densest grids
        view.applyCss();
        view.layout();
        return view;
    }

    private static List<String> run(ExplorerView view) {
        ExplorerViewModel model = view.model();
        List<String> out = new ArrayList<>();
        out.add("Slider tick = set patch size -> grid + readouts + chart marker + grid overlay repaint (FX thread)");
        out.add("image 4000x3000, working 4000x3000, window 1400x900, " + System.getProperty("java.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        view.viewer().fitToWindow();
        out.add(measure("fit to window, patch 2..128 and back", model, view, v -> { }));
        view.viewer().actualSize();
        out.add(measure("1:1 zoom, patch 2..128 and back", model, view, v -> { }));
        view.viewer().zoomAbout(4, 400, 300);
        out.add(measure("4x zoom with patch numbers, 2..128 and back", model, view, v -> { }));
        view.viewer().fitToWindow();
        out.add(measure("fit, tick + full scene render (snapshot)", model, view,
                v -> v.getScene().snapshot(null)));
        return out;
    }

    private static String measure(String name, ExplorerViewModel model, ExplorerView view, Consumer<ExplorerView> extra) {
        List<Long> times = new ArrayList<>();
        for (int round = 0; round < ROUNDS + 1; round++) {
            for (int i = 0; i < 2 * 127; i++) {
                int p = i < 127 ? 2 + i : 128 - (i - 127);
                long t0 = System.nanoTime();
                model.setPatch(p);
                view.viewer().paintNow();
                view.layout();   // the chart marker and readout labels lay out
                extra.accept(view);
                long t1 = System.nanoTime();
                if (round > 0) times.add(t1 - t0);   // first round warms up the JIT
            }
        }
        return Stats.line(name, times.stream().mapToLong(Long::longValue).toArray());
    }

    private static WritableImage syntheticImage(int w, int h) {
        WritableImage img = new WritableImage(w, h);
        PixelWriter px = img.getPixelWriter();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) row[x] = 0xFF000000 | ((x * 255 / w) << 16) | ((y * 255 / h) << 8) | 0x60;
            px.setPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
        }
        return img;
    }
}
