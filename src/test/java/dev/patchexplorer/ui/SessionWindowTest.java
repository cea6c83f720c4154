package dev.patchexplorer.ui;

import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.core.color.HeatScale;
import dev.patchexplorer.core.grid.AspectMode;
import dev.patchexplorer.core.grid.EdgePolicy;
import dev.patchexplorer.core.objects.Box;
import dev.patchexplorer.core.tradeoff.VitPresets;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.inference.GradientMapKind;
import dev.patchexplorer.ui.inference.HeadChoice;
import dev.patchexplorer.ui.inference.MapKind;
import dev.patchexplorer.ui.io.Samples;
import dev.patchexplorer.ui.session.Session;
import dev.patchexplorer.ui.session.SessionFile;
import dev.patchexplorer.ui.session.SessionState;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File > Save Session and Open Session in the real window with a tiny ViT: every setting set away from
 * its default comes back equal after a reset; a missing image and model are named and the rest opens;
 * a file that is not JSON changes nothing and says so once.
 */
@ExtendWith(ApplicationExtension.class)
class SessionWindowTest {
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

    private void waitForLoads() {
        FxTestSupport.waitUntil(60, () -> onFx(() -> !model.loadingProperty().get() && !view.models().loadingProperty().get()));
    }

    @Test
    void everySettingComesBackAfterAReset(@TempDir Path dir) throws Exception {
        Path vit = TinyCheckpoints.vit(dir.resolve(VIT_TI));
        onFx(() -> {
            view.models().loadModel(vit);
            view.openSample(Samples.ALL.get(0));
            return null;
        });
        FxTestSupport.waitUntil(60, () -> onFx(() -> model.getImage() != null && view.models().getModel() != null));
        waitForLoads();
        Session defaults = onFx(() -> SessionState.capture(view));

        Session before = onFx(() -> {
            String otherArchitecture = VitPresets.all().stream().map(a -> a.name())
                    .filter(n -> !n.equals(model.architectureProperty().get().name())).findFirst().orElseThrow();
            model.architectureProperty().set(VitPresets.byName(otherArchitecture).orElseThrow());
            model.workingSizeProperty().set(320);
            model.aspectModeProperty().set(AspectMode.KEEP);
            model.edgePolicyProperty().set(EdgePolicy.PAD);
            model.strideFollowsPatchProperty().set(false);
            model.strideProperty().set(12);
            model.offsetXProperty().set(3);
            model.offsetYProperty().set(5);
            model.setPatch(20);
            model.snapToDivisorsProperty().set(true); // moves the patch to a divisor of the working image
            model.selectedPatchProperty().set(5);
            model.gridStyleProperty().set(new GridStyle(false, Color.web("#ff0000"), 2.5, 0.4, false));
            view.attention().modeProperty().set(PatchMode.FLEXI);
            view.attention().mapKindProperty().set(MapKind.CLASS_TOKEN);
            view.attention().layerProperty().set(6);
            view.attention().headProperty().set(HeadChoice.single(1));
            view.attention().colorMapProperty().set(ColorMap.MAGMA);
            view.attention().opacityProperty().set(0.35);
            view.attention().massThresholdProperty().set(true);
            view.attention().massPercentProperty().set(80);
            view.attention().markArtifactsProperty().set(false);
            view.attention().discountArtifactsProperty().set(false);
            view.attention().colorScaleProperty().set(HeatScale.Kind.PERCENTILE);
            view.gradients().mapKindProperty().set(GradientMapKind.SALIENCY);
            view.gradients().colorMapProperty().set(ColorMap.VIRIDIS);
            view.gradients().opacityProperty().set(0.3);
            view.gradients().showMapProperty().set(true); // hides the attention map (one map at a time)
            model.physicalUnits().setByHand(0.5);
            model.physicalUnits().showMicronsProperty().set(true);
            model.physicalUnits().tissueMm2Property().set(12.5);
            view.boxes().boxes().setAll(new Box("Cat", 40, 30, 120, 90), new Box("Ear", 60, 10, 12, 9));
            view.fields().vitBlockProperty().set(view.fields().vitBlockProperty().get() == 3 ? 4 : 3);
            view.fields().click(123.5, 67.25);
            model.swinProperty().set(dev.patchexplorer.core.tradeoff.SwinPresets.all().get(0));
            var choose = view.view(dev.patchexplorer.ui.views.choose.ChooseView.ID, dev.patchexplorer.ui.views.choose.ChooseView.class)
                    .pane().viewModel();
            choose.modeProperty().set(dev.patchexplorer.core.sweep.SweepMode.RESIZE);
            choose.fromProperty().set(10);
            choose.toProperty().set(24);
            choose.stepProperty().set(2);
            choose.minAgreementProperty().set(75);
            choose.maxKlProperty().set(0.25);
            var concepts = view.view(dev.patchexplorer.ui.views.concepts.ConceptsView.ID,
                    dev.patchexplorer.ui.views.concepts.ConceptsView.class).pane();
            concepts.select(concepts.pages().get(2).id());
            view.navigator().navigate("rf");
            view.viewer().showAt(2.0, 100, 80);
            return SessionState.capture(view);
        });
        assertEveryValueDiffers(defaults, before, "each setting is set away from its default");
        assertEquals(2, before.boxes().size());
        assertFalse(before.place().fitted());

        Path file = dir.resolve("s.json");
        assertTrue(onFx(() -> view.sessions().save(file)));
        assertTrue(Files.readString(file).contains("\"format\": \"patch-explorer-session\""));

        // reset: another image, no model, every setting back to its default
        onFx(() -> {
            view.models().closeModel();
            view.openSample(Samples.ALL.get(1));
            return null;
        });
        waitForLoads();
        Session reset = onFx(() -> {
            SessionState.apply(defaults, view);
            return SessionState.capture(view);
        });
        assertEveryValueDiffers(before, reset, "the reset changed every setting");
        assertNull(reset.model());
        assertTrue(reset.boxes().isEmpty(), "boxes belong to their image: opening another clears them");
        assertNotEquals(before.image(), reset.image());

        CompletableFuture<Void> opened = onFx(() -> view.sessions().open(file));
        opened.get(60, TimeUnit.SECONDS);
        waitForLoads();
        Session after = onFx(() -> SessionState.capture(view));
        assertEquals(before.image(), after.image());
        assertEquals(before.model(), after.model());
        for (String section : before.sections().keySet()) {
            assertEquals(before.section(section), after.section(section), section);
        }
        assertEquals(before.boxes(), after.boxes());
        // the Choose view's spinners show the restored range and thresholds, not only its model
        List<Object> shown = onFx(() -> {
            var pane = view.view(dev.patchexplorer.ui.views.choose.ChooseView.ID, dev.patchexplorer.ui.views.choose.ChooseView.class).pane();
            return java.util.stream.Stream.of("#choose-from", "#choose-to", "#choose-step", "#choose-min-agreement", "#choose-max-kl")
                    .map(id -> (Object) ((javafx.scene.control.Spinner<?>) pane.lookup(id)).getValue()).toList();
        });
        assertEquals(List.of(10, 24, 2, 75.0, 0.25), shown);
        assertEquals("rf", after.viewId());
        assertEquals(before.place().scale(), after.place().scale(), 1e-9);
        assertEquals(100, after.place().centreX(), 1e-6);
        assertEquals(80, after.place().centreY(), 1e-6);
        assertNull(onFx(() -> model.problemProperty().get()), "nothing was missing");
        assertEquals(List.of(file.toAbsolutePath().normalize()), onFx(() -> view.sessions().recent().list()));
        // File > Recent Sessions lists it once the File menu opens
        List<String> recentItems = onFx(() -> {
            javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) view.lookup("#menu-bar");
            javafx.scene.control.Menu fileMenu = bar.getMenus().get(0);
            fileMenu.getOnShowing().handle(null);
            return fileMenu.getItems().stream().filter(i -> "menu-recent-sessions".equals(i.getId()))
                    .flatMap(i -> ((javafx.scene.control.Menu) i).getItems().stream()).map(javafx.scene.control.MenuItem::getText).toList();
        });
        assertEquals(1, recentItems.size());
        assertTrue(recentItems.get(0).startsWith("s.json"), recentItems.toString());
    }

    /** Every key of every section of {@code a} has another value in {@code b} (a key {@code b} lacks counts as another). */
    private static void assertEveryValueDiffers(Session a, Session b, String what) {
        for (var section : a.sections().entrySet()) {
            for (Map.Entry<String, Object> e : section.getValue().entrySet()) {
                assertNotEquals(e.getValue(), b.section(section.getKey()).get(e.getKey()),
                        what + ": " + section.getKey() + "." + e.getKey());
            }
        }
    }

    @Test
    void aMissingImageAndModelAreNamedAndTheRestOpens(@TempDir Path dir) throws Exception {
        Path gone = dir.resolve("gone.png");
        Path noModel = dir.resolve("no-model");
        Path file = dir.resolve("missing.json");
        Files.writeString(file, """
                {"format": "patch-explorer-session", "version": 1,
                 "image": %s, "model": %s,
                 "grid": {"workingSize": 320, "patch": 32, "someFutureSetting": "x"},
                 "attention": {"opacity": 0.25},
                 "futureSection": {"a": 1},
                 "boxes": [{"name": "Cell", "x": 1, "y": 2, "width": 30, "height": 40},
                           {"name": "broken", "x": 1, "y": 2, "width": -3, "height": 40}]}
                """.formatted(json(gone), json(noModel)), StandardCharsets.UTF_8);
        onFx(() -> view.sessions().open(file)).get(30, TimeUnit.SECONDS);
        String problem = onFx(() -> model.problemProperty().get().message());
        assertTrue(problem.contains(gone.toString()), problem);
        assertTrue(problem.contains(noModel.toString()), problem);
        assertTrue(problem.contains(Messages.get("session.missing.rest")), problem);
        assertEquals(320, (int) onFx(() -> model.workingSizeProperty().get()));
        assertEquals(32, (int) onFx(() -> model.getPatch()));
        assertEquals(0.25, onFx(() -> view.attention().opacityProperty().get()), 1e-12);
        assertEquals(List.of(new Box("Cell", 1, 2, 30, 40)), onFx(() -> List.copyOf(view.boxes().boxes())));
    }

    @Test
    void aFileThatIsNotJsonChangesNothingAndSaysSoOnce(@TempDir Path dir) throws Exception {
        onFx(() -> {
            view.openSample(Samples.first());
            return null;
        });
        FxTestSupport.waitUntil(() -> onFx(() -> model.getImage() != null));
        waitForLoads();
        Session before = onFx(() -> {
            view.boxes().boxes().setAll(new Box("Kept", 5, 5, 50, 50));
            model.workingSizeProperty().set(288);
            return SessionState.capture(view);
        });
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"format\": \"patch-explorer-session\", \"version\": 1, \"grid\": {\"workingSize\": 320", StandardCharsets.UTF_8);
        CompletableFuture<Void> opened = onFx(() -> view.sessions().open(file));
        assertTrue(opened.isCompletedExceptionally());
        String problem = onFx(() -> model.problemProperty().get().message());
        assertTrue(problem.startsWith("The session broken.json is not valid JSON ("), problem);
        assertTrue(problem.endsWith("nothing was changed."), problem);
        assertFalse(problem.contains("Exception") || problem.contains("com.google"), problem);
        assertEquals(1, problem.split("\\. ").length, "one sentence: " + problem);
        Session after = onFx(() -> SessionState.capture(view));
        assertEquals(before, after);
        assertTrue(onFx(() -> view.sessions().recent().list()).isEmpty(), "a refused file is not a recent session");

        Files.writeString(file, "{\"format\": \"something-else\"}", StandardCharsets.UTF_8);
        onFx(() -> view.sessions().open(file));
        assertEquals("The file broken.json is not a Patch Explorer session; nothing was changed.",
                onFx(() -> model.problemProperty().get().message()));
        assertEquals(before, onFx(() -> SessionState.capture(view)));
        assertNotNull(SessionFile.FORMAT);
    }

    private static String json(Path p) {
        return "\"" + p.toString().replace("\\", "\\\\") + "\"";
    }
}
