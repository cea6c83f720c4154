package dev.patchexplorer.ui;

import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.testing.TestAssets;
import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.inference.GradientMap;
import dev.patchexplorer.ui.inference.ModelViewModel;
import dev.patchexplorer.ui.inference.ReceptiveFieldJob;
import dev.patchexplorer.ui.inference.ReceptiveFieldViewModel;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Latest wins: with the executor held back, three clicks queue three passes; only the last one's
 * map is ever shown, the earlier ones are dropped, a newer click fades the shown map at once, and a
 * new working size hides it at once.
 */
class ReceptiveFieldJobTest {
    /** Runs tasks only when the test says so, on the test thread. */
    private static final class HeldExecutor implements Executor {
        final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

        @Override public void execute(Runnable r) {
            tasks.add(r);
        }

        void runAll() {
            for (Runnable r; (r = tasks.poll()) != null; ) r.run();
        }
    }

    /** Through TestFX, as the window tests do: a toolkit started with Platform.startup first would leave their robot without input. */
    @BeforeAll
    static void toolkit() throws java.util.concurrent.TimeoutException {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    /** The tests' tiny MobileNetV2: the job's scheduling depends on the layers, not on trained weights. */
    @TempDir
    static Path models;

    private record Parts(ExplorerViewModel explorer, ModelViewModel models, ReceptiveFieldViewModel fields, ReceptiveFieldJob job) {}

    /** The job on a MobileNetV2 and chelsea, loaded through {@code inference}. */
    private static Parts mobileNetOnChelsea(HeldExecutor inference) throws IOException {
        Path mobileNet = models.resolve("mobilenetv2");
        if (!Files.exists(mobileNet)) TinyCheckpoints.mobileNetV2(mobileNet);
        Path chelsea = TestAssets.sample("chelsea.png");
        Parts p = onFx(() -> {
            ExplorerViewModel explorer = new ExplorerViewModel(Runnable::run);
            ModelViewModel models = new ModelViewModel(explorer, inference);
            ReceptiveFieldViewModel fields = new ReceptiveFieldViewModel(explorer, models);
            return new Parts(explorer, models, fields,
                    new ReceptiveFieldJob(explorer, models, fields, new SimpleObjectProperty<>(PatchMode.RESIZE), inference));
        });
        onFx(() -> {
            p.models().loadModel(mobileNet);
            p.explorer().open(chelsea);
            return null;
        });
        inference.runAll(); // the model load
        FxTestSupport.waitUntil(() -> onFx(() -> p.models().getCnn() != null && p.explorer().getImage() != null));
        return p;
    }

    /**
     * A pass that finishes after a newer click but before that click's debounce has ended must not
     * appear as the current map: whenever the job stops being busy, the map is the last click's.
     */
    @Test
    void aPassOvertakenByAClickIsNeverShownAsCurrent() throws IOException {
        HeldExecutor inference = new HeldExecutor();
        Parts p = mobileNetOnChelsea(inference);
        List<String> titlesWhenIdle = new ArrayList<>();
        onFx(() -> {
            p.job().busyProperty().addListener((o, was, now) -> {
                if (!now && p.job().getMap() != null) titlesWhenIdle.add(p.job().getMap().title());
            });
            p.fields().selectedBlockProperty().set("blocks.2.0");
            return null;
        });
        FxTestSupport.waitUntil(() -> inference.tasks.size() == 1); // the centre unit's pass, started
        onFx(() -> {
            // The pass finishes and posts its result; the click comes before the FX thread takes that up.
            inference.runAll();
            p.fields().click(300, 200);
            return null;
        });
        FxTestSupport.waitUntil(() -> {
            inference.runAll();
            return onFx(() -> p.job().getMap() != null && !p.job().busyProperty().get());
        });
        assertEquals(List.of("Effective RF of blocks.2.0, unit (row 19, column 19): |\u2202 unit / \u2202 pixel|"), titlesWhenIdle);
        onFx(() -> {
            p.models().closeModel();
            return null;
        });
        inference.runAll();
    }

    @Test
    void onlyTheLatestClickIsComputedAndShown() throws InterruptedException, IOException {
        HeldExecutor inference = new HeldExecutor();
        Parts p = mobileNetOnChelsea(inference);
        List<String> shownTitles = new ArrayList<>();
        onFx(() -> {
            p.job().mapProperty().addListener((o, was, now) -> { if (now != null) shownTitles.add(now.title()); });
            p.fields().selectedBlockProperty().set("blocks.2.0"); // S 8 on 28 x 28 units
            return null;
        });
        // The first request (the centre unit) waits in the queue; two clicks follow, each past the debounce.
        FxTestSupport.waitUntil(() -> inference.tasks.size() == 1);
        onFx(() -> {
            p.fields().click(100, 100);
            return null;
        });
        FxTestSupport.waitUntil(() -> inference.tasks.size() == 2);
        onFx(() -> {
            p.fields().click(300, 200); // working (149.0, 149.3): units (round((148.5 + 13 - 13) / 8), ...) = (19, 19)
            return null;
        });
        FxTestSupport.waitUntil(() -> inference.tasks.size() == 3);
        assertTrue(onFx(() -> p.job().busyProperty().get()));

        inference.runAll();
        FxTestSupport.waitUntil(() -> onFx(() -> p.job().getMap() != null && !p.job().busyProperty().get()));
        assertEquals(List.of("Effective RF of blocks.2.0, unit (row 19, column 19): |\u2202 unit / \u2202 pixel|"), shownTitles,
                "only the last click's map may appear");
        assertFalse(onFx(() -> p.job().staleProperty().get()));

        // A click and a click back before the debounce ends: the shown map is still the answer, nothing runs.
        GradientMap shown = onFx(() -> p.job().getMap());
        onFx(() -> {
            p.fields().click(100, 100);
            p.fields().click(300, 200);
            return null;
        });
        assertTrue(onFx(() -> p.job().getMap() == shown && !p.job().busyProperty().get() && !p.job().staleProperty().get()));
        Thread.sleep(2 * (long) ReceptiveFieldJob.DEBOUNCE.toMillis());
        assertTrue(inference.tasks.isEmpty(), "no pass for a question already answered");

        // Another click: the shown map stays, marked stale, until the new one arrives.
        GradientMap before = onFx(() -> p.job().getMap());
        onFx(() -> {
            p.fields().click(50, 50);
            return null;
        });
        assertTrue(onFx(() -> p.job().staleProperty().get() && p.job().getMap() == before));
        // A new working size: the old map no longer lines up with anything and goes at once.
        onFx(() -> {
            p.explorer().workingSizeProperty().set(160);
            return null;
        });
        assertNull(onFx(() -> p.job().getMap()));
        FxTestSupport.waitUntil(() -> !inference.tasks.isEmpty());
        inference.runAll();
        FxTestSupport.waitUntil(() -> onFx(() -> p.job().getMap() != null && !p.job().busyProperty().get()));
        assertEquals(160, onFx(() -> p.job().getMap().width()));
        onFx(() -> {
            p.models().closeModel();
            return null;
        });
        inference.runAll();
    }
}
