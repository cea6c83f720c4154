package dev.patchexplorer.ui;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.patchexplorer.cli.Cli;
import dev.patchexplorer.core.sweep.CsvLine;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.choose.ChoosePatchPane;
import dev.patchexplorer.ui.export.ExportChooser;
import dev.patchexplorer.ui.io.Samples;
import javafx.scene.control.Button;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Choose view's "Export results..." writes what the {@code sweep} command writes: the same CSV
 * header, the same rows for the same image and patch sizes, and the same JSON summary.
 */
@ExtendWith(ApplicationExtension.class)
class ChooseExportWindowTest {
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
    }

    @AfterEach
    void closeModel() {
        if (view != null) {
            onFx(() -> {
                view.models().closeModel();
                return null;
            });
        }
        inference.shutdown();
        background.shutdown();
    }

    @Test
    void exportedRowsAndSummaryEqualTheSweepCommands(FxRobot robot, @TempDir Path dir) throws Exception {
        Path vit = TinyCheckpoints.vit(dir.resolve("models").resolve("vit_tiny_patch16_224.augreg_in21k_ft_in1k"));
        onFx(() -> {
            view.models().loadModel(vit);
            view.openSample(Samples.first());
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.models().getModel() != null && model.getImage() != null
                && !model.loadingProperty().get() && !view.models().loadingProperty().get()));
        robot.clickOn("#nav-choose");
        ChoosePatchPane pane = onFx(() -> robot.lookup("#choose-pane").queryAs(ChoosePatchPane.class));
        Button export = onFx(() -> robot.lookup("#choose-export").queryAs(Button.class));
        assertTrue(onFx(export::isDisabled), "nothing to export before a sweep");
        onFx(() -> {
            robot.lookup("#choose-from").queryAs(Spinner.class).getValueFactory().setValue(12);
            robot.lookup("#choose-to").queryAs(Spinner.class).getValueFactory().setValue(20);
            robot.lookup("#choose-step").queryAs(Spinner.class).getValueFactory().setValue(4);
            robot.lookup("#choose-run").queryAs(Button.class).fire();
            return null;
        });
        FxTestSupport.waitUntil(120, () -> onFx(() -> !pane.viewModel().runningProperty().get()
                && pane.viewModel().results().size() == 3));
        assertFalse(onFx(export::isDisabled));

        Path windowCsv = dir.resolve("window.csv");
        onFx(() -> {
            pane.export().useChooser(new SaveTo(windowCsv));
            export.fire();
            return null;
        });
        String done = Messages.format("choose.export.done", "window.csv", "window.summary.json");
        FxTestSupport.waitUntil(30, () -> onFx(() -> pane.viewModel().statusProperty().get().equals(done)));

        Path image = onFx(() -> model.getImage().source());
        int size = onFx(() -> model.workingSizeProperty().get());
        Path cliCsv = dir.resolve("cli.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.standard().run(new String[] {"sweep", "--model", vit.toString(), "--images", image.toString(),
                        "--patch", "12,16,20", "--size", String.valueOf(size), "--mode", "flexi", "--jobs", "1", "--out", cliCsv.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

        List<String> window = Files.readAllLines(windowCsv, StandardCharsets.UTF_8);
        List<String> cli = Files.readAllLines(cliCsv, StandardCharsets.UTF_8);
        assertEquals(cli.get(0), window.get(0), "the header is the sweep command's");
        assertEquals(4, window.size(), "a header and one row per patch size");
        assertEquals(cli.size(), window.size());
        List<String> columns = CsvLine.fields(cli.get(0));
        int imageColumn = columns.indexOf("image"), msColumn = columns.indexOf("ms");
        for (int i = 1; i < cli.size(); i++) {
            List<String> w = CsvLine.fields(window.get(i)), c = CsvLine.fields(cli.get(i));
            assertEquals(columns.size(), w.size(), window.get(i));
            // the image is named by its file name in the window, by the path given to the command;
            // ms is the wall time of each pass
            assertEquals(Path.of(c.get(imageColumn)).getFileName().toString(), w.get(imageColumn));
            assertTrue(Double.parseDouble(w.get(msColumn)) > 0, window.get(i));
            for (int k = 0; k < columns.size(); k++) {
                if (k != imageColumn && k != msColumn) assertEquals(c.get(k), w.get(k), columns.get(k) + " of row " + i);
            }
        }

        JsonObject fromWindow = JsonParser.parseString(Files.readString(dir.resolve("window.summary.json"))).getAsJsonObject();
        JsonObject fromCli = JsonParser.parseString(Files.readString(dir.resolve("cli.summary.json"))).getAsJsonObject();
        for (String key : List.of("architecture", "mode", "size", "reference_patch", "labelled_images", "recommendation")) {
            assertEquals(fromCli.get(key), fromWindow.get(key), key);
        }
        assertEquals(windowCsv.toString(), fromWindow.get("csv").getAsString());
        JsonArray patches = withoutMs(fromWindow.getAsJsonArray("patches"));
        assertEquals(3, patches.size());
        assertEquals(withoutMs(fromCli.getAsJsonArray("patches")), patches);
    }

    /** The per-patch means without the wall time, which differs from run to run. */
    private static JsonArray withoutMs(JsonArray patches) {
        JsonArray out = new JsonArray();
        for (JsonElement e : patches) {
            JsonObject o = e.getAsJsonObject().deepCopy();
            assertTrue(o.remove("ms").getAsDouble() > 0);
            out.add(o);
        }
        return out;
    }

    /** Answers the save dialog with one file. */
    private record SaveTo(Path file) implements ExportChooser {
        @Override
        public Path saveFile(Window owner, String titleKey, String suggestedName, List<FileType> types) {
            assertEquals(List.of("csv"), types.get(0).extensions());
            return file;
        }

        @Override
        public OptionalInt scale(Window owner) {
            return OptionalInt.empty();
        }
    }
}
