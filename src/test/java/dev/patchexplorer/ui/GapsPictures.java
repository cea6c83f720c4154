package dev.patchexplorer.ui;

import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.ui.views.concepts.ConceptsPane;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
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

import static dev.patchexplorer.ui.FxTestSupport.onFx;

/** Pictures of the pages and readouts changed for issue 12's gaps (run by hand, not a test). */
@ExtendWith(ApplicationExtension.class)
class GapsPictures {
    @TempDir
    static Path settingsDir;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService inference = Executors.newSingleThreadExecutor();
    private ExplorerView view;
    private ExplorerViewModel model;
    private final String lang = System.getProperty("pictures.lang", "en");

    @Start
    void start(Stage stage) {
        Locale locale = lang.equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        Locale.setDefault(locale);
        Messages.useLocale(locale);
        Theme.LIGHT.apply();
        model = new ExplorerViewModel(background);
        view = FxTestSupport.showMainWindow(stage, model, settingsDir, inference);
    }

    @AfterEach
    void close() {
        onFx(() -> {
            view.models().closeModel();
            return null;
        });
        Messages.useLocale(Locale.ENGLISH);
        inference.shutdown();
        background.shutdown();
    }

    @Test
    void pictures(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("pictures.dir", "target/gaps-pictures"));
        Files.createDirectories(dir);
        ConceptsWindowSupport.openSample(view, model);
        ConceptsWindowSupport.slide(view, 16);
        // Swin-T in the readouts
        onFx(() -> {
            view.navigator().navigate("explore");
            @SuppressWarnings("unchecked")
            ComboBox<Object> arch = (ComboBox<Object>) view.getScene().getRoot().lookup("#architecture");
            arch.setValue(arch.getItems().stream().filter(a -> arch.getConverter().toString(a).startsWith("swin_tiny")).findFirst().orElseThrow());
            return null;
        });
        Thread.sleep(800);
        shot(dir, "swin-window", null);
        shot(dir, "swin-readouts", onFx(() -> view.getScene().getRoot().lookup(".readout-pane")));
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Object> arch = (ComboBox<Object>) view.getScene().getRoot().lookup("#architecture");
            arch.setValue(arch.getItems().get(0));
            return null;
        });

        // augmentation, plain random crops with padding
        ConceptsPane pane = ConceptsWindowSupport.openPage(robot, view, "augment");
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Object> mode = (ComboBox<Object>) view.getScene().getRoot().lookup("#concept-augment-mode");
            mode.setValue(mode.getItems().get(1));
            spin("#concept-augment-size", 128);
            spin("#concept-augment-padding", 24);
            return null;
        });
        Thread.sleep(800);
        shot(dir, "augment-fixed", null);
        shot(dir, "augment-fixed-panel", pane);

        // adaptive, scored by the real ViT-Ti's rollout
        Path vit = TestAssets.model("vit_tiny_patch16_224.augreg_in21k_ft_in1k");
        onFx(() -> {
            view.navigator().navigate("attention");
            view.models().loadModel(vit);
            return null;
        });
        FxTestSupport.waitUntil(180, () -> onFx(() -> view.attention().getHeatmap() != null && !view.attention().busyProperty().get()));
        Thread.sleep(800);
        shot(dir, "attention-view", null);
        pane = ConceptsWindowSupport.openPage(robot, view, "adaptive");
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Object> score = (ComboBox<Object>) view.getScene().getRoot().lookup("#concept-adaptive-score");
            score.setValue(score.getItems().get(2));
            spin("#concept-adaptive-budget", 100);
            return null;
        });
        ConceptsWindowSupport.slide(view, 8);
        Thread.sleep(3000);
        shot(dir, "adaptive-attention", null);
        shot(dir, "adaptive-attention-panel", pane);
    }

    @SuppressWarnings("unchecked")
    private void spin(String id, int v) {
        ((Spinner<Integer>) view.getScene().getRoot().lookup(id)).getValueFactory().setValue(v);
    }

    private void shot(Path dir, String name, Node node) throws Exception {
        WritableImage img = onFx(() -> node == null ? view.getScene().snapshot(null) : node.snapshot(null, null));
        Path file = dir.resolve(name + "-" + lang + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
        System.out.println("wrote " + file.toAbsolutePath());
    }
}
