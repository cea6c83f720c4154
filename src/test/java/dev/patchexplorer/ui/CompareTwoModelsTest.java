package dev.patchexplorer.ui;

import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.classify.TopK;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.VisionModel;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.inference.AttentionJob;
import dev.patchexplorer.ui.inference.Heatmap;
import dev.patchexplorer.ui.io.Samples;
import dev.patchexplorer.ui.views.compare.ComparePane;
import dev.patchexplorer.ui.views.compare.CompareView;
import dev.patchexplorer.ui.views.compare.CompareViewModel;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pane B on a model of its own: two different tiny ViTs (12 and 6 blocks, drawn from the same seed
 * so their weights differ from the first block count on), the second opened for B through the
 * Compare panel's chooser. B's predictions are that checkpoint's, run here directly; the table names
 * both models and gives KL only while both heads have the same classes; a CNN is refused; "Same as A"
 * puts B back on the window's model.
 */
@ExtendWith(ApplicationExtension.class)
class CompareTwoModelsTest {
    private static final String VIT_TI = "vit_tiny_patch16_224.augreg_in21k_ft_in1k";
    private static final String SHALLOW = "vit_tiny_depth6";
    private static final String TEN_CLASSES = "vit_tiny_depth6_10_classes";

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
        view.navigator().navigate(CompareView.ID);
    }

    @AfterEach
    void closeModels() {
        if (view != null) {
            onFx(() -> {
                view.models().closeModel();
                view.view(CompareView.ID, CompareView.class).model().modelB().useModelOfA();
                return null;
            });
        }
        inference.shutdown();
        background.shutdown();
    }

    private CompareViewModel compare() {
        return onFx(() -> view.view(CompareView.ID, CompareView.class).model());
    }

    private ComparePane pane() {
        return onFx(() -> view.view(CompareView.ID, CompareView.class).pane());
    }

    @SuppressWarnings("unchecked")
    private void chooseForB(FxRobot robot, ComparePane.ModelChoice choice, Path folder) {
        onFx(() -> {
            pane().setFolderChooser(owner -> folder == null ? null : folder.toFile());
            ComboBox<ComparePane.ModelChoice> box = robot.lookup("#compare-model-b").queryAs(ComboBox.class);
            box.setValue(choice);
            return null;
        });
    }

    @Test
    void paneBRunsItsOwnModelAndGoesBackToA(FxRobot robot, @TempDir Path models) throws Exception {
        Path a = TinyCheckpoints.vit(models.resolve(VIT_TI));
        Path b = TinyCheckpoints.vitDraft(6, TinyCheckpoints.IMAGENET_CLASSES).write(models.resolve(SHALLOW));
        onFx(() -> {
            compare().patchBProperty().set(16); // B at the native patch: its input is the working image itself
            compare().modeBProperty().set(PatchMode.RESIZE);
            view.models().loadModel(a);
            view.openSample(Samples.first());
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.models().getModel() != null && model.getImage() != null));
        waitForMap(view.attention(), 14);
        waitForMap(compare().jobB(), 14);
        assertSame(onFx(() -> view.models().getModel()), onFx(() -> compare().jobB().models().getModel()));

        chooseForB(robot, ComparePane.ModelChoice.OPEN_FOLDER, b);
        FxTestSupport.waitUntil(90, () -> onFx(() -> compare().modelB().hasOwn()));
        ViTModel own = onFx(() -> compare().modelB().getModel());
        assertEquals(6, own.spec().depth(), "B runs the 6-block checkpoint");
        waitForMap(compare().jobB(), 14);
        assertEquals(12, onFx(() -> view.attention().layerProperty().get()), "A keeps its own last layer");
        assertEquals(6, onFx(() -> compare().jobB().layerProperty().get()), "B's map at its model's last layer");

        // B's top-5 and logits: the 6-block checkpoint run here on the same working image
        RgbImage pixels = onFx(() -> model.getImage().pixels());
        WorkingResolution w = onFx(() -> model.getWorking());
        assertEquals(224, w.width());
        float[] expected;
        try (VisionModel direct = ModelLoader.load(b)) {
            ViTModel vit = (ViTModel) direct;
            expected = vit.logits(Preprocess.toModelInput(pixels, w.width(), w.height(), vit.config().mean(), vit.config().std()), 16);
        }
        float[] shownB = onFx(() -> compare().jobB().logits());
        float[] shownA = onFx(() -> view.attention().logits());
        assertEquals(expected.length, shownB.length);
        assertTrue(maxDiff(expected, shownB) < 1e-4, "B's logits are the direct run's: " + maxDiff(expected, shownB));
        assertTrue(maxDiff(shownA, shownB) > 1e-2, "the two models disagree, so the check above could fail: " + maxDiff(shownA, shownB));
        List<Prediction> top = TopK.of(expected, 5);
        assertEquals(top.get(0).index(), onFx(() -> compare().jobB().predictionsProperty().get().get(0).index()));

        var table = pane();
        FxTestSupport.waitUntil(() -> onFx(() -> table.tableText("model-b").equals(SHALLOW) && !table.tableText("kl").equals("\u2014")));
        assertEquals(VIT_TI, onFx(() -> table.tableText("model-a")));
        assertEquals(row(top.get(0)), onFx(() -> table.tableText("top1-b")));
        assertEquals(Messages.format("compare.kl.value", String.format(Locale.ROOT, "%.3f", klByHand(shownA, shownB))),
                onFx(() -> table.tableText("kl")));
        assertEquals(Messages.format("compare.model.own", VIT_TI, SHALLOW), onFx(() -> robot.lookup("#compare-model").queryAs(Label.class).getText()));
        assertTrue(onFx(() -> robot.lookup("#compare-title-b").queryAs(Label.class).getText()).endsWith(SHALLOW), "B's title names its model");

        // a head over 10 classes: no KL, and the tooltip says why
        Path ten = TinyCheckpoints.vitDraft(6, 10).write(models.resolve(TEN_CLASSES));
        chooseForB(robot, ComparePane.ModelChoice.SAME_AS_A, null);
        FxTestSupport.waitUntil(() -> onFx(() -> !compare().modelB().hasOwn()));
        chooseForB(robot, ComparePane.ModelChoice.OPEN_FOLDER, ten);
        FxTestSupport.waitUntil(90, () -> onFx(() -> compare().modelB().hasOwn() && compare().modelB().getModel().numClasses() == 10));
        waitForMap(compare().jobB(), 14);
        FxTestSupport.waitUntil(() -> onFx(() -> table.tableText("model-b").equals(TEN_CLASSES) && compare().getComparison().classesDiffer()));
        assertEquals("\u2014", onFx(() -> table.tableText("kl")));
        assertEquals(Messages.get("compare.kl.classesDiffer"), onFx(() -> table.tableTip("kl")));

        // "Same as A": B back on the window's model, at A's settings the very same pass
        chooseForB(robot, ComparePane.ModelChoice.SAME_AS_A, null);
        FxTestSupport.waitUntil(() -> onFx(() -> !compare().modelB().hasOwn()));
        assertSame(onFx(() -> view.models().getModel()), onFx(() -> compare().modelB().getModel()));
        assertNull(onFx(() -> compare().modelB().own().getLoaded()), "B's own model is let go");
        waitForMap(compare().jobB(), 14);
        FxTestSupport.waitUntil(() -> onFx(() -> table.tableText("model-b").equals(VIT_TI)
                && table.tableText("kl").equals(Messages.format("compare.kl.value", "0.000"))));
        assertEquals(12, onFx(() -> compare().jobB().layerProperty().get()), "B follows A's layer again");
        assertFalse(onFx(() -> robot.lookup("#compare-title-b").queryAs(Label.class).getText()).contains(TEN_CLASSES), "B's title names no model of its own");
        onFx(() -> {
            view.attention().layerProperty().set(5);
            return null;
        });
        assertEquals(5, onFx(() -> compare().jobB().layerProperty().get()));
        assertNull(onFx(() -> table.tableTip("kl")));
    }

    @Test
    void aCnnForPaneBIsRefusedInThePanel(FxRobot robot, @TempDir Path models) throws Exception {
        Path a = TinyCheckpoints.vit(models.resolve(VIT_TI));
        Path cnn = TinyCheckpoints.mobileNetV2(models.resolve("mobilenetv2"));
        onFx(() -> {
            view.models().loadModel(a);
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.models().getModel() != null));
        chooseForB(robot, ComparePane.ModelChoice.OPEN_FOLDER, cnn);
        Label note = onFx(() -> robot.lookup("#compare-model-note").queryAs(Label.class));
        FxTestSupport.waitUntil(90, () -> onFx(() -> note.isVisible()));
        assertEquals(Messages.format("compare.modelB.cnn", TinyCheckpoints.MOBILENET_ARCH), onFx(note::getText));
        FxTestSupport.waitUntil(() -> onFx(() -> compare().modelB().own().getLoaded() == null));
        assertSame(onFx(() -> view.models().getModel()), onFx(() -> compare().modelB().getModel()));
        assertEquals(ComparePane.ModelChoice.SAME_AS_A,
                onFx(() -> robot.lookup("#compare-model-b").queryAs(ComboBox.class).getValue()));

        // a folder that holds no checkpoint: the loader's message, B still on A's model
        chooseForB(robot, ComparePane.ModelChoice.OPEN_FOLDER, models);
        String failed = Messages.format("model.error.load", models.getFileName(), "").trim();
        FxTestSupport.waitUntil(90, () -> onFx(() -> note.getText().startsWith(failed)));
        assertSame(onFx(() -> view.models().getModel()), onFx(() -> compare().modelB().getModel()));

        // the same failure again is reported again: the new load clears the note, the failure sets it back
        FxTestSupport.waitUntil(() -> onFx(() -> robot.lookup("#compare-model-b").queryAs(ComboBox.class).getValue()
                == ComparePane.ModelChoice.SAME_AS_A));
        java.util.concurrent.atomic.AtomicInteger reported = new java.util.concurrent.atomic.AtomicInteger();
        onFx(() -> {
            note.textProperty().addListener((o, was, now) -> {
                if (now.startsWith(failed)) reported.incrementAndGet();
            });
            return null;
        });
        chooseForB(robot, ComparePane.ModelChoice.OPEN_FOLDER, models);
        FxTestSupport.waitUntil(90, () -> reported.get() == 1);
        assertTrue(onFx(note::isVisible));
    }

    private static void waitForMap(AttentionJob job, int grid) {
        FxTestSupport.waitUntil(90, () -> onFx(() -> {
            Heatmap h = job.getHeatmap();
            return h != null && !job.busyProperty().get() && !job.staleProperty().get()
                    && h.gridW() == grid && h.gridH() == grid && !job.predictionsProperty().get().isEmpty();
        }));
    }

    private static double maxDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - b[i]);
            if (Double.isNaN(d)) return Double.NaN; // fails every "< tolerance" and "> margin" check
            max = Math.max(max, d);
        }
        return max;
    }

    private static String row(Prediction p) {
        return p.label() + "  " + Messages.format("attention.probability", String.format(Locale.ROOT, "%.1f", 100 * p.probability()));
    }

    /** KL(p || q) of the two softmaxes with a max shift, written out here. */
    private static double klByHand(float[] a, float[] b) {
        double ma = Double.NEGATIVE_INFINITY, mb = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            ma = Math.max(ma, a[i]);
            mb = Math.max(mb, b[i]);
        }
        double za = 0, zb = 0;
        for (int i = 0; i < a.length; i++) {
            za += Math.exp(a[i] - ma);
            zb += Math.exp(b[i] - mb);
        }
        double kl = 0;
        for (int i = 0; i < a.length; i++) {
            double p = Math.exp(a[i] - ma) / za;
            double q = Math.exp(b[i] - mb) / zb;
            kl += p * Math.log(p / q);
        }
        return kl;
    }
}
