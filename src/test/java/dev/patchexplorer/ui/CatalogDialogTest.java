package dev.patchexplorer.ui;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.model.catalog.CatalogEntry;
import dev.patchexplorer.model.catalog.LocalModelServer;
import dev.patchexplorer.model.catalog.ModelCache;
import dev.patchexplorer.model.catalog.ModelCatalog;
import dev.patchexplorer.model.catalog.ModelDownloader;
import dev.patchexplorer.model.catalog.ModelLocations;
import dev.patchexplorer.model.catalog.UserMessage;
import dev.patchexplorer.model.catalog.TestCatalogEntries;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.help.AboutDialog;
import dev.patchexplorer.ui.help.DownloadedNotices;
import dev.patchexplorer.ui.models.CatalogDialog;
import dev.patchexplorer.ui.models.DownloadedModels;
import dev.patchexplorer.ui.models.CatalogViewModel;
import dev.patchexplorer.ui.models.CatalogViewModel.Outcome;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static dev.patchexplorer.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog dialog against a real HTTP server on 127.0.0.1 standing in for the hub and serving the
 * tests' tiny ViT under ViT-Ti's catalog id: download with progress, load into the window, cancel and
 * resume, and failures.
 */
@ExtendWith(ApplicationExtension.class)
class CatalogDialogTest {
    private static final String VIT = "vit_tiny_patch16_224.augreg_in21k_ft_in1k";
    /** A models folder as the shared one is laid out: the tiny ViT and a MobileNetV2 under their folder names. */
    @TempDir
    static Path modelsRoot;
    private static Path vitFolder;
    private static LocalModelServer server;
    private static ModelCatalog catalog;

    @TempDir
    Path cacheRoot;
    @TempDir
    Path settingsDir;

    private final ExecutorService downloads = Executors.newSingleThreadExecutor();
    private final ExecutorService inference = Executors.newSingleThreadExecutor();
    private ExplorerView view;
    private CatalogDialog dialog;
    private ModelCache cache;
    private final List<Double> fractions = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServer() throws IOException {
        vitFolder = TinyCheckpoints.vit(modelsRoot.resolve(VIT));
        TinyCheckpoints.mobileNetV2(modelsRoot.resolve("mobilenetv2_100.dequant_in1k"));
        server = new LocalModelServer(vitFolder);
        catalog = TestCatalogEntries.bundledServedBy(server, vitFolder);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        ExplorerViewModel model = new ExplorerViewModel(Executors.newSingleThreadExecutor());
        view = new ExplorerView(model, new SessionPersistence(new Settings(settingsDir.resolve("settings.properties"))), inference);
        stage.setScene(new Scene(view, 1000, 700));
        stage.show();
        cache = new ModelCache(cacheRoot);
        CatalogViewModel vm = new CatalogViewModel(catalog, cache,
                new ModelDownloader(cache), downloads, List::of, view.models()::loadModel);
        vm.progressProperty().addListener((o, was, now) -> fractions.add(now.doubleValue()));
        dialog = new CatalogDialog(stage, vm);
        dialog.stage().show();
    }

    @AfterEach
    void stop() {
        onFx(() -> { // either may be null when the window never started
            if (dialog != null) dialog.stage().hide();
            if (view != null) view.models().closeModel();
            return null;
        });
        downloads.shutdownNow();
        inference.shutdown();
        if (server != null) server.mode(LocalModelServer.Mode.NORMAL);
    }

    private CatalogEntry vit() {
        return dialog.viewModel().row(VIT).orElseThrow().entry();
    }

    private String id(String prefix) {
        return "#" + prefix + CatalogDialog.nodeId(vit());
    }

    private Outcome waitForOutcome() {
        waitUntil(60, () -> onFx(() -> !dialog.viewModel().busyProperty().get()
                && dialog.viewModel().outcomeProperty().get() != Outcome.NONE));
        return onFx(() -> dialog.viewModel().outcomeProperty().get());
    }

    private String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    @Test
    void downloadsWithProgressThenLoadsIntoTheWindow(FxRobot robot) {
        server.mode(LocalModelServer.Mode.SLOW);
        assertEquals("Not downloaded", text(robot, id("catalog-status-")));
        assertTrue(onFx(() -> robot.lookup(id("catalog-load-")).queryButton().isDisabled()));

        robot.clickOn(id("catalog-download-"));
        waitUntil(30, () -> fractions.stream().anyMatch(f -> f > 0.05 && f < 0.95));
        assertTrue(onFx(() -> robot.lookup(id("catalog-download-")).queryButton().isDisabled()), "one download at a time");
        assertEquals("Downloading\u2026", text(robot, id("catalog-status-")));

        assertEquals(Outcome.DONE, waitForOutcome());
        String total = Units.bytes(server.weightsLength());
        assertEquals("model.safetensors (file 2 of 2): " + total + " of " + total, text(robot, "#catalog-progress-text"));
        assertTrue(cache.isCached(vit()));
        waitUntil(() -> "Downloaded".equals(text(robot, id("catalog-status-")))); // the cache is looked at off the FX thread
        assertTrue(text(robot, "#catalog-message").startsWith("Downloaded and verified " + VIT));

        robot.clickOn(id("catalog-load-"));
        waitUntil(90, () -> onFx(() -> view.models().getModel() != null));
        assertEquals("vit_tiny_patch16_224", onFx(() -> view.models().getModel().spec().architecture()));
        assertEquals(cache.folderFor(vit()), cacheRoot.resolve(VIT));

        // the About box now credits the downloaded checkpoint
        DownloadedNotices notices = DownloadedModels.notices(cache);
        assertEquals(1, notices.notices().size());
        assertEquals(VIT + " (Apache-2.0): " + vit().notice(), notices.notices().get(0));
        AboutDialog about = onFx(() -> AboutDialog.show(dialog.stage(), "1.0", notices));
        assertTrue(onFx(() -> about.dialog().getDialogPane().lookupAll("#about-downloaded-notice").stream()
                .anyMatch(n -> ((Label) n).getText().contains("Google Research"))));
        onFx(() -> {
            about.dialog().close();
            return null;
        });
    }

    @Test
    void cancelStopsTheDownloadAndTheNextOneResumesWhereItStopped(FxRobot robot) throws IOException {
        server.mode(LocalModelServer.Mode.SLOW);
        server.weightsRanges.clear();
        robot.clickOn(id("catalog-download-"));
        waitUntil(30, () -> fractions.stream().anyMatch(f -> f > 0.1 && f < 0.9));
        robot.clickOn("#catalog-cancel");

        assertEquals(Outcome.CANCELLED, waitForOutcome());
        assertEquals("The download of " + VIT + " was cancelled; what arrived is kept, so Download resumes it.",
                text(robot, "#catalog-message"));
        assertFalse(cache.isCached(vit()));
        assertEquals("Not downloaded", text(robot, id("catalog-status-")));
        assertFalse(onFx(() -> robot.lookup(id("catalog-download-")).queryButton().isDisabled()));

        server.mode(LocalModelServer.Mode.NORMAL);
        robot.clickOn(id("catalog-download-"));
        assertEquals(Outcome.DONE, waitForOutcome());
        assertTrue(cache.isCached(vit()));
        assertEquals(-1, Files.mismatch(vitFolder.resolve("model.safetensors"),
                cache.folderFor(vit()).resolve("model.safetensors")));
        String resumed = server.weightsRanges.get(server.weightsRanges.size() - 1);
        assertTrue(resumed.matches("bytes=[1-9][0-9]*-"), "the second request resumes: " + server.weightsRanges);
    }

    @Test
    void aFailureIsExplainedAndNothingIsCached(FxRobot robot) {
        server.mode(LocalModelServer.Mode.HTML_PAGE);
        robot.clickOn(id("catalog-download-"));
        assertEquals(Outcome.FAILED, waitForOutcome());
        URI weights = vit().file("model.safetensors").orElseThrow().uri();
        assertEquals(UserMessage.HTML_INSTEAD_OF_SAFETENSORS.format(weights), text(robot, "#catalog-message"));
        assertTrue(onFx(() -> robot.lookup("#catalog-message").query().getStyleClass().contains("catalog-failed")));
        assertFalse(cache.isCached(vit()));
        assertTrue(onFx(() -> robot.lookup(id("catalog-load-")).queryButton().isDisabled()));
    }

    @Test
    void offlineTheDownloadSaysItCouldNotConnect() throws IOException {
        URI closed;
        try (LocalModelServer gone = new LocalModelServer(vitFolder)) {
            closed = gone.endpoint();
        }
        CatalogViewModel offline = new CatalogViewModel(ModelCatalog.bundled().withHubEndpoint(closed), cache,
                new ModelDownloader(cache), downloads, List::of, p -> { });
        CatalogEntry entry = offline.row(VIT).orElseThrow().entry();
        onFx(() -> {
            offline.download(entry);
            return null;
        });
        waitUntil(60, () -> onFx(() -> offline.outcomeProperty().get() == Outcome.FAILED));
        String message = onFx(() -> offline.messageProperty().get());
        assertTrue(message.startsWith("No connection: nothing answered at "), message);
        assertFalse(cache.isCached(entry));
    }

    @Test
    void aCheckpointInASearchedFolderCanBeLoadedWithoutDownloading() {
        ModelLocations shared = new ModelLocations(List.of(modelsRoot), java.util.Optional.empty(), null, cache);
        CatalogViewModel vm = new CatalogViewModel(ModelCatalog.bundled(), cache, new ModelDownloader(cache), downloads,
                shared::findModelFolders, p -> { });
        CatalogViewModel.Row row = vm.row(VIT).orElseThrow();
        waitUntil(() -> onFx(() -> row.getFolder() != null));
        assertEquals(vitFolder.toAbsolutePath().normalize(), onFx(row::getFolder));
        assertFalse(onFx(row::isCached));
        // the MobileNet in the searched folder is another training run than the catalog's: not offered in its place
        assertEquals(null, onFx(() -> vm.row("mobilenetv2_100.ra_in1k").orElseThrow().getFolder()));
    }
}
