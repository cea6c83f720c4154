package dev.patchexplorer.ui;

import javafx.scene.Scene;
import javafx.scene.control.Tab;
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
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static dev.patchexplorer.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app's window (the constructor that searches for a model) leaves what can wait until after its
 * first frame: the receptive-field tab's content and the charts join the scene a pulse later, and
 * the model search starts then, ending in a model loading or the download offer.
 */
@ExtendWith(ApplicationExtension.class)
class StartupDeferralWindowTest {
    @TempDir
    Path settingsDir;
    private ExplorerView view;
    /** What the window held before it was first shown. */
    private boolean chartsInSceneAtFirst;
    private String rfContentAtFirst;

    @Start
    void start(Stage stage) {
        ExplorerViewModel model = new ExplorerViewModel(Executors.newSingleThreadExecutor());
        view = new ExplorerView(model, new SessionPersistence(new Settings(settingsDir.resolve("settings.properties"))),
                AppInfo.unknown(), List.of());
        stage.setScene(new Scene(view, 1400, 900));
        chartsInSceneAtFirst = view.lookup("#charts") != null;
        rfContentAtFirst = String.valueOf(rfTab().getContent().getId());
        stage.show();
    }

    @AfterEach
    void stop() {
        onFx(() -> { // the view is null when the window never started
            if (view != null) view.models().closeModel();
            return null;
        });
    }

    private Tab rfTab() {
        return view.rightTabs().getTabs().stream().filter(t -> "tab-rf".equals(t.getId())).findFirst().orElseThrow();
    }

    @Test
    void whatCanWaitJoinsAfterTheFirstFrame(FxRobot robot) {
        assertFalse(chartsInSceneAtFirst, "the charts are not part of the first frame");
        assertEquals("null", rfContentAtFirst, "nor the receptive-field pane: a bare placeholder");

        waitUntil(() -> onFx(() -> view.charts().getScene() != null && view.rfPane().getScene() != null));
        assertEquals(view.getScene(), onFx(() -> view.charts().getScene()));
        assertTrue(onFx(() -> robot.lookup("#rf-scroll").tryQuery().isPresent()));
        // the search has run: a default model found and loading (or loaded), or none and the offer shown
        waitUntil(60, () -> onFx(() -> view.models().loadingProperty().get() || view.models().getLoaded() != null
                || robot.lookup("#model-offer").tryQuery().isPresent()));
    }
}
