package dev.patchexplorer.ui;

import dev.patchexplorer.core.format.Units;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
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
import static dev.patchexplorer.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Concepts > "Text segments" in the real window: tokens counted by hand for a short English and a
 * Chinese sentence, the segments of L tokens (the last one shorter), Σ L² against n², the coloured
 * stretches of text, and the image's patch count at the slider's size for comparison.
 */
@ExtendWith(ApplicationExtension.class)
class TextSegmentsWindowTest {
    private static final String PAGE = "text";
    /** Words: One two three , four five six seven . = 9 tokens; 35 characters. */
    private static final String SENTENCE = "One two three, four five six seven.";
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
        inference.shutdown();
        background.shutdown();
    }

    @Test
    void segmentsAndCostsFollowLengthUnitAndText(FxRobot robot) {
        ConceptsWindowSupport.openSample(view, model);
        ConceptsWindowSupport.openPage(robot, view, PAGE);
        assertFalse(readout(view, PAGE, "tokens").equals("—"), "the sample text is counted");

        setText(robot, SENTENCE);
        setLength(robot, 4);
        // 4 + 4 + 1 tokens: 16 + 16 + 1 = 33 pairs against 81
        expect(9, Messages.format("concept.text.segmentsRest", 3, 2, 4, 1), 33, 81);
        assertEquals(List.of("One two three,", "four five six seven", "."), coloured(robot));
        setLength(robot, 9);
        expect(9, Messages.format("concept.text.segmentsOf", 1, 9), 81, 81);
        setLength(robot, 3);
        expect(9, Messages.format("concept.text.segmentsOf", 3, 3), 27, 81);

        // characters: 35 = 16 + 16 + 3 → 256 + 256 + 9 = 521 pairs against 1225
        setUnit(robot, 1);
        setLength(robot, 16);
        assertEquals(35, SENTENCE.length());
        expect(35, Messages.format("concept.text.segmentsRest", 3, 2, 16, 3), 521, 1225);

        // Chinese words: each character and the comma is a token: 你 好 ， 世 界 = 5; segments 2 + 2 + 1
        setUnit(robot, 0);
        setText(robot, "你好，世界");
        setLength(robot, 2);
        expect(5, Messages.format("concept.text.segmentsRest", 3, 2, 2, 1), 9, 25);
        assertEquals(List.of("你好", "，世", "界"), coloured(robot));

        // the image beside it follows the slider: 224 / p squared
        for (int p : new int[] {16, 32}) {
            assertEquals(p, slide(view, p));
            assertEquals(Messages.format("concept.text.imageOf", p, Units.count((224 / p) * (224 / p))), readout(view, PAGE, "image"));
            assertEquals(Units.count(5), readout(view, PAGE, "tokens"), "the slider leaves the text alone");
        }
        setText(robot, "");
        assertEquals(Units.count(0), readout(view, PAGE, "tokens"));
    }

    private void expect(int tokens, String segments, long segmented, long global) {
        assertEquals(Units.count(tokens), readout(view, PAGE, "tokens"));
        assertEquals(segments, readout(view, PAGE, "segments"));
        assertEquals(Units.count(segmented), readout(view, PAGE, "segmented"));
        assertEquals(Units.count(global), readout(view, PAGE, "global"));
        assertEquals(Units.percent(segmented / (double) global), readout(view, PAGE, "ratio"));
    }

    /** The stretches of the drawn text that are not grey: one per segment. */
    private static List<String> coloured(FxRobot robot) {
        return onFx(() -> robot.lookup("#concept-text-flow").queryAs(TextFlow.class).getChildren().stream()
                .map(Text.class::cast).filter(t -> !Color.GRAY.equals(t.getFill())).map(Text::getText).toList());
    }

    private static void setText(FxRobot robot, String s) {
        onFx(() -> {
            robot.lookup("#concept-text-input").queryAs(TextArea.class).setText(s);
            return null;
        });
    }

    private static void setLength(FxRobot robot, int l) {
        onFx(() -> {
            @SuppressWarnings("unchecked")
            Spinner<Integer> s = robot.lookup("#concept-text-length").queryAs(Spinner.class);
            s.getValueFactory().setValue(l);
            return null;
        });
    }

    private static void setUnit(FxRobot robot, int index) {
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Object> unit = robot.lookup("#concept-text-unit").queryAs(ComboBox.class);
            unit.setValue(unit.getItems().get(index));
            return null;
        });
    }
}
