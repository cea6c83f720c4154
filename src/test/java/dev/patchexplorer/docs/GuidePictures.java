package dev.patchexplorer.docs;

import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.SessionPersistence;
import dev.patchexplorer.ui.Settings;
import dev.patchexplorer.ui.Theme;
import dev.patchexplorer.ui.inference.GradientMap;
import dev.patchexplorer.ui.inference.GradientMapKind;
import dev.patchexplorer.ui.inference.Heatmap;
import dev.patchexplorer.ui.inference.MapKind;
import dev.patchexplorer.ui.inference.ModelViewModel;
import dev.patchexplorer.ui.io.Samples;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Makes the user guide's pictures with the app itself: the real {@link ExplorerView}, headless
 * (Monocle), on a bundled sample, with the real ViT-Ti/16 for the heatmaps. Not a test; run it
 * after a change to the window and commit the PNGs it writes:
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.patchexplorer.docs.GuidePictures \
 *     [-Dexec.args="--screenshot docs/screenshot.png --rf-screenshot docs/screenshot-rf.png"]
 * </pre>
 * Pictures go to the help resources folder; models come from {@code -Dpatchexplorer.models}
 * (default ../shared/models).
 */
public final class GuidePictures {
    static final Path HELP = Path.of("src/main/resources/dev/patchexplorer/help");
    private static final String VIT_TI = ModelViewModel.DEFAULT_FOLDER;
    private static final int WAIT_SECONDS = 180;

    private final ExecutorService background = Executors.newSingleThreadExecutor(daemon("background"));
    private final ExecutorService inference = Executors.newSingleThreadExecutor(daemon("inference"));
    private final Path out;
    private ExplorerView view;
    private String stylesheet;

    private GuidePictures(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path screenshot = option(args, "--screenshot");
        Path rfScreenshot = option(args, "--rf-screenshot");
        Path models = Path.of(System.getProperty("patchexplorer.models", "../shared/models"));
        if (!Files.isDirectory(models.resolve(VIT_TI))) {
            System.err.println("no " + VIT_TI + " under " + models.toAbsolutePath().normalize()
                    + " (set -Dpatchexplorer.models)");
            System.exit(2);
        }
        startHeadlessToolkit();
        GuidePictures pictures = new GuidePictures(HELP);
        try {
            pictures.openWindow();
            pictures.gridPictures();
            pictures.heatmapPictures(models.resolve(VIT_TI), screenshot);
            pictures.tokenFieldPictures(rfScreenshot);
        } finally {
            pictures.background.shutdownNow();
            pictures.inference.shutdownNow();
            Platform.exit();
        }
        System.exit(0); // exec:java would otherwise wait for the toolkit's threads
    }

    private static Path option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return Path.of(args[i + 1]);
        return null;
    }

    /** The same headless toolkit the TestFX tests use, unless the caller chose another platform. */
    private static void startHeadlessToolkit() throws Exception {
        setDefault("glass.platform", "Monocle");
        setDefault("monocle.platform", "Headless");
        setDefault("prism.order", "sw");
        setDefault("headless.geometry", "1600x1200-32");
        setDefault("ai.djl.offline", "true");
        setDefault("patchexplorer.settings", Files.createTempDirectory("guide-pictures").toString());
        Platform.startup(() -> { });
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

    /** The main window as the app shows it, at the app's default size, on fresh settings. */
    private void openWindow() {
        fx(() -> {
            Theme.LIGHT.apply();
            Settings settings = new Settings(Path.of(System.getProperty("patchexplorer.settings")).resolve("settings.properties"));
            view = new ExplorerView(new ExplorerViewModel(background), new SessionPersistence(settings), inference);
            Scene scene = new Scene(view, 1400, 900);
            stylesheet = GuidePictures.class.getResource("/dev/patchexplorer/ui/app.css").toExternalForm();
            scene.getStylesheets().add(stylesheet);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            view.openSample(Samples.first());
            return null;
        });
        waitFor("the sample image", () -> view.model().getImage() != null);
    }

    private void gridPictures() {
        setPatch(16);
        save("guide-grid.png", fx(() -> Snapshots.ofDetached(new VBox(fitted(imageInViewer(), 480)), stylesheet)));
        save("guide-readouts.png", fx(() -> Snapshots.of(view.readouts())));

        showPatchNumbers(false); // unreadable at a third of the size
        List<Node> panels = new ArrayList<>();
        for (int p : new int[] {8, 16, 32}) {
            setPatch(p);
            PatchGrid g = fx(() -> view.model().getGrid());
            String caption = "Patch " + p + " px: " + g.rows() + " × " + g.cols() + " = " + g.patchCount() + " patches";
            panels.add(fx(() -> captioned(imageInViewer(), caption, 300)));
        }
        save("guide-patch-sizes.png", fx(() -> Snapshots.ofDetached(new HBox(12, panels.toArray(Node[]::new)), stylesheet)));
        showPatchNumbers(true);
        setPatch(16);
    }

    private void heatmapPictures(Path vit, Path screenshot) {
        fx(() -> {
            view.models().loadModel(vit);
            return null;
        });
        waitFor("ViT-Ti to load", () -> view.models().getModel() != null);
        navigate("attention"); // the legend pictured is the attention panel's

        showPatchNumbers(false); // they would hide the heatmap
        List<Node> layers = new ArrayList<>();
        for (int layer : new int[] {1, 6, 12}) {
            showMap(MapKind.CLASS_TOKEN, layer);
            layers.add(fx(() -> new VBox(6, fitted(imageInViewer(), 300), new ImageView(legend()))));
        }
        save("guide-attention.png", fx(() -> Snapshots.ofDetached(new HBox(12, layers.toArray(Node[]::new)), stylesheet)));
        showMap(MapKind.ROLLOUT, 12);
        save("guide-rollout.png", fx(() -> Snapshots.ofDetached(
                new VBox(6, fitted(imageInViewer(), 450), new ImageView(legend())), stylesheet)));
        showPatchNumbers(true);
        // the README's picture: the Explore view (readouts, cost chart) with the rollout still over the image
        navigate("explore");
        if (screenshot != null) save(screenshot, fx(() -> Snapshots.of(view.getScene().getRoot())));
    }

    /**
     * The effective receptive field of one patch token (on the cat's eye) after the patch
     * embedding and after blocks 1 and 12, each with its caption and the map's legend.
     */
    private void tokenFieldPictures(Path rfScreenshot) {
        showPatchNumbers(false);
        fx(() -> {
            view.navigator().navigate("rf");
            view.gradients().mapKindProperty().set(GradientMapKind.ERF);
            view.gradients().showMapProperty().set(true);
            view.fields().click(250, 110); // original pixels: the bridge of the nose, between the eyes
            return null;
        });
        List<Node> blocks = new ArrayList<>();
        for (int block : new int[] {0, 1, 12}) {
            GradientMap m = showTokenField(block);
            String where = block == 0 ? "After the patch embedding" : "After block " + block;
            String caption = String.format(java.util.Locale.ROOT, "%s: 90 %% of the influence within %.0f px", where,
                    m.summary().radius90());
            blocks.add(fx(() -> new VBox(6, captioned(imageInViewer(), caption, 300), new ImageView(rfLegend()))));
        }
        save("guide-receptive-field.png", fx(() -> Snapshots.ofDetached(new HBox(12, blocks.toArray(Node[]::new)), stylesheet)));
        if (rfScreenshot != null) { // without the patch numbers, which would cover the map
            showTokenField(1);
            save(rfScreenshot, fx(() -> Snapshots.of(view.getScene().getRoot())));
        }
        showPatchNumbers(true);
    }

    private GradientMap showTokenField(int block) {
        fx(() -> {
            view.fields().vitBlockProperty().set(block);
            return null;
        });
        waitFor("the token's field after block " + block, () -> {
            GradientMap m = view.gradients().getMap();
            return m != null && m.kind() == GradientMapKind.ERF && m.summary() != null && !view.gradients().busyProperty().get()
                    && !view.gradients().staleProperty().get() && view.fields().vitBlockProperty().get() == block;
        });
        return fx(() -> {
            view.viewer().paintNow();
            return view.gradients().getMap();
        });
    }

    private WritableImage rfLegend() {
        return Snapshots.of(view.lookup("#rf-legend"));
    }

    private void showMap(MapKind kind, int layer) {
        fx(() -> {
            view.attention().mapKindProperty().set(kind);
            view.attention().layerProperty().set(layer);
            return null;
        });
        waitFor(kind + " heatmap", () -> {
            Heatmap h = view.attention().getHeatmap();
            PatchGrid g = view.model().getGrid();
            return h != null && !view.attention().busyProperty().get() && !view.attention().staleProperty().get()
                    && h.gridH() == g.rows() && h.gridW() == g.cols();
        });
        fx(() -> {
            view.viewer().paintNow();
            return null;
        });
    }

    private void navigate(String viewId) {
        fx(() -> {
            view.navigator().navigate(viewId);
            view.applyCss();
            view.layout();
            return null;
        });
    }

    private void showPatchNumbers(boolean show) {
        fx(() -> {
            view.model().gridStyleProperty().set(view.model().gridStyleProperty().get().withLabels(show));
            view.viewer().paintNow();
            return null;
        });
    }

    private void setPatch(int p) {
        fx(() -> {
            view.model().setPatch(p);
            view.viewer().paintNow();
            return null;
        });
        waitFor("patch " + p, () -> view.model().getGrid().patch() == p);
    }

    private WritableImage imageInViewer() {
        view.viewer().paintNow();
        return Snapshots.cropTo(view.viewer(), view.viewer().imageView());
    }

    /** The colour scale and title of the heatmap, as the attention pane shows them. */
    private WritableImage legend() {
        return Snapshots.of(view.attentionPane().lookup("#attention-legend"));
    }

    private static ImageView fitted(Image image, double width) {
        ImageView picture = new ImageView(image);
        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        picture.setFitWidth(width);
        return picture;
    }

    private static VBox captioned(Image image, String caption, double width) {
        VBox box = new VBox(4, fitted(image, width), new Label(caption));
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    private void save(String name, Image image) {
        save(out.resolve(name), image);
    }

    private static void save(Path file, Image image) {
        Snapshots.writePng(image, file);
        System.out.printf("%s  %d x %d  %d KB%n", file, (int) image.getWidth(), (int) image.getHeight(), size(file) / 1024);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static <T> T fx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("FX action failed", e);
        }
    }

    private static void waitFor(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> fx(condition));
        } catch (Exception e) {
            throw new IllegalStateException("gave up waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
