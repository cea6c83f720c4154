package dev.patchexplorer.ui;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.patchexplorer.cli.Cli;
import dev.patchexplorer.core.sweep.PatchAggregate;
import dev.patchexplorer.core.sweep.Recommendation;
import dev.patchexplorer.core.sweep.SweepQuantity;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.choose.ChooseImages;
import dev.patchexplorer.ui.choose.ChoosePatchPane;
import dev.patchexplorer.ui.choose.RecommendationText;
import dev.patchexplorer.ui.choose.SweepMetric;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep over a folder of ImageNet class folders in the real window on the tests' tiny ViT: the
 * aggregate table holds, per patch size, the same means and 95 % intervals as the sweep command's
 * JSON summary for the same pictures, the chart shows accuracy (every picture has a class) with
 * whiskers at those intervals, a file that cannot be read is skipped and named, and the status
 * counts images and patch sizes.
 */
@ExtendWith(ApplicationExtension.class)
class ChooseFolderSweepWindowTest {
    private static final int SIZE = 64;
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
    void aFolderSweepShowsTheCommandsMeansAndIntervals(FxRobot robot, @TempDir Path dir) throws Exception {
        Path vit = TinyCheckpoints.vit(dir.resolve("vit_tiny_patch16_224.augreg_in21k_ft_in1k"));
        Path root = classFolders(dir.resolve("pictures"));
        onFx(() -> {
            view.models().loadModel(vit);
            model.workingSizeProperty().set(SIZE);
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.models().getModel() != null));
        robot.clickOn("#nav-choose");
        ChoosePatchPane pane = onFx(() -> robot.lookup("#choose-pane").queryAs(ChoosePatchPane.class));
        List<String> statuses = new ArrayList<>();
        onFx(() -> {
            pane.viewModel().statusProperty().addListener((o, was, now) -> statuses.add(now));
            pane.sweep().useFolder(root);
            robot.lookup("#choose-from").queryAs(Spinner.class).getValueFactory().setValue(8);
            robot.lookup("#choose-to").queryAs(Spinner.class).getValueFactory().setValue(32);
            robot.lookup("#choose-step").queryAs(Spinner.class).getValueFactory().setValue(8);
            return null;
        });
        assertEquals(ChooseImages.FILES, onFx(() -> pane.viewModel().imagesProperty().get()));
        assertEquals(3, onFx(() -> pane.viewModel().files().size()));
        assertTrue(onFx(() -> pane.viewModel().classFoldersProperty().get()));
        onFx(() -> {
            robot.lookup("#choose-run").queryAs(Button.class).fire();
            return null;
        });
        FxTestSupport.waitUntil(180, () -> onFx(() -> !pane.viewModel().runningProperty().get()));

        JsonObject cli = cliSummary(vit, root, dir.resolve("cli.csv"));
        JsonArray expected = cli.getAsJsonArray("patches");
        TableView<PatchAggregate> table = onFx(() -> robot.lookup("#choose-aggregate-table").queryAs(TableView.class));
        List<PatchAggregate> rows = onFx(() -> List.copyOf(table.getItems()));
        assertEquals(List.of(8, 16, 24, 32), rows.stream().map(PatchAggregate::patch).toList());
        assertEquals(expected.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            PatchAggregate a = rows.get(i);
            JsonObject e = expected.get(i).getAsJsonObject();
            assertEquals(e.get("patch").getAsInt(), a.patch());
            assertEquals(2, a.images(), "the unreadable file is left out");
            assertEquals(e.get("images").getAsInt(), a.images());
            assertEquals(e.get("labelled_images").getAsInt(), a.labelledImages());
            assertEquals(e.get("tokens").getAsInt(), a.tokens());
            assertClose(e.get("gmacs").getAsDouble(), a.gmacs(), "gmacs");
            for (SweepQuantity q : SweepQuantity.values()) {
                if (q == SweepQuantity.MS) continue; // wall time differs between runs
                String name = q.jsonName();
                assertClose(e.get(name).getAsDouble(), a.mean(q), "P" + a.patch() + " " + name);
                JsonArray ci = e.getAsJsonObject("ci95").getAsJsonArray(name);
                double low = ci.get(0).getAsDouble();
                double high = ci.get(1).getAsDouble();
                // an end is mean -+ half-width: its error scales with both, not with the end itself (which may be near 0)
                double scale = Math.abs(e.get(name).getAsDouble()) + (high - low);
                assertEquals(low, a.estimate(q).low(), 2e-5 * scale + 1e-12, "P" + a.patch() + " " + name + " low");
                assertEquals(high, a.estimate(q).high(), 2e-5 * scale + 1e-12, "P" + a.patch() + " " + name + " high");
            }
        }
        // every picture has a class, so the chart shows accuracy, whiskers at the Wilson intervals
        assertEquals(SweepMetric.ACCURACY_TOP1, onFx(() -> pane.viewModel().metricProperty().get()));
        Map<Integer, double[]> whiskers = onFx(pane::chartWhiskers);
        assertEquals(4, whiskers.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonArray ci = expected.get(i).getAsJsonObject().getAsJsonObject("ci95").getAsJsonArray("accuracy_top1");
            double[] w = whiskers.get(rows.get(i).patch());
            assertEquals(100 * ci.get(0).getAsDouble(), w[0], 1e-9);
            assertEquals(100 * ci.get(1).getAsDouble(), w[1], 1e-9);
        }
        String status = onFx(() -> pane.viewModel().statusProperty().get());
        assertTrue(status.startsWith(Messages.format("choose.status.doneFiles", 2)), status);
        assertTrue(status.contains("broken.png"), status);
        assertTrue(statuses.contains(Messages.format("choose.status.runningFiles", 3, 3, 4, 4)), statuses::toString);
        // the recommendation is worked on the means
        String rec = onFx(() -> RecommendationText.of(Recommendation.of(rows, 0.9, 0.1), 16));
        assertEquals(rec, onFx(() -> robot.lookup("#choose-recommendation").queryAs(Label.class).getText()));
        assertEquals(cli.getAsJsonObject("recommendation").has("patch"),
                onFx(() -> pane.viewModel().recommendationProperty().get().choice().isPresent()));
        // with the chart and the table filled, nothing in the panel is wider than it at the smallest window
        onFx(() -> {
            Stage stage = (Stage) view.getScene().getWindow();
            stage.setWidth(ExplorerView.MIN_WIDTH);
            stage.setHeight(ExplorerView.MIN_HEIGHT);
            return null;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        List<String> overflow = onFx(() -> ChoosePanelFit.overflowing(robot.lookup("#choose-scroll").queryAs(javafx.scene.control.ScrollPane.class)));
        assertTrue(overflow.isEmpty(), String.join("\n", overflow));
        // a point still moves the slider
        click(onFx(() -> robot.lookup("#choose-point-24").query()));
        assertEquals(24, onFx(() -> model.getPatch()));

        // Export results...: the means only, as the sweep command's summary (the rows are not kept)
        Path exported = dir.resolve("folder.summary.json");
        onFx(() -> {
            pane.export().useChooser(new dev.patchexplorer.ui.export.ExportChooser() {
                @Override
                public Path saveFile(javafx.stage.Window owner, String titleKey, String suggestedName, List<FileType> types) {
                    return types.get(0).extensions().equals(List.of("json")) ? exported : null;
                }

                @Override
                public java.util.OptionalInt scale(javafx.stage.Window owner) {
                    return java.util.OptionalInt.empty();
                }
            });
            robot.lookup("#choose-export").queryAs(Button.class).fire();
            return null;
        });
        String done = Messages.format("choose.export.doneSummary", "folder.summary.json");
        FxTestSupport.waitUntil(30, () -> onFx(() -> pane.viewModel().statusProperty().get().equals(done)));
        JsonObject summary = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(exported)).getAsJsonObject();
        assertFalse(summary.has("csv"), "no rows were written");
        for (String key : List.of("architecture", "mode", "size", "reference_patch", "labelled_images")) {
            assertEquals(cli.get(key), summary.get(key), key);
        }
        JsonArray patches = summary.getAsJsonArray("patches");
        assertEquals(expected.size(), patches.size());
        for (int i = 0; i < patches.size(); i++) {
            JsonObject w = patches.get(i).getAsJsonObject(), e = expected.get(i).getAsJsonObject();
            assertEquals(e.keySet(), w.keySet());
            for (String key : List.of("patch", "images", "tokens", "labelled_images")) assertEquals(e.get(key), w.get(key), key);
            for (SweepQuantity q : SweepQuantity.values()) {
                if (q != SweepQuantity.MS) assertClose(e.get(q.jsonName()).getAsDouble(), w.get(q.jsonName()).getAsDouble(), q.jsonName());
            }
        }
        assertEquals(cli.getAsJsonObject("recommendation").get("patch"), summary.getAsJsonObject("recommendation").get("patch"));
    }

    /** Proportions are counts over the same images, so they match to rounding; the command reads its CSV's 6 digits back. */
    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 2e-5 * Math.max(1e-3, Math.abs(expected)) + 1e-12, what);
    }

    private static JsonObject cliSummary(Path vit, Path root, Path csv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.standard().run(new String[] {"sweep", "--model", vit.toString(), "--images", root.toString(),
                        "--patch", "8:32:8", "--size", Integer.toString(SIZE), "--jobs", "1", "--out", csv.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** Two small pictures in ImageNet class folders, and a file that only looks like one. */
    private static Path classFolders(Path root) throws IOException {
        Path tench = Files.createDirectories(root.resolve("n01440764"));
        Path goldfish = Files.createDirectories(root.resolve("goldfish"));
        ImageIO.write(picture(80, 64, 1), "png", tench.resolve("a.png").toFile());
        ImageIO.write(picture(72, 90, 2), "png", goldfish.resolve("b.png").toFile());
        Files.writeString(goldfish.resolve("broken.png"), "not a picture");
        return root;
    }

    private static BufferedImage picture(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (x * 255 / w + seed * 40) & 255;
                int g = (y * 255 / h) & 255;
                int b = ((x / 8 + y / 8) % 2) * (120 + seed * 30);
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    private static void click(Node node) {
        onFx(() -> {
            Event.fireEvent(node, new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, MouseButton.PRIMARY, 1,
                    false, false, false, false, true, false, false, true, false, false, null));
            return null;
        });
    }
}
