package dev.patchexplorer.ui.help;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class UserGuideWindowTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void opensOnceAndJumpsToASection(FxRobot robot) {
        UserGuideWindow[] guide = new UserGuideWindow[2];
        robot.interact(() -> guide[0] = UserGuideWindow.show(stage));
        robot.interact(() -> guide[1] = UserGuideWindow.show(stage));
        assertEquals(guide[0], guide[1], "a second Help > User Guide brings the same window forward");

        ListView<?> contents = robot.lookup("#guide-contents").queryAs(ListView.class);
        assertTrue(contents.getItems().contains("Attention rollout"), contents.getItems().toString());
        ScrollPane page = robot.lookup("#guide-page").queryAs(ScrollPane.class);
        assertEquals(0, page.getVvalue());
        robot.interact(() -> contents.getSelectionModel().select(contents.getItems().size() - 1));
        assertTrue(page.getVvalue() > 0.5, "jumped down to the last section: " + page.getVvalue());
        robot.interact(() -> guide[0].stage().close());
    }

    @Test
    void picturesShrinkWithTheWindowSoTheTextIsNeverCutOff(FxRobot robot) {
        UserGuideWindow[] guide = new UserGuideWindow[1];
        robot.interact(() -> guide[0] = UserGuideWindow.show(stage));
        for (double width : new double[] {1100, 760}) {
            robot.interact(() -> guide[0].stage().setWidth(width));
            ScrollPane page = robot.lookup("#guide-page").queryAs(ScrollPane.class);
            double viewport = page.getViewportBounds().getWidth();
            double content = ((javafx.scene.layout.Region) page.getContent()).getWidth();
            assertTrue(content <= viewport + 1, "page " + content + " wider than its viewport " + viewport + " at " + width);
            for (javafx.scene.Node n : page.getContent().lookupAll(".image-view")) {
                assertTrue(n.getLayoutBounds().getWidth() <= viewport, "picture wider than the page at " + width);
            }
        }
        robot.interact(() -> guide[0].stage().close());
    }
}
