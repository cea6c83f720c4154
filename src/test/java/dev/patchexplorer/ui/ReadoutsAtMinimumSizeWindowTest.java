package dev.patchexplorer.ui;

import dev.patchexplorer.core.grid.PatchSizes;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main window at its smallest size, in English and Chinese, at the extreme patch sizes on the
 * largest working image: every readout shows its whole text (JavaFX shows an ellipsis in the label's
 * Text node when a label is cut).
 */
@ExtendWith(ApplicationExtension.class)
class ReadoutsAtMinimumSizeWindowTest {
    private static final int LARGEST_SIZE = 4096;

    @TempDir
    static Path settingsDir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService inference = Executors.newSingleThreadExecutor();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void restoreLocale() {
        Messages.useLocale(Locale.getDefault());
        inference.shutdown();
        background.shutdown();
    }

    @ParameterizedTest(name = "{0}, patch {1}")
    @CsvSource({"en, " + PatchSizes.MIN, "en, " + PatchSizes.MAX, "zh_CN, " + PatchSizes.MIN, "zh_CN, " + PatchSizes.MAX})
    void everyReadoutFitsOrWraps(String locale, int patch) {
        Messages.useLocale(Locale.forLanguageTag(locale.replace('_', '-')));
        ExplorerViewModel model = onFx(() -> {
            Theme.LIGHT.apply();
            ExplorerViewModel m = new ExplorerViewModel(background);
            FxTestSupport.showMainWindow(stage, m, settingsDir, inference);
            stage.setWidth(ExplorerView.MIN_WIDTH);
            stage.setHeight(ExplorerView.MIN_HEIGHT);
            m.workingSizeProperty().set(LARGEST_SIZE);
            m.setPatch(patch);
            // The banner a refused pass shows at these settings takes room from the window.
            m.reportProblem(Messages.format("attention.error", Messages.format("problem.tooManyTokens",
                    "4,194,305", "2.25 PiB", 12, "2.00 GiB")));
            return m;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(patch, onFx(model::getPatch));
        assertEquals(ExplorerView.MIN_WIDTH, onFx(() -> stage.getScene().getWidth()), 20);

        List<String> cut = onFx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            List<String> out = new ArrayList<>();
            for (Node n : stage.getScene().getRoot().lookupAll(".readout-pane .label")) {
                Label label = (Label) n;
                if (!label.isVisible() || label.getText().isEmpty()) continue;
                Text shown = (Text) label.lookup(".text");
                String name = (label.getId() == null ? "" : label.getId() + ": ") + label.getText();
                if (shown == null || !shown.getText().equals(label.getText())) {
                    out.add(name + " shown as " + (shown == null ? "nothing" : shown.getText()));
                }
                // Nor may the window's edge cut it: the side panes' minimum widths must fit the window.
                double right = label.localToScene(label.getLayoutBounds()).getMaxX();
                if (right > stage.getScene().getWidth() + 0.5) out.add(name + " reaches x = " + Math.round(right));
            }
            return out;
        });
        int checked = onFx(() -> stage.getScene().getRoot().lookupAll(".readout-pane .readout-value").size());
        assertTrue(checked >= 18, "readout values found: " + checked);
        assertFalse(onFx(() -> stage.getScene().getRoot().lookup("#readout-compute") == null));
        assertTrue(cut.isEmpty(), "cut off at the minimum window size: " + String.join("; ", cut));
    }
}
