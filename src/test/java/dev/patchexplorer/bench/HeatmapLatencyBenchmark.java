package dev.patchexplorer.bench;

import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Theme;
import dev.patchexplorer.ui.WindowTorture;
import dev.patchexplorer.ui.inference.AttentionJob;
import dev.patchexplorer.ui.inference.Heatmap;
import dev.patchexplorer.ui.inference.PassTiming;
import dev.patchexplorer.ui.io.Samples;
import dev.patchexplorer.ui.views.attention.AttentionView;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Interaction latency of the attention heatmap in the real window with the pretrained ViT-Ti: the
 * time from the patch slider's last move to the moment the heatmap for the current settings is set
 * and no longer busy or stale (seen by a listener on the FX thread), at 197, 785 and 1,025 tokens.
 * Two gestures: "quick" moves away and straight back (the away value never starts a pass), "paused"
 * rests 300 ms on the away value first, so its pass is running or queued when the slider stops.
 * The breakdown is the median of the applied pass's {@link PassTiming}. Not a test.
 * <p>
 * Run: {@code java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt)
 * dev.patchexplorer.bench.HeatmapLatencyBenchmark [model folder] [trials]} (default
 * ../shared/models/vit_tiny_patch16_224.augreg_in21k_ft_in1k, 8 trials; headless through Monocle).
 */
public final class HeatmapLatencyBenchmark {
    /** Working size, patch, and the tokens that gives on a square working image. */
    private record Case(int size, int patch, int tokens) {}

    private static final List<Case> CASES = List.of(new Case(224, 16, 197), new Case(448, 16, 785),
            new Case(224, 8, 785), new Case(512, 16, 1025));

    private ExplorerView view;
    private ExplorerViewModel model;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/models/vit_tiny_patch16_224.augreg_in21k_ft_in1k");
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1600x1000-32");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        new HeatmapLatencyBenchmark().run(dir, trials);
        Platform.exit();
        System.exit(0);
    }

    private void run(Path vit, int trials) throws Exception {
        Path settings = Files.createTempDirectory("latency-bench");
        ExecutorService background = Executors.newSingleThreadExecutor();
        ExecutorService inference = Executors.newSingleThreadExecutor(r -> new Thread(r, "inference"));
        view = onFx(() -> {
            Theme.LIGHT.apply();
            ExplorerView v = WindowTorture.showWindow(new Stage(), settings, background, inference);
            v.navigator().navigate(AttentionView.ID);
            return v;
        });
        model = view.model();
        onFx(() -> {
            view.models().loadModel(vit);
            model.openSample(Samples.first());
            return null;
        });
        waitFor(() -> view.models().getModel() != null && model.getImage() != null && current(16, 14));
        System.out.printf(Locale.ROOT, "Heatmap latency, ViT-Ti %s, image %s, %d trials a case, %s, %d cores, load average %.2f%n",
                vit.getFileName(), Samples.first().file(), trials, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        for (Case c : CASES) {
            for (boolean paused : new boolean[] {false, true}) {
                measure(c, paused, trials);
            }
        }
        System.out.printf(Locale.ROOT, "load average at the end %.2f%n", loadAverage());
        inference.shutdownNow();
        background.shutdownNow();
    }

    private void measure(Case c, boolean paused, int trials) throws Exception {
        int grid = c.size() / c.patch();
        onFx(() -> {
            model.workingSizeProperty().set(c.size());
            model.setPatch(c.patch());
            return null;
        });
        waitFor(() -> current(c.patch(), grid));
        int away = c.patch() + 1;
        long[] latency = new long[trials];
        List<PassTiming> timings = new ArrayList<>();
        for (int t = -1; t < trials; t++) { // one warm-up
            onFx(() -> {
                model.setPatch(away);
                return null;
            });
            Thread.sleep(paused ? 300 : 20);
            CompletableFuture<Long> shown = new CompletableFuture<>();
            AttentionJob job = view.attention();
            Observable[] watched = {job.heatmapProperty(), job.busyProperty(), job.staleProperty()};
            InvalidationListener check = x -> {
                if (!shown.isDone() && current(c.patch(), grid)) shown.complete(System.nanoTime());
            };
            long start = onFx(() -> {
                for (Observable o : watched) o.addListener(check);
                long now = System.nanoTime();
                model.setPatch(c.patch());
                return now;
            });
            long end = shown.get(120, TimeUnit.SECONDS);
            onFx(() -> {
                for (Observable o : watched) o.removeListener(check);
                return null;
            });
            if (t >= 0) {
                latency[t] = end - start;
                timings.add(onFx(() -> view.attention().lastTiming()));
            }
        }
        System.out.println(Stats.line(String.format(Locale.ROOT, "%4d tokens (%d px, P%d) %s", c.tokens(), c.size(),
                c.patch(), paused ? "paused" : "quick"), latency));
        System.out.printf(Locale.ROOT, "      median breakdown: debounce %.0f, queue %.0f, input %.0f, forward+copy %.0f,"
                        + " maps %.0f, to FX %.0f ms%n",
                median(timings, PassTiming::debounceMs), median(timings, PassTiming::queueMs),
                median(timings, PassTiming::prepareMs), median(timings, PassTiming::forwardMs),
                median(timings, PassTiming::mapMs), median(timings, PassTiming::toFxMs));
    }

    /** FX thread: the heatmap on screen answers the current patch on a grid x grid grid, and nothing newer is pending. */
    private boolean current(int patch, int grid) {
        AttentionJob job = view.attention();
        Heatmap h = job.getHeatmap();
        return h != null && !job.busyProperty().get() && !job.staleProperty().get() && model.getPatch() == patch
                && h.patch() == patch && h.gridH() == grid && h.gridW() == grid;
    }

    private static double median(List<PassTiming> timings, ToDoubleFunction<PassTiming> part) {
        double[] v = timings.stream().mapToDouble(part).sorted().toArray();
        return v.length == 0 ? Double.NaN : v[v.length / 2];
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!onFx(condition)) {
            if (System.nanoTime() > end) throw new IllegalStateException("the heatmap never became current");
            Thread.sleep(20);
        }
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
