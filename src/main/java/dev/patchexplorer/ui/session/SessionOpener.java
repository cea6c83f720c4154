package dev.patchexplorer.ui.session;

import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.Messages;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableBooleanValue;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Opens a session: the image and the model through the window's own loaders (in the background), and
 * once both are done the settings, boxes and view, which loading would otherwise reset (a new model
 * sets the layer and the patch). A missing image or model is named in the problem banner and the rest
 * still opens. FX thread.
 */
final class SessionOpener {
    private SessionOpener() {}

    /** Completes, on the FX thread, once the session's settings are applied. */
    static CompletableFuture<Void> open(ExplorerView view, Session s) {
        List<String> missing = new ArrayList<>();
        Path image = path(s.image());
        if (s.image() != null) {
            if (image != null && Files.isRegularFile(image)) view.open(image);
            else missing.add(Messages.format("session.missing.image", s.image()));
        }
        Path model = path(s.model());
        if (s.model() != null) {
            if (model != null && Files.isDirectory(model)) {
                if (!model.equals(view.models().loadedFolderProperty().get())) view.models().loadModel(model);
            } else {
                missing.add(Messages.format("session.missing.model", s.model()));
            }
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        whenIdle(view, () -> {
            SessionState.apply(s, view);
            if (!missing.isEmpty()) {
                view.model().reportProblem(String.join(" ", missing) + " " + Messages.get("session.missing.rest"));
            }
            done.complete(null);
        });
        return done;
    }

    /** Runs {@code then} once neither the image nor the model is loading (at once if neither is). */
    private static void whenIdle(ExplorerView view, Runnable then) {
        ObservableBooleanValue image = view.model().loadingProperty(), model = view.models().loadingProperty();
        if (!image.get() && !model.get()) {
            then.run();
            return;
        }
        InvalidationListener[] check = new InvalidationListener[1];
        check[0] = x -> {
            if (image.get() || model.get()) return;
            image.removeListener(check[0]);
            model.removeListener(check[0]);
            // a load reports "done" just before it hands over its result: apply after that
            Platform.runLater(then);
        };
        image.addListener(check[0]);
        model.addListener(check[0]);
    }

    private static Path path(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
