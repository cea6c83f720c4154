package dev.patchexplorer.ui;

import dev.patchexplorer.ui.io.Samples;
import dev.patchexplorer.ui.views.concepts.ConceptsPane;
import dev.patchexplorer.ui.views.concepts.ConceptsView;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import org.testfx.api.FxRobot;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the Concepts window tests share: opening a page, moving the slider, reading a readout. */
final class ConceptsWindowSupport {
    private ConceptsWindowSupport() {}

    static void openSample(ExplorerView view, ExplorerViewModel model) {
        onFx(() -> {
            view.openSample(Samples.first());
            return null;
        });
        FxTestSupport.waitUntil(60, () -> onFx(() -> model.getImage() != null));
    }

    static ConceptsPane openPage(FxRobot robot, ExplorerView view, String page) {
        robot.clickOn("#nav-" + ConceptsView.ID);
        assertEquals(ConceptsView.ID, onFx(() -> view.navigator().getActive().id()));
        return onFx(() -> {
            ConceptsPane pane = view.view(ConceptsView.ID, ConceptsView.class).pane();
            pane.select(page);
            return pane;
        });
    }

    /** Moves the patch-size slider as a drag would, and returns the size the window settled on. */
    static int slide(ExplorerView view, int patch) {
        return onFx(() -> {
            view.patchBar().patchSlider().setValue(patch);
            return view.model().getPatch();
        });
    }

    /** A readout's text, found in the Concepts pane itself, so that it can be read while the view is hidden. */
    static String readout(ExplorerView view, String page, String name) {
        return onFx(() -> {
            ConceptsPane pane = view.view(ConceptsView.ID, ConceptsView.class).pane();
            Label l = (Label) pane.lookup("#concept-" + page + "-" + name);
            if (l == null) throw new AssertionError("no readout " + name + " on page " + page);
            return l.getText();
        });
    }

    /** Waits until the readout shows {@code expected}; fails with what it shows otherwise. */
    static void waitForReadout(ExplorerView view, String page, String name, String expected) {
        try {
            FxTestSupport.waitUntil(60, () -> expected.equals(readout(view, page, name)));
        } catch (AssertionError e) {
            assertEquals(expected, readout(view, page, name), page + " " + name);
        }
    }

    static Image imageOf(FxRobot robot, String id) {
        return onFx(() -> robot.lookup("#" + id).queryAs(javafx.scene.image.ImageView.class).getImage());
    }
}
