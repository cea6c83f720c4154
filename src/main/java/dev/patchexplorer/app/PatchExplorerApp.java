package dev.patchexplorer.app;

import dev.patchexplorer.ui.AppInfo;
import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.help.AppIcons;
import dev.patchexplorer.ui.help.UncaughtExceptionHandlers;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.SessionPersistence;
import dev.patchexplorer.ui.Settings;
import dev.patchexplorer.ui.io.Samples;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The window: wires settings, the view model's background executor and the main view. */
public final class PatchExplorerApp extends Application {
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "patch-explorer-io");
        t.setDaemon(true);
        return t;
    });
    private ExplorerView view;
    private SessionPersistence session;

    static void launchWith(String[] args) {
        launch(PatchExplorerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Path logs = Logging.install();
        StartupClock.mark("FX start");
        String version = AppVersion.current();
        UncaughtExceptionHandlers.install(() -> stage, version, logs);
        session = new SessionPersistence(Settings.forUser());
        ExplorerViewModel model = new ExplorerViewModel(background);
        session.restore(model);
        session.theme().apply();
        StartupClock.mark("settings restored");
        AppArguments arguments = arguments(getParameters().getRaw());
        view = new ExplorerView(model, session, new AppInfo(version, logs), arguments.modelFolders());
        view.themeProperty().set(session.theme());
        model.setOnImageOpened(img -> {
            if (img.source() != null && !img.source().startsWith(tempFolder())) {
                session.settings().addRecentFile(img.source());
            }
        });

        StartupClock.mark("view built");
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(Objects.requireNonNull(
                PatchExplorerApp.class.getResource("/dev/patchexplorer/ui/app.css"), "app.css missing from the build").toExternalForm());
        stage.setTitle(Messages.get("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(ExplorerView.MIN_WIDTH);
        stage.setMinHeight(ExplorerView.MIN_HEIGHT);
        AppIcons.applyTo(stage);
        session.restoreWindow(stage);
        stage.setOnHidden(e -> session.save(model, stage, view.themeProperty().get()));
        StartupClock.onFirstFrame(scene, () -> StartupClock.mark("after first frame"));
        stage.show();
        StartupClock.mark("stage shown");

        view.startTourIfFirstRun();
        arguments.image().or(session::lastImage).ifPresentOrElse(model::open, () -> view.openSample(Samples.first()));
        StartupClock.mark("start done");
    }

    /** The Launcher already refused bad arguments; this only re-reads them (a direct launch gets none). */
    private static AppArguments arguments(List<String> raw) {
        try {
            return AppArguments.parse(raw);
        } catch (dev.patchexplorer.cli.UsageException e) {
            return new AppArguments(List.of(), java.util.Optional.empty());
        }
    }

    private static Path tempFolder() {
        return Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    }

    @Override
    public void stop() throws IOException {
        if (session != null) session.flush(); // settings are written in the background: let the last save land
        background.shutdownNow();
    }
}
