package dev.patchexplorer.ui;

import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.classify.TopK;
import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.masking.BlockMasking;
import dev.patchexplorer.core.masking.PatchMask;
import dev.patchexplorer.core.masking.RandomMasking;
import dev.patchexplorer.core.tradeoff.VitArchitecture;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.testing.TinyCheckpoints;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.ConceptsWindowSupport.readout;
import static dev.patchexplorer.ui.ConceptsWindowSupport.slide;
import static dev.patchexplorer.ui.ConceptsWindowSupport.waitForReadout;
import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concepts > "Masked modelling" in the real window, on the 224 px sample: masked counts round(ratio × N)
 * (random) and ceil(ratio × units) 32 px units (SimMIM), the visible tokens, and the encoder compute
 * saved from depth × (4nD² + 2nD·hidden + 2n²D) worked out here, at two slider positions and two
 * ratios; with the tests' tiny ViT, the top-1 on every patch is the Explore view's prediction, and
 * the top-5 with masked tokens dropped is the one worked out here from the same seeded mask.
 */
@ExtendWith(ApplicationExtension.class)
class MaskingWindowTest {
    private static final String PAGE = "masking";
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
    void close() {
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
    void countsAndComputeFollowSliderRatioAndKind(FxRobot robot) {
        ConceptsWindowSupport.openSample(view, model);
        ConceptsWindowSupport.openPage(robot, view, PAGE);
        assertEquals(224, onFx(() -> model.getWorking().width()));
        VitArchitecture a = onFx(() -> model.architectureProperty().get());
        for (int ratio : new int[] {75, 50}) {
            setRatio(robot, ratio);
            for (int p : new int[] {16, 32}) {
                assertEquals(p, slide(view, p));
                int side = 224 / p, n = side * side;
                int masked = (int) Math.round(ratio / 100.0 * n);
                assertEquals(Messages.format("concept.masking.gridOf", side, side, n), readout(view, PAGE, "grid"));
                assertEquals(Messages.format("concept.masking.maskedOf", masked, n), readout(view, PAGE, "masked"));
                assertEquals(Messages.format("concept.masking.visibleOf", n - masked + 1, n + 1), readout(view, PAGE, "visible"));
                double full = encoderMacs(a, n + 1), seen = encoderMacs(a, n - masked + 1);
                assertEquals(Units.percent((full - seen) / full), readout(view, PAGE, "saved"));
            }
        }
        // BEiT's blocks at patch 16: round(0.75 × 196) = 147 aimed at, never more (fewer when no block fits the rest)
        setRatio(robot, 75);
        assertEquals(16, slide(view, 16));
        setKind(robot, 1);
        String blocks = readout(view, PAGE, "masked");
        int maskedByBlocks = BlockMasking.generate(14, 14, 0.75, 0).mask().maskedCount(); // the seed the page starts with
        assertTrue(maskedByBlocks > 0 && maskedByBlocks <= 147, blocks);
        assertEquals(maskedByBlocks == 147 ? Messages.format("concept.masking.maskedOf", 147, 196)
                : Messages.format("concept.masking.maskedShort", maskedByBlocks, 196, 147), blocks);
        assertEquals(Messages.format("concept.masking.visibleOf", 196 - maskedByBlocks + 1, 197), readout(view, PAGE, "visible"));
        // SimMIM at patch 16: 32 px units are 2 × 2 patches, 7 × 7 = 49 units, ceil(0.75 × 49) = 37 masked
        setRatio(robot, 75);
        assertEquals(16, slide(view, 16));
        setKind(robot, 2);
        assertEquals(Messages.format("concept.masking.maskedUnits", 37 * 4, 196, 37, 49, 32, 2), readout(view, PAGE, "masked"));
        assertEquals(Messages.format("concept.masking.visibleOf", 196 - 148 + 1, 197), readout(view, PAGE, "visible"));
        // at patch 8 the units are 4 × 4 patches: 49 units again, 37 × 16 patches
        assertEquals(8, slide(view, 8));
        assertEquals(Messages.format("concept.masking.maskedUnits", 37 * 16, 784, 37, 49, 32, 4), readout(view, PAGE, "masked"));
    }

    @Test
    void theTopFiveWithoutTheMaskedTokens(FxRobot robot, @TempDir Path models) throws Exception {
        ConceptsWindowSupport.openSample(view, model);
        Path vit = TinyCheckpoints.vit(models.resolve("vit_tiny_patch16_224.augreg_in21k_ft_in1k"));
        onFx(() -> {
            view.models().loadModel(vit);
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.models().getModel() != null));
        assertEquals(32, slide(view, 32));
        // the Explore view's own pass: its top-1 is the page's "every patch" line
        FxTestSupport.waitUntil(90, () -> onFx(() -> !view.attention().predictionsProperty().get().isEmpty()
                && !view.attention().busyProperty().get()));
        Prediction explore = onFx(() -> view.attention().predictionsProperty().get().get(0));
        ConceptsWindowSupport.openPage(robot, view, PAGE);
        waitForReadout(view, PAGE, "allTop", explore.label() + "  " + Units.percent(explore.probability()));

        for (int p : new int[] {32, 16}) {
            assertEquals(p, slide(view, p));
            PatchGrid grid = onFx(() -> model.getGrid());
            PatchMask mask = RandomMasking.generate(grid.rows(), grid.cols(), 0.75, 0);
            List<Prediction> expected = keptTop(onFx(() -> view.models().getModel()), onFx(() -> model.getImage().pixels()),
                    onFx(() -> model.getWorking()), grid, onFx(() -> view.attention().modeProperty().get()), mask);
            waitForReadout(view, PAGE, "top", lines(expected));
        }
        // nothing masked: the two passes are one
        setRatio(robot, 0);
        PatchGrid grid = onFx(() -> model.getGrid());
        List<Prediction> all = keptTop(onFx(() -> view.models().getModel()), onFx(() -> model.getImage().pixels()),
                onFx(() -> model.getWorking()), grid, onFx(() -> view.attention().modeProperty().get()),
                RandomMasking.generate(grid.rows(), grid.cols(), 0.0, 0));
        waitForReadout(view, PAGE, "top", lines(all));
        assertEquals(lines(all.subList(0, 1)), readout(view, PAGE, "allTop"));
        assertEquals(Messages.get("concept.masking.sameTop"),
                onFx(() -> ((Label) view.lookup("#concept-masking-status")).getText()));
    }

    private static List<Prediction> keptTop(ViTModel vit, RgbImage pixels, WorkingResolution w, PatchGrid grid, PatchMode mode,
                                            PatchMask mask) throws Exception {
        RgbImage work = Preprocess.resizeBicubic(pixels, w.width(), w.height());
        InputPlan plan = GridInput.plan(mode, grid, vit.spec().nativePatch());
        RgbImage cells = GridInput.pixels(work, grid, plan.modelPatch(), GridInput.meanColour(vit.config().mean()));
        return TopK.of(vit.logitsOfKept(Preprocess.normalize(cells, vit.config().mean(), vit.config().std()),
                plan.modelPatch(), mask.visibleIndices()), 5);
    }

    private static String lines(List<Prediction> top) {
        StringBuilder s = new StringBuilder();
        for (Prediction p : top) {
            if (s.length() > 0) s.append('\n');
            s.append(p.label()).append("  ").append(Units.percent(p.probability()));
        }
        return s.toString();
    }

    /** depth × (4nD² + 2nD·hidden + 2n²D), the encoder blocks' multiply-accumulates over n tokens. */
    private static double encoderMacs(VitArchitecture a, long n) {
        double d = a.width();
        return a.depth() * (4.0 * n * d * d + 2.0 * n * d * a.width() * a.mlpRatio() + 2.0 * n * n * d);
    }

    private static void setKind(FxRobot robot, int index) {
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Object> kind = robot.lookup("#concept-masking-kind").queryAs(ComboBox.class);
            kind.setValue(kind.getItems().get(index));
            return null;
        });
    }

    private static void setRatio(FxRobot robot, int percent) {
        onFx(() -> {
            robot.lookup("#concept-masking-ratio").queryAs(Slider.class).setValue(percent);
            return null;
        });
    }
}
