package dev.patchexplorer.ui;

import dev.patchexplorer.core.tradeoff.VitPresets;
import dev.patchexplorer.testing.TinyCheckpoints;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Choosing a Swin in the window's model list: the readouts show its costs at its own 4 px patch on the
 * 224 px image, against torchvision's published figures (Swin-T 4.49 GMACs, 28.29 M parameters; Swin-B
 * 15.43 GMACs), the stage grids 56, 28, 14, 7 worked out by hand; the slider leaves them alone; choosing
 * a ViT again brings the ViT readouts back unchanged. In English and in Chinese.
 */
@ExtendWith(ApplicationExtension.class)
class SwinReadoutsWindowTest {
    @TempDir
    static Path settingsDir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService inference = Executors.newSingleThreadExecutor();
    private Stage stage;
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        Messages.useLocale(Locale.getDefault());
        inference.shutdown();
        background.shutdown();
    }

    @Test
    void swinTinyAt224InEnglish(FxRobot robot) {
        check(robot, Locale.ENGLISH);
    }

    @Test
    void swinTinyAt224InChinese(FxRobot robot) {
        check(robot, Locale.SIMPLIFIED_CHINESE);
    }

    private void check(FxRobot robot, Locale locale) {
        Messages.useLocale(locale);
        ExplorerViewModel model = onFx(() -> {
            Theme.LIGHT.apply();
            ExplorerViewModel m = new ExplorerViewModel(background);
            FxTestSupport.showMainWindow(stage, m, settingsDir, inference);
            m.workingSizeProperty().set(224);
            m.setPatch(16);
            return m;
        });
        String vitCompute = text("readout-compute");
        choose(robot, "swin_tiny_patch4_window7_224");
        assertEquals(Messages.format("readout.compute.value", "4.49", "8.98"), text("readout-swin-compute"));
        assertEquals("28.29 M", text("readout-swin-params")); // torchvision: 28,288,354
        assertEquals(Messages.format("readout.swin.inputOf", 224, 224), text("readout-swin-input"));
        // 224 / 4 = 56 tokens a side, halved at each merge; 56 / 7 = 8 windows a side, then 4, 2, 1
        String tokens = String.join("\n",
                Messages.format("readout.swin.stageTokens", 1, 56, 56, "3,136", "64", 7, 4),
                Messages.format("readout.swin.stageTokens", 2, 28, 28, "784", "16", 7, 8),
                Messages.format("readout.swin.stageTokens", 3, 14, 14, "196", "4", 7, 16),
                Messages.format("readout.swin.stageTokens", 4, 7, 7, "49", "1", 7, 32));
        assertEquals(tokens, text("readout-swin-tokens"));
        // stage 1 per block: 3 heads x 64 windows x 49² x 4 B = 1,843,968 B = 1.76 MiB; global 3 x 3136² x 4 B = 112.5 MiB
        // 112.5 MiB shows as "113 MiB" (three digits from 100 up)
        assertTrue(text("readout-swin-memory").startsWith(Messages.format("readout.swin.stageMemory", 1, "1.76 MiB", "113 MiB") + "\n"),
                text("readout-swin-memory"));
        assertTrue(text("readout-swin-note").contains("4") && text("readout-swin-note").contains("32"), text("readout-swin-note"));
        assertFalse(onFx(() -> lookup("readout-compute").getParent().isVisible()), "the ViT table is hidden");
        assertTrue(onFx(() -> lookup("chart-swin-note").isVisible()));

        onFx(() -> {
            model.setPatch(32); // the slider: the grid moves, the Swin keeps its own patch
            return null;
        });
        assertEquals(Messages.format("readout.compute.value", "4.49", "8.98"), text("readout-swin-compute"));

        choose(robot, "swin_base_patch4_window7_224");
        assertEquals(Messages.format("readout.compute.value", "15.43", "30.86"), text("readout-swin-compute"));

        choose(robot, VitPresets.defaultArchitecture().name());
        onFx(() -> {
            model.setPatch(16);
            return null;
        });
        assertEquals(vitCompute, text("readout-compute"));
        assertTrue(onFx(() -> lookup("readout-compute").getParent().isVisible()));
        assertNull(onFx(() -> stage.getScene().getRoot().lookup("#readout-swin-compute")), "the Swin table is gone");
        assertFalse(onFx(() -> lookup("chart-swin-note").isVisible()));
    }

    @Test
    void loadingAViTReplacesAChosenSwin(FxRobot robot, @TempDir Path models) throws Exception {
        ExplorerViewModel model = onFx(() -> {
            Theme.LIGHT.apply();
            ExplorerViewModel m = new ExplorerViewModel(background);
            view = FxTestSupport.showMainWindow(stage, m, settingsDir, inference);
            return m;
        });
        choose(robot, "swin_small_patch4_window7_224");
        assertEquals("swin_small_patch4_window7_224", onFx(() -> model.swinProperty().get().name()));
        Path vit = TinyCheckpoints.vit(models.resolve("vit"));
        onFx(() -> {
            view.models().loadModel(vit);
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.models().getModel() != null));
        assertNull(onFx(() -> model.swinProperty().get()));
        assertEquals(onFx(() -> model.architectureProperty().get()), onFx(() -> ((ComboBox<?>) lookup("architecture")).getValue()));
        assertTrue(onFx(() -> lookup("readout-compute").getParent().isVisible()));
        onFx(() -> {
            view.models().closeModel();
            return null;
        });
    }

    private void choose(FxRobot robot, String name) {
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Object> arch = (ComboBox<Object>) lookup("architecture");
            arch.setValue(arch.getItems().stream().filter(a -> arch.getConverter().toString(a).equals(name)).findFirst().orElseThrow());
            return null;
        });
    }

    private Node lookup(String id) {
        Node n = stage.getScene().getRoot().lookup("#" + id);
        if (n == null) throw new AssertionError("no #" + id);
        return n;
    }

    private String text(String id) {
        return onFx(() -> ((Label) lookup(id)).getText());
    }
}
