package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.text.TextSegments;
import dev.patchexplorer.core.text.TokenUnit;
import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Text segments": the patch-size trade-off for text. The text is cut into word or character tokens
 * and then into segments of L tokens, drawn in turn in distinct colours, with the attention cost of
 * the segments (Σ tokens², L² per full segment) against one sequence over the whole text (n²); beside
 * it the image's token count at the slider's patch size, the same choice for pictures. Arithmetic
 * on the FX thread.
 */
final class TextSegmentsPage extends ConceptPage {
    static final String ID = "text";
    /** Texts longer than this are counted in full but drawn only this far (a TextFlow of 10⁵ nodes would stall). */
    static final int DRAWN_CHARS = 4000;
    /** Mid-tone colours, readable on the light and the dark theme alike. */
    private static final Color[] SEGMENT_COLOURS = {Color.rgb(30, 144, 255), Color.rgb(235, 120, 0), Color.rgb(40, 165, 80),
            Color.rgb(200, 70, 200), Color.rgb(185, 145, 0), Color.rgb(0, 165, 185)};

    private final ExplorerViewModel explorer;
    private final TextArea text = new TextArea(Messages.get("concept.text.sample"));
    private final Spinner<Integer> length = new Spinner<>(1, 100_000, 16);
    private final ComboBox<TokenUnit> unit = new ComboBox<>();
    private final TextFlow flow = new TextFlow();
    private final Label status = new Label();
    private ConceptReadouts readouts;

    TextSegmentsPage(ExplorerView frame) {
        super(ID);
        this.explorer = frame.model();
        text.setId("concept-text-input");
        text.setWrapText(true);
        text.setPrefRowCount(5);
        length.setId("concept-text-length");
        length.setEditable(true);
        length.setPrefWidth(100);
        unit.setId("concept-text-unit");
        unit.getItems().setAll(TokenUnit.values());
        unit.setCellFactory(l -> new UnitCell());
        unit.setButtonCell(new UnitCell());
        unit.setValue(TokenUnit.WORD);
        flow.setId("concept-text-flow");
        flow.setLineSpacing(2);
        follow(text.textProperty(), length.valueProperty(), unit.valueProperty(), explorer.workingProperty(),
                explorer.patchProperty());
    }

    @Override
    protected Region buildBody() {
        GridPane controls = new GridPane();
        controls.setHgap(6);
        controls.setVgap(4);
        controls.addRow(0, name("concept.text.length"), length);
        controls.addRow(1, name("concept.text.unit"), unit);
        unit.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(unit, Priority.ALWAYS);
        readouts = new ConceptReadouts(ID, "tokens", "segments", "segmented", "global", "ratio", "image");
        status.setId("concept-text-status");
        status.setWrapText(true);
        status.getStyleClass().add("hint");
        return new VBox(8, text, controls, flow, readouts, status);
    }

    private static Label name(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("readout-name");
        l.setWrapText(true);
        l.setMaxWidth(150);
        return l;
    }

    @Override
    protected void refresh() {
        Integer l = length.getValue();
        if (l == null || l < 1) { // an edited spinner can hold nothing for a moment
            readouts.clear();
            flow.getChildren().clear();
            status.setText(Messages.get("concept.text.badLength"));
            return;
        }
        TextSegments s = TextSegments.of(text.getText(), unit.getValue(), l);
        draw(text.getText(), s);
        readouts.set("tokens", Units.count(s.tokenCount()));
        int full = s.tokenCount() / l, rest = s.tokenCount() % l;
        readouts.set("segments", rest == 0
                ? Messages.format("concept.text.segmentsOf", s.segmentCount(), l)
                : Messages.format("concept.text.segmentsRest", s.segmentCount(), full, l, rest));
        readouts.set("segmented", Units.count(s.segmentedAttentionPairs()));
        readouts.set("global", Units.count(s.globalAttentionPairs()));
        readouts.set("ratio", Units.percent(s.attentionCostRatio()));
        WorkingResolution w = explorer.getWorking();
        int p = explorer.getPatch();
        readouts.set("image", w == null ? "—"
                : Messages.format("concept.text.imageOf", p, Units.count((long) (w.width() / p) * (w.height() / p))));
        status.setText(s.tokenCount() == 0 ? Messages.get("concept.text.empty")
                : text.getLength() > DRAWN_CHARS ? Messages.format("concept.text.drawnPart", DRAWN_CHARS)
                : Messages.get("concept.text.note"));
    }

    /** Each segment's stretch of the source in its colour; what lies between segments (spaces) in grey. */
    private void draw(String source, TextSegments s) {
        List<Text> parts = new ArrayList<>();
        int at = 0;
        int limit = Math.min(source.length(), DRAWN_CHARS);
        for (TextSegments.Segment seg : s.segments()) {
            if (seg.start() >= limit) break;
            if (seg.start() > at) parts.add(plain(source.substring(at, seg.start())));
            Text t = new Text(source.substring(seg.start(), Math.min(seg.end(), limit)));
            t.setFill(SEGMENT_COLOURS[seg.index() % SEGMENT_COLOURS.length]);
            t.setFont(Font.font(null, seg.index() % 2 == 0 ? FontWeight.BOLD : FontWeight.NORMAL, Font.getDefault().getSize()));
            parts.add(t);
            at = Math.min(seg.end(), limit);
        }
        if (at < limit) parts.add(plain(source.substring(at, limit)));
        flow.getChildren().setAll(parts);
    }

    private static Text plain(String s) {
        Text t = new Text(s);
        t.setFill(Color.GRAY);
        return t;
    }

    private static final class UnitCell extends ListCell<TokenUnit> {
        @Override
        protected void updateItem(TokenUnit u, boolean empty) {
            super.updateItem(u, empty);
            setText(empty || u == null ? null : Messages.get("concept.text.unit." + u.name().toLowerCase(Locale.ROOT)));
        }
    }
}
