package dev.patchexplorer.ui;

import javafx.scene.Scene;
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
 * first frame: the charts join the scene a pulse later, the views not shown are built only when
 * first chosen, and the model search starts after that frame, ending in a model loading or the
 * download offer.
 */
@ExtendWith(ApplicationExtension.class)
class StartupDeferralWindowTest {
    @TempDir
    Path settingsDir;
    private ExplorerView view;
    /** What the window held before it was first shown. */
    private boolean chartsInSceneAtFirst;
    private boolean rfBuiltAtFirst;

    @Start
    void start(Stage stage) {
        ExplorerViewModel model = new ExplorerViewModel(Executors.newSingleThreadExecutor());
        view = new ExplorerView(model, new SessionPersistence(new Settings(settingsDir.resolve("settings.properties"))),
                AppInfo.unknown(), List.of());
        stage.setScene(new Scene(view, 1400, 900));
        chartsInSceneAtFirst = view.lookup("#charts") != null;
        rfBuiltAtFirst = view.view("rf", dev.patchexplorer.ui.shell.BasicView.class).built();
        stage.show();
    }

    @AfterEach
    void stop() {
        onFx(() -> { // the view is null when the window never started
            if (view != null) view.models().closeModel();
            return null;
        });
    }

    @Test
    void whatCanWaitJoinsAfterTheFirstFrame(FxRobot robot) {
        assertFalse(chartsInSceneAtFirst, "the charts are not part of the first frame");
        assertFalse(rfBuiltAtFirst, "nor the receptive-field view, which is not shown");

        // Looked for in the Explore panel, not the scene: with no model anywhere (a fresh clone) the search
        // may already have switched to the Attention view to offer the download.
        waitUntil(() -> onFx(() -> view.view("explore", dev.patchexplorer.ui.shell.BasicView.class).panel().lookup("#charts") != null));
        assertFalse(onFx(() -> view.view("rf", dev.patchexplorer.ui.shell.BasicView.class).built()),
                "a view is built on first use, not after the first frame");
        robot.clickOn("#nav-rf");
        assertTrue(onFx(() -> robot.lookup("#rf-scroll").tryQuery().isPresent()));
        assertEquals(view.getScene(), onFx(() -> view.rfPane().getScene()));
        // the search has run: a default model found and loading (or loaded), or none and the offer shown
        waitUntil(60, () -> onFx(() -> view.models().loadingProperty().get() || view.models().getLoaded() != null
                || view.view("attention", dev.patchexplorer.ui.shell.BasicView.class).panel().lookup("#model-offer") != null));
    }
}
