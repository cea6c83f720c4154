package dev.patchexplorer.ui.panels;

import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.AttentionJob;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Objects;

/** The small-multiples window beside the main one. */
public final class HeadsWindow {
    private HeadsWindow() {}

    public static Stage create(Window owner, AttentionJob job) {
        Stage stage = new Stage();
        if (owner != null) stage.initOwner(owner);
        stage.setTitle(Messages.get("heads.window"));
        ScrollPane scroll = new ScrollPane(new HeadsView(job));
        scroll.setFitToWidth(true);
        Scene scene = new Scene(scroll, 760, 560);
        scene.getStylesheets().add(Objects.requireNonNull(HeadsWindow.class.getResource("/dev/patchexplorer/ui/app.css"),
                "app.css missing from the build").toExternalForm());
        stage.setScene(scene);
        job.seenWhile(stage.showingProperty()); // its tiles are the job's results: passes run while it is open
        if (owner instanceof Stage main && !main.getIcons().isEmpty()) stage.getIcons().setAll(main.getIcons());
        return stage;
    }
}
