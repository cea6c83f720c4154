package dev.patchexplorer.ui;

import dev.patchexplorer.core.rf.LayerField;
import dev.patchexplorer.core.rf.MobileNetV2Layers;
import dev.patchexplorer.core.rf.PixelBox;
import dev.patchexplorer.core.rf.ReceptiveFieldTable;
import dev.patchexplorer.core.rf.UnitAtPoint;
import dev.patchexplorer.core.rf.UnitField;
import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.inference.GradientMap;
import dev.patchexplorer.ui.inference.GradientMapKind;
import dev.patchexplorer.ui.inference.ReceptiveFieldViewModel;
import dev.patchexplorer.ui.io.Samples;
import dev.patchexplorer.ui.panels.ReceptiveFieldTableView;
import dev.patchexplorer.ui.viewer.ReceptiveFieldOverlay;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A MobileNetV2 in the real window: pick a block, click the image, and the box drawn is the
 * receptive field {@code core.rf} computes for that block; the effective-RF gradient that appears
 * lies inside it. The flows run on the tests' tiny checkpoints (same layers, random weights); what
 * depends on trained weights (the predicted class, the weight count, how far a ViT token's field
 * reaches after one block) is checked again on the pretrained models from the shared folder.
 */
@ExtendWith(ApplicationExtension.class)
class ReceptiveFieldWindowTest {
    private static final String MOBILENET = "mobilenetv2_100.dequant_in1k";

    @TempDir
    static Path settingsDir;
    @TempDir
    static Path models;

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
        if (view != null) { // null when the window never started
            onFx(() -> {
                view.models().closeModel();
                return null;
            });
        }
        inference.shutdown();
        background.shutdown();
    }

    private static void waitLong(java.util.concurrent.Callable<Boolean> condition) {
        FxTestSupport.waitUntil(90, condition);
    }

    /** The tests' tiny checkpoint of {@code kind}, written once per class. */
    private static Path tiny(TinyCheckpoints.Kind kind) throws IOException {
        return TinyCheckpoints.write(kind, models.resolve(kind.name()));
    }

    @Test
    void clickedUnitGetsItsTheoreticalBoxAndItsEffectiveFieldStaysInside(FxRobot robot) throws IOException {
        // 56,760 weights in the tiny MobileNetV2, worked by hand in CnnLayerAgreementTest
        clickedUnitOfBlocks30(robot, tiny(TinyCheckpoints.Kind.MOBILENETV2), "56.8 k");
    }

    @Test
    void thePretrainedMobileNetShowsItsWeightsAndFindsTheCat(FxRobot robot) {
        clickedUnitOfBlocks30(robot, TestAssets.model(MOBILENET), "3.50 M");
        // ../shared/models/README.md: MobileNetV2's top-1 on chelsea is class 285, Egyptian cat.
        assertEquals("Egyptian cat", onFx(() -> robot.lookup("#rf-prediction-0").queryAs(Label.class).getText()));
    }

    /** Loads {@code mobilenet}, picks blocks.3.0, clicks chelsea near the top edge and checks box and field. */
    private void clickedUnitOfBlocks30(FxRobot robot, Path mobilenet, String weights) {
        onFx(() -> {
            view.models().loadModel(mobilenet);
            view.openSample(Samples.first());
            return null;
        });
        waitLong(() -> onFx(() -> view.models().getCnn() != null && model.getImage() != null && view.fields().getTable() != null));
        assertEquals("rf", onFx(() -> view.navigator().getActive().id()), "a CNN opens the receptive-field view");
        assertTrue(onFx(() -> robot.lookup("#rf-model").queryAs(Label.class).getText()).contains(weights));
        assertEquals(GradientMapKind.ERF, onFx(() -> view.gradients().mapKindProperty().get()));

        // Pick blocks.3.0 in the table. By hand: stem 3/2 (r 3), blocks.0.0 dw 3/1 (r 7), blocks.1.0 dw 3/2 (r 11,
        // S 4), blocks.1.1 dw (r 19), blocks.2.0 dw 3/2 (r 27, S 8), blocks.2.1, blocks.2.2 (r 43, 59),
        // blocks.3.0 dw 3/2 (r 75, S 16); padding adds p x S per 3x3 conv: 1 + 2 + 2 + 4 + 4 + 8 + 8 + 8 = 37.
        LayerField expected = ReceptiveFieldTable.compute(MobileNetV2Layers.mobilenetv2_100(), 224, 224).find("blocks.3.0");
        assertEquals(75, expected.size());
        assertEquals(16, expected.stride());
        assertEquals(37, expected.padding());
        ReceptiveFieldTableView table = robot.lookup("#rf-table").queryAs(ReceptiveFieldTableView.class);
        robot.interact(() -> table.getSelectionModel().select(
                table.getItems().stream().filter(f -> f.layer().block().equals("blocks.3.0")).findFirst().orElseThrow()));
        assertEquals("blocks.3.0", onFx(() -> view.fields().selectedBlockProperty().get()));
        assertEquals(expected, onFx(() -> view.fields().getSelectedLayer()));
        // The row as the table shows it: block, output (224 / 16 = 14), RF, stride, padding.
        assertEquals(List.of("blocks.3.0", "14\u00d714", "75", "16", "37"), onFx(() -> {
            LayerField row = table.getSelectionModel().getSelectedItem();
            return table.getColumns().stream().map(c -> String.valueOf(c.getCellData(row))).toList();
        }));

        // Click chelsea (451 x 300, squashed to 224 x 224) at original pixel (120, 40): near the top edge,
        // so part of the field lies on padding.
        double ix = 120, iy = 40;
        robot.interact(() -> view.viewer().fitToWindow());
        Point2D screen = onFx(() -> {
            var t = view.viewer().transform();
            return view.viewer().localToScreen(t.toScreenX(ix), t.toScreenY(iy));
        });
        robot.moveTo(screen).clickOn(MouseButton.PRIMARY);
        UnitField want = UnitAtPoint.unitAt(expected, ix * 224 / 451.0, iy * 224 / 300.0).orElseThrow();
        waitLong(() -> onFx(() -> want.equals(view.fields().getUnit())));

        waitLong(() -> onFx(() -> {
            GradientMap m = view.gradients().getMap();
            return m != null && m.kind() == GradientMapKind.ERF && !view.gradients().busyProperty().get()
                    && !view.gradients().staleProperty().get() && view.gradientOverlay().showing();
        }));
        onFx(() -> {
            view.viewer().paintNow();
            return null;
        });

        ReceptiveFieldOverlay.Drawn drawn = onFx(() -> view.rfOverlay().lastDrawn());
        assertNotNull(drawn, "the overlay drew no box");
        assertEquals(want, drawn.unit());
        assertEquals(75, drawn.box().width());
        assertEquals(75, drawn.box().height());
        assertTrue(drawn.box().y0() < 0, "a unit near the top edge reaches into the padding: " + drawn.box());
        assertEquals(drawn.box().intersect(PixelBox.image(224, 224)), drawn.insideImage());
        // The clipped box on screen, mapped back through the view and working scales, is the clipped field.
        double viewScale = onFx(() -> view.viewer().transform().scale());
        assertEquals(drawn.insideImage().width(), drawn.screenInside().getWidth() / (451 / 224.0 * viewScale), 1e-6);
        assertEquals(drawn.insideImage().height(), drawn.screenInside().getHeight() / (300 / 224.0 * viewScale), 1e-6);

        // The effective field: non-zero somewhere, and nowhere outside the theoretical field.
        GradientMap erf = onFx(() -> view.gradients().getMap());
        assertEquals(224, erf.width());
        double[] support = erf.nonZeroExtent();
        assertNotNull(support, "the gradient is zero everywhere");
        PixelBox inside = drawn.insideImage();
        assertTrue(support[0] >= inside.x0() && support[1] >= inside.y0() && support[2] <= inside.x1() && support[3] <= inside.y1(),
                "gradient support " + java.util.Arrays.toString(support) + " leaves the field " + inside);
        Image painted = onFx(() -> view.gradientOverlay().image());
        int visible = 0;
        for (int y = 0; y < 224; y++) {
            for (int x = 0; x < 224; x++) {
                boolean opaque = painted.getPixelReader().getArgb(x, y) >>> 24 != 0;
                if (opaque) visible++;
                if (opaque) assertTrue(x >= inside.x0() && x < inside.x1() && y >= inside.y0() && y < inside.y1(), "painted outside at " + x + "," + y);
            }
        }
        assertTrue(visible > 100, "only " + visible + " pixels of the ERF painted");

        // The summary against a brute-force count: pixels by distance from the unit's centre, mass summed until 50 % / 90 %.
        var s = erf.summary();
        assertNotNull(s);
        assertEquals(bruteForceRadius(erf, want, 0.5), s.radius50(), 1e-9);
        assertEquals(bruteForceRadius(erf, want, 0.9), s.radius90(), 1e-9);
        assertTrue(s.radius50() > 0 && s.radius90() <= 75 * Math.sqrt(2) / 2, s.toString());
        assertTrue(onFx(() -> robot.lookup("#rf-erf-summary").queryAs(Label.class).getText())
                .contains(String.format(java.util.Locale.ROOT, "%.1f", s.radius50())));
    }

    /** Smallest distance d such that pixels no farther than d from the centre hold the fraction of the mass. */
    private static double bruteForceRadius(GradientMap m, UnitField unit, double fraction) {
        int n = m.values().length;
        Integer[] order = new Integer[n];
        double[] d = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            d[i] = Math.hypot(i / m.width() - unit.centreY(), i % m.width() - unit.centreX());
            total += m.values()[i];
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> d[i]));
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += m.values()[order[k]];
            boolean lastAtThisDistance = k == n - 1 || d[order[k + 1]] > d[order[k]];
            if (lastAtThisDistance && sum >= fraction * total) return d[order[k]];
        }
        return Double.NaN;
    }

    @Test
    void vitThenCnnSwitchesStatementsHeatmapSourceAndReadouts(FxRobot robot) throws IOException {
        var preset = onFx(() -> model.architectureProperty().get());
        Path vitModel = tiny(TinyCheckpoints.Kind.VIT);
        Path mobilenet = tiny(TinyCheckpoints.Kind.MOBILENETV2);
        onFx(() -> {
            view.models().loadModel(vitModel);
            view.openSample(Samples.first());
            return null;
        });
        waitLong(() -> onFx(() -> view.models().getModel() != null && view.attention().getHeatmap() != null));
        // The ViT facts for 16 px patches on the 224 x 224 working image: one patch, then 14 x 14 = 196 patches.
        robot.clickOn("#nav-rf");
        String vit = onFx(() -> robot.lookup("#rf-vit").queryAs(Label.class).getText());
        assertTrue(vit.contains("exactly one 16 \u00d7 16 px patch") && vit.contains("14 \u00d7 14 patches (224 \u00d7 224 px, 196 patches)"), vit);
        assertTrue(onFx(() -> robot.lookup("#rf-cnn").query().isVisible()) == false);
        // Attention is the ViT's heatmap; the saliency map waits until asked for (and is not computed meanwhile).
        assertTrue(onFx(() -> view.attention().showHeatmapProperty().get()));
        assertTrue(onFx(() -> !view.gradients().showMapProperty().get() && view.gradients().getMap() == null));
        onFx(() -> {
            view.gradients().mapKindProperty().set(GradientMapKind.NONE);
            view.gradients().mapKindProperty().set(GradientMapKind.SALIENCY); // picking a map shows it
            return null;
        });
        waitLong(() -> onFx(() -> view.gradients().getMap() != null && !view.gradients().busyProperty().get()));
        GradientMap saliency = onFx(() -> view.gradients().getMap());
        assertEquals(224, saliency.width());
        assertEquals(224.0, saliency.extentW());
        assertTrue(onFx(() -> !view.attention().showHeatmapProperty().get() && view.gradientOverlay().showing()));

        onFx(() -> {
            view.models().loadModel(mobilenet);
            return null;
        });
        waitLong(() -> onFx(() -> view.models().getCnn() != null && view.gradients().getMap() != null
                && view.gradients().getMap().kind() == GradientMapKind.ERF && !view.gradients().busyProperty().get()));
        assertEquals(null, onFx(() -> view.models().getModel()));
        assertEquals(preset, onFx(() -> model.architectureProperty().get()), "the hand-picked ViT is back for the cost readouts");
        robot.clickOn("#nav-attention");
        assertTrue(onFx(() -> robot.lookup("#attention-model").queryAs(Label.class).getText()).contains("mobilenetv2_100 is a CNN"));
        robot.clickOn("#nav-explore");
        String note = onFx(() -> robot.lookup("#readout-model-note").queryAs(Label.class).getText());
        assertTrue(note.contains("56.8 k weights") && note.contains(preset.name()), note);
        assertTrue(onFx(() -> view.attention().getHeatmap() == null));
        assertTrue(onFx(() -> view.gradientOverlay().showing()));

        // Back to attention: ticking its checkbox hides the gradient map.
        onFx(() -> {
            view.attention().showHeatmapProperty().set(true);
            return null;
        });
        assertTrue(onFx(() -> !view.gradients().showMapProperty().get() && !view.gradientOverlay().showing()));
    }

    @Test
    void vitTokenFieldGrowsFromItsOwnPatchToTheWholeGrid(FxRobot robot) throws IOException {
        tokenFieldFromItsPatchToTheGrid(robot, tiny(TinyCheckpoints.Kind.VIT));
    }

    /** The pretrained ViT-Ti: after block 1, half the mass stays within reach of the patch's corners (as the user guide says). */
    @Test
    void thePretrainedVitKeepsHalfItsBlockOneFieldNearThePatch(FxRobot robot) {
        GradientMap afterOne = tokenFieldFromItsPatchToTheGrid(robot, TestAssets.model("vit_tiny_patch16_224.augreg_in21k_ft_in1k"));
        assertTrue(afterOne.summary().radius50() <= 8 * Math.sqrt(2), afterOne.summary().toString());
    }

    /**
     * Tick the map, click a patch, move the block slider with the keyboard. After the patch embedding
     * (block 0) the token's gradient is non-zero on exactly its own patch; after block 1 it reaches
     * every pixel the grid covers and its 90 % radius has left the patch. At patch 8 in resize mode
     * (448 px into the /16 model) the one patch is the 8 px cell in working pixels. Returns the map
     * after block 1.
     */
    private GradientMap tokenFieldFromItsPatchToTheGrid(FxRobot robot, Path vit) {
        onFx(() -> {
            view.models().loadModel(vit);
            view.openSample(Samples.first());
            return null;
        });
        waitLong(() -> onFx(() -> view.models().getModel() != null && model.getImage() != null));
        robot.clickOn("#nav-rf");
        assertEquals(GradientMapKind.ERF, onFx(() -> view.gradients().mapKindProperty().get()), "a ViT's map is its token's field");
        robot.clickOn("#rf-show");
        assertTrue(onFx(() -> view.gradients().showMapProperty().get() && !view.attention().showHeatmapProperty().get()));
        blockSliderToZero(robot);
        assertEquals(0, onFx(() -> view.fields().vitBlockProperty().get()));
        assertEquals("Block 0: the token as the patch embedding makes it", onFx(() -> robot.lookup("#rf-vit-block-value").queryAs(Label.class).getText()));

        // Chelsea (451 x 300) squashed to 224 x 224; original (250, 160) is working (124.2, 119.5): row 7, column 7,
        // away from the patch's edges so that a click rounded to whole screen pixels stays inside.
        double ix = 250, iy = 160;
        robot.interact(() -> view.viewer().fitToWindow());
        Point2D screen = onFx(() -> {
            var t = view.viewer().transform();
            return view.viewer().localToScreen(t.toScreenX(ix), t.toScreenY(iy));
        });
        robot.moveTo(screen).clickOn(MouseButton.PRIMARY);
        waitLong(() -> onFx(() -> view.fields().getToken() != null && view.fields().getToken().row() == 7
                && view.fields().getToken().column() == 7));
        assertTrue(onFx(() -> robot.lookup("#rf-token").queryAs(Label.class).getText())
                .startsWith("Token (row 7, column 7) of 14\u00d714 at patch 16: its patch is x 112\u2026128, y 112\u2026128"));

        GradientMap embedding = waitForTokenMap(0);
        assertEquals(224, embedding.width());
        assertArrayEquals(new double[] {112, 112, 128, 128}, embedding.nonZeroExtent(), "only the token's own patch");
        assertEquals(16, embedding.summary().theoreticalSize());
        assertTrue(embedding.summary().radius90() <= 8 * Math.sqrt(2), embedding.summary().toString());
        ReceptiveFieldOverlay.DrawnToken drawn = onFx(() -> {
            view.viewer().paintNow();
            return view.rfOverlay().lastToken();
        });
        assertNotNull(drawn, "the overlay drew no token");
        double viewScale = onFx(() -> view.viewer().transform().scale());
        assertEquals(16, drawn.screen().getWidth() / (451 / 224.0 * viewScale), 1e-6);
        assertEquals(16, drawn.screen().getHeight() / (300 / 224.0 * viewScale), 1e-6);

        blockSliderToZero(robot).press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        assertEquals(1, onFx(() -> view.fields().vitBlockProperty().get()));
        GradientMap afterOne = waitForTokenMap(1);
        assertArrayEquals(new double[] {0, 0, 224, 224}, afterOne.nonZeroExtent(), "after one block: every pixel of the grid");
        assertEquals(224, afterOne.summary().theoreticalSize());
        assertTrue(afterOne.summary().radius90() > 8 * Math.sqrt(2),
                "90 % of the mass reaches past the patch's corners: " + afterOne.summary());
        assertTrue(onFx(() -> robot.lookup("#rf-erf-summary").queryAs(Label.class).getText())
                .contains(String.format(java.util.Locale.ROOT, "%.1f", afterOne.summary().radius90())));

        // Patch 8, resize mode: 28 x 28 tokens fed as 448 px; the same click is now row 14, column 15.
        blockSliderToZero(robot);
        robot.interact(() -> model.setPatch(8));
        GradientMap small = waitForTokenMap(0);
        assertEquals(448, small.width());
        assertEquals(new ReceptiveFieldViewModel.PickedToken(new dev.patchexplorer.core.rf.VitReceptiveField(8, 224, 224),
                new dev.patchexplorer.core.rf.VitReceptiveField.Token(14, 15)), onFx(() -> view.fields().getToken()));
        assertArrayEquals(new double[] {120, 112, 128, 120}, small.nonZeroExtent(), "the 8 px cell, in working pixels");
        assertEquals(8, small.summary().theoreticalSize());
        return afterOne;
    }

    /** Focuses the block slider by its thumb (a press on the tick marks below it does nothing) and presses Home. */
    private static FxRobot blockSliderToZero(FxRobot robot) {
        robot.clickOn("#rf-vit-block .thumb").press(KeyCode.HOME).release(KeyCode.HOME);
        return robot;
    }

    /** Waits for the token map of {@code block} for the current token, computed and not stale. */
    private GradientMap waitForTokenMap(int block) {
        waitLong(() -> onFx(() -> {
            GradientMap m = view.gradients().getMap();
            var t = view.fields().getToken();
            return m != null && m.kind() == GradientMapKind.ERF && !view.gradients().busyProperty().get()
                    && !view.gradients().staleProperty().get() && view.fields().vitBlockProperty().get() == block
                    && m.title().contains("row " + t.row() + ", column " + t.column())
                    && m.title().contains(block == 0 ? "patch embedding" : "after block " + block);
        }));
        return onFx(() -> view.gradients().getMap());
    }
}
