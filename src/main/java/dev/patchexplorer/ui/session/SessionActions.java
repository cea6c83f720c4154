package dev.patchexplorer.ui.session;

import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.Messages;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * File > Save Session and Open Session. A session file is a few kilobytes of JSON, read and written on
 * the spot; the image and model it names load in the background like File > Open's. Failures go to
 * the problem banner and change nothing.
 */
public final class SessionActions {
    private static final Logger LOG = Logger.getLogger(SessionActions.class.getName());
    private static final String LAST_FOLDER = "lastSessionFolder";
    private final ExplorerView view;
    private final RecentSessions recent;

    public SessionActions(ExplorerView view) {
        this.view = view;
        this.recent = new RecentSessions(view.session().settings());
    }

    public RecentSessions recent() {
        return recent;
    }

    public void chooseAndSave() {
        FileChooser chooser = chooser("menu.file.saveSession");
        var image = view.model().getImage();
        String base = image == null ? "session" : image.name().replaceAll("\\.[^.]*$", "");
        chooser.setInitialFileName(base + "-session." + SessionFile.EXTENSION);
        File f = chooser.showSaveDialog(window());
        if (f != null) save(f.toPath());
    }

    public void chooseAndOpen() {
        File f = chooser("menu.file.openSession").showOpenDialog(window());
        if (f != null) open(f.toPath());
    }

    /** Writes the window's session to {@code file}; false (and a message in the banner) when it could not. */
    public boolean save(Path file) {
        try {
            SessionFile.write(SessionState.capture(view), file);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "Session not saved: " + file, e);
            view.model().reportProblem(Messages.format("session.error.write", String.valueOf(file.getFileName()),
                    String.valueOf(e.getMessage())));
            return false;
        }
        remember(file);
        return true;
    }

    /**
     * Opens {@code file}: a file that is not a readable session changes nothing and says why; otherwise
     * the returned future completes once its settings are applied.
     */
    public CompletableFuture<Void> open(Path file) {
        Session s;
        try {
            s = SessionFile.read(file);
        } catch (SessionFileException e) {
            LOG.info(() -> "Session refused: " + e.getMessage());
            view.model().reportProblem(e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        remember(file);
        return SessionOpener.open(view, s, file.toAbsolutePath().getParent());
    }

    private void remember(Path file) {
        recent.add(file);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) view.session().settings().put(LAST_FOLDER, parent.toString());
    }

    private FileChooser chooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get(titleKey));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Messages.get("session.filter"), "*." + SessionFile.EXTENSION),
                new FileChooser.ExtensionFilter(Messages.get("file.filter.all"), "*"));
        view.session().settings().get(LAST_FOLDER).map(File::new).filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
        return chooser;
    }

    private Window window() {
        return view.getScene() == null ? null : view.getScene().getWindow();
    }
}
