package dev.patchexplorer.ui;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.model.catalog.CatalogEntry;
import dev.patchexplorer.model.catalog.LocalModelServer;
import dev.patchexplorer.model.catalog.ModelCache;
import dev.patchexplorer.model.catalog.ModelCatalog;
import dev.patchexplorer.model.catalog.ModelDownloader;
import dev.patchexplorer.model.catalog.StatusServer;
import dev.patchexplorer.model.catalog.TestCatalogEntries;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.models.CatalogViewModel;
import dev.patchexplorer.ui.models.ModelSearch;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static dev.patchexplorer.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first-run offer in the attention panel, against a real HTTP server on 127.0.0.1 serving the
 * tests' tiny ViT under ViT-Ti's catalog id: the card states the entry's size and licence, Download
 * fetches, verifies and loads the model and the card goes; a closed port puts the catalog's words on it.
 */
@ExtendWith(ApplicationExtension.class)
class ModelOfferCardTest {
    private static final String VIT = TestCatalogEntries.VIT_TINY;
    /** Not the bundled Apache-2.0: shows that the card reads the licence from the entry. */
    private static final String LICENCE = "CC-BY-4.0";
    @TempDir
    static Path modelsRoot;
    private static Path vitFolder;
    private static LocalModelServer server;

    @TempDir
    Path cacheRoot;
    @TempDir
    Path settingsDir;

    private final ExecutorService downloads = Executors.newSingleThreadExecutor();
    private final ExecutorService inference = Executors.newSingleThreadExecutor();
    private ExplorerView view;
    private ModelCache cache;

    @BeforeAll
    static void startServer() throws IOException {
        vitFolder = TinyCheckpoints.vit(modelsRoot.resolve(VIT));
        server = new LocalModelServer(vitFolder);
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
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        onFx(() -> { // the view is null when the window never started
            if (view != null) view.models().closeModel();
            Messages.useLocale(Locale.ENGLISH);
            return null;
        });
        downloads.shutdownNow();
        inference.shutdown();
    }

    /** The offer as the window makes it when the search finds nothing, on {@code catalog}. */
    private void offer(ModelCatalog catalog) {
        cache = new ModelCache(cacheRoot);
        onFx(() -> {
            view.useCatalog(new CatalogViewModel(catalog, cache, new ModelDownloader(cache), downloads, List::of,
                    view.models()::loadModel));
            view.offerDownload();
            return null;
        });
    }

    /** The bundled catalog served by the local server, its ViT-Ti entry under another licence. */
    private static ModelCatalog servedCatalog() throws IOException {
        List<CatalogEntry> entries = new ArrayList<>();
        for (CatalogEntry e : TestCatalogEntries.bundledServedBy(server, vitFolder).entries()) {
            entries.add(!e.id().equals(VIT) ? e : new CatalogEntry(e.id(), e.architecture(), e.description(), e.page(),
                    e.files(), e.weightsBytes(), e.weightsSizeExact(), LICENCE, false, e.notice(), e.expectedTensors()));
        }
        return new ModelCatalog(entries);
    }

    private String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private boolean offered(FxRobot robot) {
        return onFx(() -> robot.lookup("#model-offer").tryQuery().isPresent());
    }

    private void press(FxRobot robot, String query) {
        onFx(() -> {
            robot.lookup(query).queryAs(Button.class).fire();
            return null;
        });
    }

    @Test
    void theOfferShowsItsViewUnlessTheUserChoseAnother(FxRobot robot) throws IOException {
        onFx(() -> {
            view.navigator().navigate("rf");
            return null;
        });
        offer(servedCatalog());
        assertEquals("rf", onFx(() -> view.navigator().getActive().id()), "the user's choice stays");
        assertFalse(offered(robot), "the card waits in the attention panel");
        robot.clickOn("#nav-attention");
        assertTrue(offered(robot));
    }

    @Test
    void theCardStatesTheEntrysSizeAndLicenceThenDownloadsAndLoads(FxRobot robot) throws IOException {
        offer(servedCatalog());
        assertTrue(offered(robot));
        // the tiny checkpoint's own size, not ViT-Ti's 22 MB: the size is the entry's
        String size = Units.bytes(Files.size(vitFolder.resolve("model.safetensors")));
        assertEquals("No model loaded. Download ViT-Ti/16 (" + size + ", " + LICENCE + ") from 127.0.0.1:"
                + server.endpoint().getPort() + ".", text(robot, "#model-offer-text"));
        assertTrue(onFx(() -> robot.lookup("#model-offer-open-folder").query().isVisible()));
        assertTrue(onFx(() -> robot.lookup("#model-offer-catalog").query().isVisible()));
        assertFalse(onFx(() -> robot.lookup("#model-offer-progress-row").query().isVisible()), "no progress before a download");
        assertFalse(onFx(() -> robot.lookup("#attention-model-line").query().isVisible()), "the card replaces the one-line hint");

        press(robot, "#model-offer-download");
        waitUntil(90, () -> onFx(() -> view.models().getModel() != null));
        assertEquals("vit_tiny_patch16_224", onFx(() -> view.models().getModel().spec().architecture()));
        CatalogEntry entry = onFx(() -> view.catalog().row(VIT).orElseThrow().entry());
        assertTrue(cache.isCached(entry));
        assertEquals(-1, Files.mismatch(vitFolder.resolve("model.safetensors"), cacheRoot.resolve(VIT).resolve("model.safetensors")));
        waitUntil(() -> !offered(robot));
        assertTrue(onFx(() -> robot.lookup("#attention-model-line").query().isVisible()));
        assertEquals("Model: vit_tiny_patch16_224", text(robot, "#attention-model"));
    }

    @Test
    void aClosedPortPutsTheCatalogsWordsOnTheCard(FxRobot robot) throws IOException {
        URI closed = StatusServer.closedEndpoint();
        offer(ModelCatalog.bundled().withHubEndpoint(closed));
        press(robot, "#model-offer-download");
        waitUntil(60, () -> onFx(() -> robot.lookup("#model-offer-problem").query().isVisible()));
        assertEquals("No connection: nothing answered at 127.0.0.1:" + closed.getPort()
                        + ". This computer may be offline, or a firewall blocks the address. Check the internet connection,"
                        + " or set HF_ENDPOINT to a mirror of the hub, or use Model > Open Model Folder\u2026 with files you already have.",
                text(robot, "#model-offer-problem"));
        assertTrue(offered(robot), "the offer stays for another try");
        assertFalse(onFx(() -> robot.lookup("#model-offer-download").queryButton().isDisabled()));
        assertEquals(null, onFx(() -> view.models().getLoaded()));
    }

    @Test
    void inChineseTheCardSaysItInChinese(FxRobot robot) throws IOException {
        onFx(() -> {
            Messages.useLocale(Locale.SIMPLIFIED_CHINESE);
            return null;
        });
        offer(ModelCatalog.bundled());
        CatalogEntry bundled = ModelCatalog.bundled().find(VIT).orElseThrow();
        // the catalog knows ViT-Ti's size only roughly, so "≈", in binary megabytes as the catalog window writes it
        assertEquals("未加载模型。从Hugging Face Hub下载 ViT-Ti/16（\u2248 " + Units.bytes(bundled.weightsBytes()) + "，Apache-2.0）。",
                text(robot, "#model-offer-text"));
        assertEquals("21.8 MiB", Units.bytes(22_883_376)); // 22 883 376 / 2^20 = 21.82
        assertEquals("下载", onFx(() -> robot.lookup("#model-offer-download").queryButton().getText()));
    }

    @Test
    void theStartupSearchReportsWhenNoPlaceHoldsAModel(@TempDir Path emptyModels, @TempDir Path emptyCache) throws Exception {
        ModelSearch search = new ModelSearch(List.of(emptyModels), new Settings(settingsDir.resolve("s.properties")), null,
                new ModelCache(emptyCache));
        AtomicBoolean none = new AtomicBoolean();
        AtomicReference<Path> found = new AtomicReference<>();
        search.findStartupModel(Runnable::run, found::set, () -> none.set(true));
        waitUntil(() -> none.get());
        assertEquals(null, found.get());

        // and hands over the find when one is there
        TinyCheckpoints.vit(emptyModels.resolve(VIT));
        search.findStartupModel(Runnable::run, found::set, () -> none.set(false));
        waitUntil(() -> found.get() != null);
        assertEquals(emptyModels.resolve(VIT), found.get());
        assertTrue(none.get());
    }
}
