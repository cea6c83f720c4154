package dev.patchexplorer.ui;

import dev.patchexplorer.cli.Cli;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.export.ExportChooser;
import dev.patchexplorer.ui.inference.Heatmap;
import dev.patchexplorer.ui.io.Samples;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File > Export in the real window, with the dialogs answered by a stand-in: the PNG equals, pixel for
 * pixel, what the {@code render} command draws for the same settings (one code path), in English and in
 * Chinese; the grid SVG and the readouts are written; Copy View puts the 1x picture on the clipboard.
 */
@ExtendWith(ApplicationExtension.class)
class ExportWindowTest {
    private static final String VIT_TI = "vit_tiny_patch16_224.augreg_in21k_ft_in1k";

    @TempDir
    static Path settingsDir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService inference = Executors.newSingleThreadExecutor();
    private ExplorerView view;
    private ExplorerViewModel model;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        model = new ExplorerViewModel(background);
        view = FxTestSupport.showMainWindow(stage, model, settingsDir, inference);
        view.navigator().navigate("attention");
    }

    @AfterEach
    void closeModel() {
        if (view != null) {
            onFx(() -> {
                view.models().closeModel();
                Messages.useLocale(Locale.ENGLISH);
                return null;
            });
        }
        inference.shutdown();
        background.shutdown();
    }

    /** Answers the save dialog with a file named after the menu item, and the scale dialog with {@code scale}. */
    private static final class Answers implements ExportChooser {
        private final Path dir;
        volatile int scale = 2;

        Answers(Path dir) {
            this.dir = dir;
        }

        @Override
        public Path saveFile(Window owner, String titleKey, String suggestedName, List<FileType> types) {
            return dir.resolve(titleKey.substring(titleKey.lastIndexOf('.') + 1) + "." + types.get(0).extensions().get(0));
        }

        @Override
        public OptionalInt scale(Window owner) {
            return OptionalInt.of(scale);
        }
    }

    @Test
    void exportsEqualTheRenderCommandAndTheFilesParse(@TempDir Path dir, FxRobot robot) throws Exception {
        Path vit = TinyCheckpoints.vit(dir.resolve(VIT_TI));
        onFx(() -> {
            view.models().loadModel(vit);
            view.openSample(Samples.first());
            return null;
        });
        waitForCurrentHeatmap();
        Answers answers = new Answers(dir);
        onFx(() -> {
            view.exports().useChooser(answers);
            return null;
        });
        Path sample = onFx(() -> model.getImage().source());

        Path windowPng = choose(robot, "menu-file-exportView", dir.resolve("exportView.png"));
        BufferedImage fromWindow = ImageIO.read(windowPng.toFile());
        assertEquals(448, fromWindow.getWidth(), "224 working pixels at 2x");
        assertIdentical(render(dir, vit, sample, 2, "en"), fromWindow);

        Path svg = choose(robot, "menu-file-exportGrid", dir.resolve("exportGrid.svg"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(svg.toFile());
        assertEquals(15 + 15, d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line").getLength());

        Path csv = choose(robot, "menu-file-exportReadouts", dir.resolve("exportReadouts.csv"));
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("readout,value", rows.get(0));
        assertTrue(rows.contains("patch_tokens,196"), rows.toString());

        WritableImage copied = onFx(() -> view.exports().copyView()).get(60, TimeUnit.SECONDS);
        assertEquals(224, (int) copied.getWidth());

        // the window in Chinese: the caption and legend in Chinese, still the command's picture
        answers.scale = 1;
        onFx(() -> {
            Messages.useLocale(Locale.SIMPLIFIED_CHINESE);
            return null;
        });
        Files.delete(windowPng);
        BufferedImage zh = ImageIO.read(choose(robot, "menu-file-exportView", windowPng).toFile());
        assertIdentical(render(dir, vit, sample, 1, "zh"), zh);
    }

    /** Fires the File menu item {@code id} and waits for the export to write {@code expected}. */
    private Path choose(FxRobot robot, String id, Path expected) {
        onFx(() -> {
            MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
            MenuItem item = null;
            for (Menu m : bar.getMenus()) for (MenuItem i : m.getItems()) if (id.equals(i.getId())) item = i;
            assertTrue(item != null, "no menu item " + id);
            item.fire();
            return null;
        });
        FxTestSupport.waitUntil(60, () -> onFx(() -> expected.equals(view.exports().lastWrittenProperty().get()))
                && Files.exists(expected));
        return expected;
    }

    private void waitForCurrentHeatmap() {
        FxTestSupport.waitUntil(90, () -> onFx(() -> {
            Heatmap h = view.attention().getHeatmap();
            return h != null && !view.attention().busyProperty().get() && !view.attention().staleProperty().get()
                    && h.gridH() == 14 && h.plan().mode() == PatchMode.RESIZE;
        }));
    }

    private static BufferedImage render(Path dir, Path vit, Path image, int scale, String lang) throws Exception {
        Path png = dir.resolve("cli-" + lang + scale + ".png");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.standard().run(new String[] {"render", "--model", vit.toString(), "--image", image.toString(),
                        "--size", "224", "--patch", "16", "--mode", "resize", "--scale", String.valueOf(scale), "--lang", lang,
                        "--out", png.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return ImageIO.read(png.toFile());
    }

    private static void assertIdentical(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        int w = expected.getWidth(), h = expected.getHeight();
        int[] a = expected.getRGB(0, 0, w, h, null, 0, w);
        int[] b = actual.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) throw new AssertionError("pixel (" + i % w + ", " + i / w + ") differs: command #"
                    + Integer.toHexString(a[i]) + ", window #" + Integer.toHexString(b[i]));
        }
    }
}
