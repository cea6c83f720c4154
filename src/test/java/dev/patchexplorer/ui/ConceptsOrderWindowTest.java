package dev.patchexplorer.ui;

import dev.patchexplorer.ui.views.concepts.ConceptPage;
import dev.patchexplorer.ui.views.concepts.ConceptsPane;
import dev.patchexplorer.ui.views.concepts.ConceptsView;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Concepts selector lists the pages in issue 12's teaching order (1 what a token keeps ... 8 adaptive
 * sizes then token merging ... 10 text segments), and opens on the first.
 */
@ExtendWith(ApplicationExtension.class)
class ConceptsOrderWindowTest {
    /** Written out from the numbered list, not read from the page registry. */
    private static final List<String> TEACHING_ORDER = List.of("tokenKeeps", "features", "locality", "masking",
            "position", "augment", "scales", "adaptive", "tome", "tiling", "text");
    @TempDir
    static Path settingsDir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService inference = Executors.newSingleThreadExecutor();
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        view = FxTestSupport.showMainWindow(stage, new ExplorerViewModel(background), settingsDir, inference);
    }

    @AfterEach
    void close() {
        inference.shutdown();
        background.shutdown();
    }

    @Test
    void selectorFollowsTeachingOrder(FxRobot robot) {
        robot.clickOn("#nav-" + ConceptsView.ID);
        ConceptsPane pane = onFx(() -> view.view(ConceptsView.ID, ConceptsView.class).pane());
        assertEquals(TEACHING_ORDER.get(0), onFx(() -> pane.selected().id()));
        List<String> shown = onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<ConceptPage> selector = robot.lookup("#concepts-page").queryAs(ComboBox.class);
            return selector.getItems().stream().map(ConceptPage::id).toList();
        });
        assertEquals(TEACHING_ORDER, shown);
        assertEquals(TEACHING_ORDER, onFx(() -> pane.pages().stream().map(ConceptPage::id).toList()));
    }
}
