package dev.patchexplorer.ui;

import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.CnnModel;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.VisionModel;
import dev.patchexplorer.ui.inference.AttentionJob;
import dev.patchexplorer.ui.inference.GradientMap;
import dev.patchexplorer.ui.inference.GradientMapKind;
import dev.patchexplorer.ui.inference.Heatmap;
import dev.patchexplorer.ui.inference.MapKind;
import dev.patchexplorer.ui.inference.ReceptiveFieldJob;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drives the real window with a seeded random sequence of what a user does while passes run: patch
 * slider ticks, mode, map kind, heatmap on/off, receptive-field tab and clicks, working size, images
 * (one of them refused) and now and then a model switch. After every step and at every layout pulse it
 * checks that a map shown as current belongs to the current settings; every few hundred steps, and at
 * the end, it lets the jobs settle and checks that what is shown then is current. Measures how late
 * the FX thread runs a task posted every 10 ms (the longest "stall"); used by the torture test and the
 * benchmark. The assertions hold whatever the timing; only the stall numbers depend on the machine.
 */
public final class WindowTorture {
    private static final int[] WORKING_SIZES = {96, 128, 160, 224, 288};
    private static final int SETTLE_EVERY = 400;

    /** What a run did and found. {@code problems} lists each broken rule once per kind, with its first occurrence. */
    public record Report(long seed, int steps, int settles, int currentMapsSeen, long maxStallMs, long p99StallMs,
                         List<String> problems) {}

    private final ExplorerView view;
    private final Path vit;
    private final Path cnn;
    private final List<Path> images;
    private final Path refused;
    private final Random random;
    private final long seed;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private int currentMapsSeen; // FX thread
    private final Runnable pulseCheck = this::checkShown;
    private final List<String> lastProblems = new ArrayList<>(); // FX thread: the banner's recent messages, for reports

    public WindowTorture(ExplorerView view, Path vit, Path cnn, List<Path> images, Path refused, long seed) {
        this.view = view;
        this.vit = vit;
        this.cnn = cnn;
        this.images = images;
        this.refused = refused;
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** The main window as the tests build it, on {@code stage}; FX thread. */
    public static ExplorerView showWindow(Stage stage, Path settingsDir, Executor background, Executor inference) {
        return FxTestSupport.showMainWindow(stage, new ExplorerViewModel(background), settingsDir, inference);
    }

    /** Runs for about {@code length} from the calling thread (not the FX thread); stops early at the first broken rule. */
    public Report run(Duration length) {
        StallTicker ticker = new StallTicker();
        FxTestSupport.onFx(() -> {
            view.getScene().addPostLayoutPulseListener(pulseCheck);
            view.model().problemProperty().addListener((o, was, now) -> {
                lastProblems.add(now == null ? "(cleared)" : now.message());
                if (lastProblems.size() > 4) lastProblems.remove(0);
            });
            view.models().loadModel(vit);
            view.model().open(images.get(0));
            return null;
        });
        settle();
        long end = System.nanoTime() + length.toNanos();
        int steps = 0, settles = 1;
        try {
            while (System.nanoTime() < end && problems.isEmpty()) {
                if (random.nextInt(100) < 7) {
                    sleep(random.nextInt(400)); // a pause: passes start and land while the user reads
                } else {
                    Runnable step = nextStep();
                    FxTestSupport.onFx(() -> {
                        step.run();
                        checkShown();
                        return null;
                    });
                }
                steps++;
                if (steps % SETTLE_EVERY == 0) {
                    settle();
                    settles++;
                }
            }
            if (problems.isEmpty()) {
                settle();
                settles++;
            }
        } finally {
            FxTestSupport.onFx(() -> {
                view.getScene().removePostLayoutPulseListener(pulseCheck);
                return null;
            });
            ticker.stop();
        }
        int seen = FxTestSupport.onFx(() -> currentMapsSeen);
        return new Report(seed, steps, settles, seen, ticker.maxMs(), ticker.percentileMs(99), List.copyOf(problems));
    }

    /** One user action, picked at random; runs on the FX thread. */
    private Runnable nextStep() {
        ExplorerViewModel m = view.model();
        AttentionJob a = view.attention();
        ReceptiveFieldJob g = view.gradients();
        int r = random.nextInt(93);
        int pick = random.nextInt(1 << 20);
        if (r < 38) {
            int delta = random.nextBoolean() ? 1 : -1;
            boolean jump = pick % 5 == 0;
            return () -> {
                if (jump) m.setPatch(12 + pick % 37);
                else m.setPatch(Math.max(12, Math.min(48, m.getPatch() + delta))); // a slider tick
            };
        }
        if (r < 46) return () -> a.modeProperty().set(a.modeProperty().get() == PatchMode.RESIZE ? PatchMode.FLEXI : PatchMode.RESIZE);
        if (r < 54) return () -> a.mapKindProperty().set(MapKind.values()[pick % MapKind.values().length]);
        if (r < 59) return () -> {
            PatchGrid grid = m.getGrid();
            m.selectedPatchProperty().set(grid == null || grid.isEmpty() ? -1 : pick % grid.patchCount());
        };
        if (r < 63) return () -> a.showHeatmapProperty().set(!a.showHeatmapProperty().get());
        if (r < 67) return () -> view.navigator().navigate(view.navigator().views().get(pick % view.navigator().views().size()).id());
        if (r < 72) return () -> g.mapKindProperty().set(GradientMapKind.values()[pick % GradientMapKind.values().length]);
        if (r < 77) return () -> {
            if (m.getImage() != null) {
                view.fields().click(pick % m.getImage().width(), (pick >> 10) % m.getImage().height());
            }
        };
        if (r < 83) return () -> m.workingSizeProperty().set(WORKING_SIZES[pick % WORKING_SIZES.length]);
        if (r < 86) return () -> a.layerProperty().set(1 + pick % 12);
        if (r < 91) {
            Path image = pick % 6 == 0 ? refused : images.get(pick % images.size());
            return () -> m.open(image);
        }
        return () -> view.models().loadModel(view.models().getLoaded() instanceof ViTModel ? cnn : vit);
    }

    /** The rules for what is on screen, checked on the FX thread. */
    private void checkShown() {
        String p = attentionProblem();
        if (p == null) p = gradientProblem();
        if (p != null && problems.size() < 10) problems.add(p);
    }

    private String attentionProblem() {
        AttentionJob a = view.attention();
        Heatmap h = a.getHeatmap();
        if (h == null || a.staleProperty().get()) return null;
        if (a.busyProperty().get()) return "attention busy while its heatmap is shown as current";
        if (!(view.models().getLoaded() instanceof ViTModel)) return "a heatmap shown as current without a ViT loaded";
        PatchGrid grid = view.model().getGrid();
        if (!h.grid().equals(grid)) return "heatmap of " + h.grid() + " shown as current, settings ask for " + grid;
        if (h.plan().mode() != a.modeProperty().get()) {
            return "heatmap in mode " + h.plan().mode() + " shown as current, settings ask for " + a.modeProperty().get();
        }
        currentMapsSeen++;
        return null;
    }

    private String gradientProblem() {
        ReceptiveFieldJob g = view.gradients();
        GradientMap map = g.getMap();
        if (map == null || g.staleProperty().get()) return null;
        if (g.busyProperty().get()) return "receptive-field map busy while shown as current";
        GradientMapKind kind = g.showMapProperty().get() && g.mapKindProperty().get() != null ? g.mapKindProperty().get() : GradientMapKind.NONE;
        if (map.kind() != kind) return "a " + map.kind() + " map shown as current, settings ask for " + kind;
        WorkingResolution w = view.model().getWorking();
        VisionModel loaded = view.models().getLoaded();
        if (loaded instanceof CnnModel) {
            if (map.width() != w.width() || map.height() != w.height()) {
                return "CNN map " + map.width() + "x" + map.height() + " shown as current at working size " + w;
            }
        } else if (loaded instanceof ViTModel) {
            int patch = view.model().getPatch();
            double wantW = (double) (w.width() / patch) * patch, wantH = (double) (w.height() / patch) * patch;
            if (map.extentW() != wantW || map.extentH() != wantH) {
                return "ViT map over " + map.extentW() + "x" + map.extentH() + " shown as current, patch " + patch + " on " + w
                        + " covers " + wantW + "x" + wantH;
            }
        } else {
            return "a receptive-field map shown as current without a model";
        }
        currentMapsSeen++;
        return null;
    }

    /**
     * Waits (no time bound that decides anything: only a hang fails) until no load or pass is under way,
     * then checks that what is shown is current: a heatmap for the loaded ViT unless a problem or a note says why not.
     * A job whose results nobody can see may idle with stale results, but never one whose results are on screen.
     */
    private void settle() {
        FxTestSupport.waitUntil(180, () -> FxTestSupport.onFx(() -> !view.model().loadingProperty().get()
                && !view.models().loadingProperty().get() && !view.attention().busyProperty().get()
                && !view.gradients().busyProperty().get()));
        String p = FxTestSupport.onFx(() -> {
            checkShown();
            AttentionJob a = view.attention();
            ReceptiveFieldJob g = view.gradients();
            String active = view.navigator().getActive().id();
            // A job idles only while nobody can see its results: its map hidden and its view not chosen.
            if (a.deferredProperty().get() && (a.showHeatmapProperty().get() || active.equals("attention"))) {
                return "the attention job idles while its results are on screen (view " + active + ")";
            }
            if (g.deferredProperty().get() && (g.showMapProperty().get() || active.equals("rf"))) {
                return "the receptive-field job idles while its results are on screen (view " + active + ")";
            }
            if ((a.staleProperty().get() && !a.deferredProperty().get()) || (g.staleProperty().get() && !g.deferredProperty().get())) {
                return "a map still marked stale once all passes are done";
            }
            if (a.deferredProperty().get()) return null; // nobody sees the attention results: nothing to check
            PatchGrid grid = view.model().getGrid();
            boolean vitShown = view.models().getLoaded() instanceof ViTModel && view.model().getImage() != null && !grid.isEmpty();
            // No map must be explained: by the banner, or by the pane's note (e.g. "click a patch" for that map kind).
            if (vitShown && a.getHeatmap() == null && view.model().problemProperty().get() == null && a.noteProperty().get().isEmpty()) {
                return "settled with a ViT and an image but neither a heatmap, a problem nor a note: patch " + view.model().getPatch()
                        + ", mode " + a.modeProperty().get() + ", " + view.model().getWorking() + ", attention note '"
                        + a.noteProperty().get() + "', banner's last messages " + lastProblems;
            }
            return null;
        });
        if (p != null && problems.size() < 10) problems.add(p);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Posts a task to the FX thread every 10 ms and records how late it runs. */
    private static final class StallTicker {
        private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fx-stall-ticker");
            t.setDaemon(true);
            return t;
        });
        private final List<Long> lateNanos = Collections.synchronizedList(new ArrayList<>());

        StallTicker() {
            clock.scheduleAtFixedRate(() -> {
                long posted = System.nanoTime();
                Platform.runLater(() -> lateNanos.add(System.nanoTime() - posted));
            }, 10, 10, TimeUnit.MILLISECONDS);
        }

        void stop() {
            clock.shutdownNow();
        }

        long maxMs() {
            return percentileMs(100);
        }

        long percentileMs(int percent) {
            long[] sorted;
            synchronized (lateNanos) {
                sorted = lateNanos.stream().mapToLong(Long::longValue).toArray();
            }
            if (sorted.length == 0) return 0;
            Arrays.sort(sorted);
            int i = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
            return TimeUnit.NANOSECONDS.toMillis(sorted[Math.max(0, Math.min(sorted.length - 1, i))]);
        }
    }
}
