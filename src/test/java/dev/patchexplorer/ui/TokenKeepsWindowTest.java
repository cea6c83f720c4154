package dev.patchexplorer.ui;

import dev.patchexplorer.testing.TinyCheckpoints;
import dev.patchexplorer.ui.views.concepts.ConceptsPane;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.patchexplorer.ui.ConceptsWindowSupport.imageOf;
import static dev.patchexplorer.ui.ConceptsWindowSupport.readout;
import static dev.patchexplorer.ui.ConceptsWindowSupport.slide;
import static dev.patchexplorer.ui.ConceptsWindowSupport.waitForReadout;
import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concepts > "What a token keeps" in the real window: without a model the embedding is the mean colour
 * (rank 3); with the tests' tiny ViT (D = 24) the rank is min(24, P²·3); the PSNR shown is the one
 * worked out here from the two pictures on the page; a hidden page does no work until shown again.
 */
@ExtendWith(ApplicationExtension.class)
class TokenKeepsWindowTest {
    private static final String PAGE = "tokenKeeps";
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
    void theReadoutsFollowTheSliderWithAndWithoutAViT(FxRobot robot, @TempDir Path models) throws Exception {
        ConceptsWindowSupport.openSample(view, model);
        ConceptsPane pane = ConceptsWindowSupport.openPage(robot, view, PAGE);
        assertEquals(Messages.get("concept.tokenKeeps.explain"),
                onFx(() -> robot.lookup("#concepts-explanation").queryAs(javafx.scene.control.Label.class).getText()));

        assertEquals(8, slide(view, 8));
        waitForReadout(view, PAGE, "rank", rankText(3, 8 * 8 * 3)); // no model: the mean colour, 3 numbers
        waitForReadout(view, PAGE, "dim", count(3));
        assertPsnrMatchesPictures(robot);

        Path vit = TinyCheckpoints.vit(models.resolve("vit_tiny_patch16_224.augreg_in21k_ft_in1k"));
        onFx(() -> {
            view.models().loadModel(vit);
            return null;
        });
        FxTestSupport.waitUntil(90, () -> onFx(() -> view.models().getModel() != null));
        for (int p : new int[] {2, 16, 5}) {
            assertEquals(p, slide(view, p));
            int values = p * p * 3;
            waitForReadout(view, PAGE, "values", count(values));
            waitForReadout(view, PAGE, "rank", rankText(Math.min(TinyCheckpoints.VIT_DIM, values), values));
            assertEquals(count(TinyCheckpoints.VIT_DIM), readout(view, PAGE, "dim"));
            assertEquals(Messages.format("concept.tokenKeeps.source.vit", p), readout(view, PAGE, "source"));
            assertPsnrMatchesPictures(robot);
        }

        // hidden: the slider moves, the page waits; shown again, it catches up once
        robot.clickOn("#nav-explore");
        assertEquals(9, slide(view, 9));
        onFx(() -> null);
        Thread.sleep(300);
        assertEquals(count(5 * 5 * 3), readout(view, PAGE, "values"), "a hidden page does no work");
        robot.press(KeyCode.ALT, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.ALT); // the fifth view: Alt+5
        FxTestSupport.waitUntil(() -> onFx(() -> "concepts".equals(view.navigator().getActive().id())));
        waitForReadout(view, PAGE, "values", count(9 * 9 * 3));
        assertEquals(PAGE, onFx(() -> pane.selected().id()));
    }

    private static String count(int n) {
        return Messages.format("concept.count", n);
    }

    private static String rankText(int rank, int values) {
        return Messages.format("concept.tokenKeeps.rankOf", rank, values);
    }

    /** The PSNR readout against one worked out here from the page's two pictures. */
    private void assertPsnrMatchesPictures(FxRobot robot) {
        Image in = imageOf(robot, "concept-tokenKeeps-original");
        Image out = imageOf(robot, "concept-tokenKeeps-rebuilt");
        assertNotNull(in);
        assertNotNull(out);
        double psnr = onFx(() -> psnr(in, out));
        String expected = Double.isInfinite(psnr) ? "∞ dB" : String.format(Locale.ROOT, "%.1f dB", psnr);
        assertEquals(expected, readout(view, PAGE, "psnr"));
        assertTrue(psnr > 0, "PSNR " + psnr);
    }

    private static double psnr(Image a, Image b) {
        int w = (int) a.getWidth();
        int h = (int) a.getHeight();
        assertEquals(w, (int) b.getWidth());
        assertEquals(h, (int) b.getHeight());
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        double sum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = ra.getArgb(x, y);
                int q = rb.getArgb(x, y);
                for (int s = 0; s <= 16; s += 8) {
                    double d = ((p >> s) & 0xff) - ((q >> s) & 0xff);
                    sum += d * d;
                }
            }
        }
        double mse = sum / (3.0 * w * h);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
