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

    /**
     * Completes, on the FX thread, once the session's settings are applied. {@code folder} is the session
     * file's: an image or model moved along with the session into it is found there.
     */
    static CompletableFuture<Void> open(ExplorerView view, Session s, Path folder) {
        List<String> missing = new ArrayList<>();
        Path image = locate(s.image(), folder, false);
        if (s.image() != null) {
            if (image != null) view.open(image);
            else missing.add(Messages.format("session.missing.image", s.image()));
        }
        Path model = locate(s.model(), folder, true);
        if (s.model() != null) {
            if (model != null) {
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

    /**
     * The saved path if it is there, else the same name in {@code folder} (a session sent with its image),
     * else null. A folder when {@code directory}, a file otherwise.
     */
    static Path locate(String saved, Path folder, boolean directory) {
        if (saved == null || saved.isBlank()) return null;
        try {
            Path p = Path.of(saved);
            if (directory ? Files.isDirectory(p) : Files.isRegularFile(p)) return p;
            Path name = p.getFileName();
            if (folder == null || name == null) return null;
            Path beside = folder.resolve(name.toString());
            return (directory ? Files.isDirectory(beside) : Files.isRegularFile(beside)) ? beside : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
