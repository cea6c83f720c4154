package dev.patchexplorer.ui.panels;

import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.AllHeadsJob;
import dev.patchexplorer.ui.inference.AttentionJob;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Objects;

/** The layers x heads window beside the main one; its tiles fill the window as it grows. */
public final class HeadsWindow {
    private HeadsWindow() {}

    public static Stage create(Window owner, AttentionJob attention) {
        Stage stage = new Stage();
        if (owner != null) stage.initOwner(owner);
        stage.setTitle(Messages.get("heads.window"));
        AllHeadsJob job = new AllHeadsJob(attention.models().explorer(), attention.models(), attention.modeProperty(),
                attention.executor());
        ScrollPane scroll = new ScrollPane(new HeadsView(job, attention));
        // the view takes the window's size, so its tiles can be sized from it; past the smallest tile it scrolls
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        Scene scene = new Scene(scroll, 900, 760);
        scene.getStylesheets().add(Objects.requireNonNull(HeadsWindow.class.getResource("/dev/patchexplorer/ui/app.css"),
                "app.css missing from the build").toExternalForm());
        stage.setScene(scene);
        job.seenWhile(stage.showingProperty()); // its pass runs only while the window is open
        job.schedule(); // deferred until the window shows, then run for the image and model already open
        if (owner instanceof Stage main && !main.getIcons().isEmpty()) stage.getIcons().setAll(main.getIcons());
        return stage;
    }
}
