package dev.patchexplorer.ui;

import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.ui.views.concepts.ConceptPage;
import dev.patchexplorer.ui.views.concepts.ConceptsPane;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;

/**
 * Not a test (no "Test" in the name, so the suite leaves it out): pictures of every Concepts page in
 * the real window with the real ViT-Ti, for looking at layout and legibility. Run with
 * {@code -Dtest=ConceptsPictures -Dpictures.dir=DIR [-Dpictures.lang=zh]}; patch sizes from
 * {@code -Dpictures.patches=8,32}; only some pages with {@code -Dpictures.pages=masking,scales}.
 */
@ExtendWith(ApplicationExtension.class)
class ConceptsPictures {
    @TempDir
    static Path settingsDir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService inference = Executors.newSingleThreadExecutor();
    private ExplorerView view;
    private ExplorerViewModel model;
    private final String lang = System.getProperty("pictures.lang", "en");

    @Start
    void start(Stage stage) {
        Locale locale = lang.equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        Locale.setDefault(locale);
        Messages.useLocale(locale);
        Theme.LIGHT.apply();
        model = new ExplorerViewModel(background);
        view = FxTestSupport.showMainWindow(stage, model, settingsDir, inference);
    }

    @AfterEach
    void close() {
        if (view != null) {
            onFx(() -> {
                view.models().closeModel();
                return null;
            });
        }
        Messages.useLocale(Locale.ENGLISH);
        inference.shutdown();
        background.shutdown();
    }

    @Test
    void everyPage(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("pictures.dir", "target/concept-pictures"));
        Files.createDirectories(dir);
        Path vit = TestAssets.model("vit_tiny_patch16_224.augreg_in21k_ft_in1k");
        onFx(() -> {
            view.models().loadModel(vit);
            return null;
        });
        FxTestSupport.waitUntil(120, () -> onFx(() -> view.models().getModel() != null));
        ConceptsWindowSupport.openSample(view, model);
        ConceptsPane pane = ConceptsWindowSupport.openPage(robot, view, "tokenKeeps");
        String[] patches = System.getProperty("pictures.patches", "8,32").split(",");
        List<String> only = List.of(System.getProperty("pictures.pages", "").split(","));
        for (ConceptPage page : onFx(pane::pages)) {
            if (!only.equals(List.of("")) && !only.contains(page.id())) continue;
            onFx(() -> {
                pane.select(page.id());
                return null;
            });
            for (String p : patches) {
                ConceptsWindowSupport.slide(view, Integer.parseInt(p.strip()));
                Thread.sleep(500);
                FxTestSupport.waitUntil(120, () -> onFx(() -> !inference.isShutdown())
                        && drained());
                Thread.sleep(500);
                WritableImage shot = onFx(() -> view.getScene().snapshot(null));
                Path file = dir.resolve("concepts-" + page.id() + "-p" + p.strip() + "-" + lang + ".png");
                ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", file.toFile());
                System.out.println("wrote " + file.toAbsolutePath());
                // the whole panel as well, including what lies below the scroll
                WritableImage whole = onFx(() -> pane.snapshot(null, null));
                Path paneFile = dir.resolve("concepts-" + page.id() + "-p" + p.strip() + "-" + lang + "-panel.png");
                ImageIO.write(SwingFXUtils.fromFXImage(whole, null), "png", paneFile.toFile());
            }
        }
    }

    /** True once the inference thread has run everything queued before this call. */
    private boolean drained() throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        inference.execute(done::countDown);
        done.await();
        onFx(() -> null); // results posted meanwhile reach the FX thread
        return true;
    }
}
