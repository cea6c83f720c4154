package dev.patchexplorer.ui;

import dev.patchexplorer.model.catalog.CatalogEntry;
import dev.patchexplorer.model.catalog.ModelCache;
import dev.patchexplorer.model.catalog.ModelCatalog;
import dev.patchexplorer.model.catalog.ModelDownloader;
import dev.patchexplorer.model.catalog.StatusServer;
import dev.patchexplorer.ui.models.CatalogDialog;
import dev.patchexplorer.ui.models.CatalogViewModel;
import dev.patchexplorer.ui.models.CatalogViewModel.Outcome;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static dev.patchexplorer.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failed download explains itself in words on the model's own row, with what to do, against
 * real sockets on 127.0.0.1 (a closed port, a server answering 503); no model files needed.
 */
@ExtendWith(ApplicationExtension.class)
class CatalogDownloadFailureTest {
    private static final String VIT = "vit_tiny_patch16_224.augreg_in21k_ft_in1k";
    private static final String OPEN_FOLDER = "use Model > Open Model Folder\u2026 with files you already have.";

    @TempDir
    Path cacheRoot;

    private final ExecutorService downloads = Executors.newSingleThreadExecutor();
    private Stage owner;
    private CatalogDialog dialog;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void stop() {
        onFx(() -> {
            if (dialog != null) dialog.stage().hide();
            Messages.useLocale(Locale.ENGLISH);
            return null;
        });
        downloads.shutdownNow();
    }

    /** Opens the catalog on {@code endpoint}, presses Download on ViT-Ti and waits for it to fail. */
    private void downloadFrom(URI endpoint, FxRobot robot) {
        ModelCache cache = new ModelCache(cacheRoot);
        onFx(() -> {
            CatalogViewModel vm = new CatalogViewModel(ModelCatalog.bundled().withHubEndpoint(endpoint), cache,
                    new ModelDownloader(cache), downloads, List::of, p -> { });
            dialog = new CatalogDialog(owner, vm);
            dialog.stage().show();
            return null;
        });
        robot.clickOn(id("catalog-download-"));
        waitUntil(60, () -> onFx(() -> dialog.viewModel().outcomeProperty().get() == Outcome.FAILED
                && !dialog.viewModel().busyProperty().get()));
    }

    private String id(String prefix) {
        CatalogEntry vit = ModelCatalog.bundled().find(VIT).orElseThrow();
        return "#" + prefix + CatalogDialog.nodeId(vit);
    }

    private String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private boolean visible(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).query().isVisible());
    }

    @Test
    void noConnectionIsSaidInWordsOnTheRowWithWhatToDo(FxRobot robot) throws IOException {
        URI closed = StatusServer.closedEndpoint();
        downloadFrom(closed, robot);

        String expected = "No connection: nothing answered at 127.0.0.1:" + closed.getPort()
                + ". This computer may be offline, or a firewall blocks the address. Check the internet connection,"
                + " or set HF_ENDPOINT to a mirror of the hub, or " + OPEN_FOLDER;
        assertEquals(expected, text(robot, id("catalog-problem-")));
        assertTrue(visible(robot, id("catalog-problem-")));
        assertEquals("Download failed", text(robot, id("catalog-status-")));
        assertEquals(expected, text(robot, "#catalog-message"), "the message under the table says the same");
        assertTrue(!text(robot, id("catalog-problem-")).contains("Exception"), "no Java class name");
    }

    @Test
    void aServerErrorSaysItIsTheServerAndClearsWhenTheNextTryStarts(FxRobot robot) throws IOException {
        try (StatusServer server = new StatusServer(503)) {
            downloadFrom(server.endpoint(), robot);
            assertEquals("The server 127.0.0.1:" + server.endpoint().getPort() + " has a problem of its own (HTTP 503);"
                    + " your connection is fine. Try again in a few minutes, set HF_ENDPOINT to a mirror of the hub, or "
                    + OPEN_FOLDER, text(robot, id("catalog-problem-")));

            // a new try hides the old reason while it runs
            onFx(() -> {
                dialog.viewModel().download(dialog.viewModel().row(VIT).orElseThrow().entry());
                return dialog.viewModel().row(VIT).orElseThrow().getProblem();
            });
            assertEquals("", onFx(() -> dialog.viewModel().row(VIT).orElseThrow().getProblem()));
            waitUntil(60, () -> onFx(() -> !dialog.viewModel().busyProperty().get()));
        }
    }

    @Test
    void inChineseTheRowSaysItInChinese(FxRobot robot) throws IOException {
        onFx(() -> {
            Messages.useLocale(Locale.SIMPLIFIED_CHINESE);
            return null;
        });
        URI closed = StatusServer.closedEndpoint();
        downloadFrom(closed, robot);
        assertEquals("无法连接：127.0.0.1:" + closed.getPort() + " 没有响应。这台电脑可能没有联网，或者防火墙拦截了这个地址。"
                + "请检查网络连接，或把 HF_ENDPOINT 设为 hub 的镜像，或用“模型 > 打开模型文件夹\u2026”打开你已有的文件。",
                text(robot, id("catalog-problem-")));
        assertEquals("下载失败", text(robot, id("catalog-status-")));
    }
}
