package dev.patchexplorer.ui;

import dev.patchexplorer.ui.choose.ChooseImages;
import dev.patchexplorer.ui.choose.ChoosePatchPane;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Choose panel at the window's smallest and default sizes, in English and Chinese, for the shown
 * image and for several files with long status lines: every control lies within the scroll pane's
 * viewport, so the panel never scrolls sideways and no control is cut at its right edge.
 */
@ExtendWith(ApplicationExtension.class)
class ChoosePanelFitsWindowTest {
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

    @ParameterizedTest(name = "{0}, {1} x {2}")
    @CsvSource({"en, 1024, 600", "en, 1400, 900", "zh_CN, 1024, 600", "zh_CN, 1400, 900"})
    void everyControlFitsThePanelsWidth(String locale, double width, double height, FxRobot robot) {
        Messages.useLocale(Locale.forLanguageTag(locale.replace('_', '-')));
        onFx(() -> {
            Theme.LIGHT.apply();
            FxTestSupport.showMainWindow(stage, new ExplorerViewModel(background), settingsDir, inference);
            stage.setWidth(width);
            stage.setHeight(height);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#nav-choose");
        ChoosePatchPane pane = onFx(() -> robot.lookup("#choose-pane").queryAs(ChoosePatchPane.class));
        ScrollPane scroll = onFx(() -> robot.lookup("#choose-scroll").queryAs(ScrollPane.class));
        List<String> problems = new ArrayList<>();
        for (ChooseImages images : ChooseImages.values()) {
            problems.addAll(onFx(() -> {
                pane.viewModel().imagesProperty().set(images);
                pane.viewModel().statusProperty().set(Messages.format("choose.status.doneFiles", 3)
                        + " a-rather-long-file-name-without-spaces-that-cannot-wrap.png and more text that should wrap");
                List<String> out = new ArrayList<>();
                for (String p : ChoosePanelFit.overflowing(scroll)) out.add(images + ": " + p);
                return out;
            }));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
