package dev.patchexplorer.ui;

import dev.patchexplorer.core.color.HeatScale;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.ui.inference.Heatmap;
import dev.patchexplorer.ui.io.Samples;
import dev.patchexplorer.ui.viewer.HeatmapCaption;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pretrained ViT-Ti on the bundled cat in the real window: by default the four corner (artifact) patches
 * are outlined and discounted; the Discount check box brings their attention back and takes it away again, the
 * caption says which; the colour-scale chooser moves the legend's middle tick to the geometric mean. A picture
 * of the window goes to target/artifact-pictures (or -Dartifact.pictures).
 */
@ExtendWith(ApplicationExtension.class)
class ArtifactWindowTest {
    private static final String VIT_TI = "vit_tiny_patch16_224.augreg_in21k_ft_in1k";
    private static final int[] CORNERS = {0, 13, 182, 195};

    @TempDir
    static Path settingsDir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService inference = Executors.newSingleThreadExecutor();
    private ExplorerView view;

    private static final Locale ORIGINAL_LOCALE = Locale.getDefault();

    /** The language of the window; the Chinese subclass overrides it. */
    Locale locale() {
        return Locale.ENGLISH;
    }

    @Start
    void start(Stage stage) {
        Locale.setDefault(locale());
        Messages.useLocale(locale());
        Theme.LIGHT.apply();
        view = FxTestSupport.showMainWindow(stage, new ExplorerViewModel(background), settingsDir, inference::execute);
        view.navigator().navigate("attention");
    }

    @AfterEach
    void close() {
        if (view != null) {
            onFx(() -> {
                view.models().closeModel();
                return null;
            });
        }
        // the default first: a bundle asked for in English falls back through the default locale,
        // so the other order left the next test classes in Chinese
        Locale.setDefault(ORIGINAL_LOCALE);
        Messages.useLocale(Locale.ENGLISH);
        inference.shutdown();
        background.shutdown();
    }

    /** Waits for a current heatmap that {@code wanted} accepts, and returns it. */
    private Heatmap heatmap(Predicate<Heatmap> wanted) {
        FxTestSupport.waitUntil(120, () -> onFx(() -> {
            Heatmap h = view.attention().getHeatmap();
            return h != null && !view.attention().busyProperty().get() && !view.attention().staleProperty().get() && wanted.test(h);
        }));
        return onFx(() -> view.attention().getHeatmap());
    }

    private void openCat() {
        Path vit = TestAssets.model(VIT_TI);
        onFx(() -> {
            view.models().loadModel(vit);
            view.openSample(Samples.first());
            return null;
        });
    }

    private String caption() {
        return onFx(() -> new HeatmapCaption(view.attention(), view.gradients()).text());
    }

    @Test
    void discountingTheArtifactsDropsTheCornersAndTheCaptionSaysSo(FxRobot robot) throws Exception {
        openCat();
        Heatmap on = heatmap(h -> h.gridW() == 14 && h.discounted());
        assertEquals(4, on.artifactCount());
        for (int c : CORNERS) {
            assertTrue(on.artifact(c), "corner " + c);
            assertFalse(on.shown(c), "a discounted corner carries no colour");
        }
        assertEquals(4, onFx(() -> view.heatmapOverlay().outlinedCells(view.viewer().transform()).size()));
        String captionOn = caption();
        assertTrue(captionOn.contains(Messages.format("heatmap.caption.discounted", 4)), captionOn);
        assertTrue(captionOn.contains(Messages.format("heatmap.caption.input", 224, 224)), captionOn);
        assertTrue(captionOn.contains(Messages.get("attention.mode.resize")), captionOn);
        picture("cat-default");

        robot.clickOn("#attention-artifacts-discount");
        Heatmap off = heatmap(h -> h.gridW() == 14 && !h.discounted());
        String captionOff = caption();
        assertTrue(captionOff.contains(Messages.format("heatmap.caption.marked", 4)), captionOff);
        assertFalse(captionOff.equals(captionOn));
        robot.clickOn("#attention-artifacts-discount");
        Heatmap again = heatmap(h -> h.gridW() == 14 && h.discounted());
        for (int c : CORNERS) {
            assertTrue(off.values()[c] > 0, "plain rollout gives corner " + c + " attention");
            assertTrue(again.values()[c] < off.values()[c], "discounting drops corner " + c);
            assertEquals(0, again.values()[c]);
        }
        // plain rollout's brightest cell is a corner, the default's is not
        assertTrue(isCorner(argmax(off.values())), "plain brightest " + argmax(off.values()));
        assertFalse(isCorner(argmax(again.values())), "discounted brightest " + argmax(again.values()));
    }

    @Test
    void theColourScaleChooserMovesTheLegendTicks(FxRobot robot) {
        openCat();
        Heatmap linear = heatmap(h -> h.gridW() == 14 && h.scale().kind() == HeatScale.Kind.LINEAR);
        double lo = linear.min(), hi = linear.max();
        assertEquals(String.format(Locale.ROOT, "%.3g", (lo + hi) / 2), legend(robot, "#attention-legend-mid"));
        onFx(() -> {
            scaleChooser(robot).setValue(HeatScale.Kind.LOG);
            return null;
        });
        Heatmap log = heatmap(h -> h.scale().kind() == HeatScale.Kind.LOG);
        // the same map on a log scale: the same ends, the middle tick at the geometric mean
        assertEquals(lo, log.min(), 1e-12);
        assertEquals(String.format(Locale.ROOT, "%.3g", Math.sqrt(lo * hi)), legend(robot, "#attention-legend-mid"));
        onFx(() -> {
            scaleChooser(robot).setValue(HeatScale.Kind.PERCENTILE);
            return null;
        });
        heatmap(h -> h.scale().kind() == HeatScale.Kind.PERCENTILE);
        assertTrue(legend(robot, "#attention-legend-min").startsWith("\u2264"), legend(robot, "#attention-legend-min"));
        assertTrue(legend(robot, "#attention-legend-max").startsWith("\u2265"), legend(robot, "#attention-legend-max"));
    }

    @Test
    void resizeAtPatch32FeedsTheModel112Pixels() {
        openCat();
        heatmap(h -> h.gridW() == 14);
        onFx(() -> {
            view.model().setPatch(32);
            return null;
        });
        Heatmap h = heatmap(x -> x.gridW() == 7 && x.plan().mode() == PatchMode.RESIZE);
        assertEquals(112, h.plan().inputW());
        assertTrue(caption().contains(Messages.format("heatmap.caption.input", 112, 112)), caption());
        // the readouts say so too
        onFx(() -> {
            view.navigator().navigate("explore");
            return null;
        });
        String wanted = Messages.format("readout.modelInput.value", 112, 112, Messages.get("attention.mode.resize"));
        FxTestSupport.waitUntil(30, () -> onFx(() -> wanted.equals(
                ((Label) view.getScene().lookup("#readout-modelInput")).getText())));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<HeatScale.Kind> scaleChooser(FxRobot robot) {
        return (ComboBox<HeatScale.Kind>) robot.lookup("#attention-scale").query();
    }

    private String legend(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static boolean isCorner(int i) {
        for (int c : CORNERS) if (c == i) return true;
        return false;
    }

    private static int argmax(double[] m) {
        int best = 0;
        for (int i = 1; i < m.length; i++) if (m[i] > m[best]) best = i;
        return best;
    }

    private void picture(String name) throws Exception {
        Path dir = Path.of(System.getProperty("artifact.pictures", "target/artifact-pictures"));
        Files.createDirectories(dir);
        Thread.sleep(300);
        WritableImage shot = onFx(() -> view.getScene().snapshot(null));
        Path file = dir.resolve(name + "-" + locale().getLanguage() + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", file.toFile());
    }
}
