package dev.patchexplorer.ui.help;

import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the guide's blocks into JavaFX nodes: TextFlow for prose, so the text wraps,
 * takes the app's theme and needs no web engine.
 */
final class GuideView {
    static final String PICTURES = "/dev/patchexplorer/help/";
    private static final double MAX_PICTURE_WIDTH = 720;

    private final VBox page = new VBox();
    /** The width the page is shown at; pictures shrink to it, so the text never runs under the edge. */
    private final DoubleProperty availableWidth = new SimpleDoubleProperty(this, "availableWidth", MAX_PICTURE_WIDTH);
    /** Level-2 headings and their nodes, in order: the table of contents. */
    private final Map<String, Node> sections = new LinkedHashMap<>();

    GuideView(List<GuideDocument.Block> blocks) {
        page.getStyleClass().add("guide-page");
        for (GuideDocument.Block block : blocks) page.getChildren().add(render(block));
    }

    VBox page() {
        return page;
    }

    Map<String, Node> sections() {
        return sections;
    }

    DoubleProperty availableWidthProperty() {
        return availableWidth;
    }

    private Node render(GuideDocument.Block block) {
        if (block instanceof GuideDocument.Heading h) {
            TextFlow heading = flow(h.text(), "guide-h" + h.level());
            if (h.level() <= 2) sections.put(h.text(), heading);
            return heading;
        }
        if (block instanceof GuideDocument.Paragraph p) return flow(p.text(), "guide-text");
        if (block instanceof GuideDocument.Note n) {
            TextFlow note = flow(n.text(), "guide-text");
            note.getStyleClass().add("guide-note");
            return note;
        }
        if (block instanceof GuideDocument.ListBlock l) return list(l);
        if (block instanceof GuideDocument.Picture p) return picture(p);
        return table((GuideDocument.Table) block);
    }

    private static Node list(GuideDocument.ListBlock l) {
        VBox items = new VBox(4);
        for (int i = 0; i < l.items().size(); i++) {
            String marker = l.numbered() ? (i + 1) + ".  " : "\u2022  ";
            TextFlow item = flow(l.items().get(i), "guide-text");
            item.getChildren().add(0, new Text(marker));
            items.getChildren().add(item);
        }
        items.getStyleClass().add("guide-list");
        return items;
    }

    /** The picture from the classpath, or a dashed placeholder until someone makes it. */
    private Node picture(GuideDocument.Picture p) {
        InputStream in = GuideView.class.getResourceAsStream(PICTURES + p.file());
        if (in == null) {
            Label missing = new Label(HelpText.text("guide.missingPicture", p.file()) + "\n" + p.alt());
            missing.getStyleClass().add("guide-picture-missing");
            missing.setWrapText(true);
            return missing;
        }
        ImageView view = new ImageView(new Image(in));
        view.setPreserveRatio(true);
        double natural = Math.min(MAX_PICTURE_WIDTH, view.getImage().getWidth());
        view.fitWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(100, Math.min(natural,
                availableWidth.get() - page.getPadding().getLeft() - page.getPadding().getRight())),
                availableWidth, page.paddingProperty()));
        view.setSmooth(true);
        Label caption = new Label(p.alt());
        caption.setWrapText(true);
        caption.getStyleClass().add("guide-caption");
        return new VBox(4, view, caption);
    }

    private static Node table(GuideDocument.Table t) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("guide-table");
        for (int c = 0; c < t.header().size(); c++) {
            TextFlow head = flow(t.header().get(c), "guide-text");
            head.getStyleClass().add("guide-table-head");
            grid.add(head, c, 0);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) grid.add(flow(row.get(c), "guide-text"), c, r + 1);
        }
        return grid;
    }

    static TextFlow flow(String markdown, String styleClass) {
        List<Node> texts = new ArrayList<>();
        for (GuideDocument.Span span : GuideDocument.spans(markdown)) {
            Text text = new Text(span.text());
            text.getStyleClass().add(styleClass);
            switch (span.style()) {
                case BOLD -> text.getStyleClass().add("guide-bold");
                case ITALIC -> text.getStyleClass().add("guide-italic");
                case CODE -> text.getStyleClass().add("guide-code");
                case PLAIN -> { }
            }
            texts.add(text);
        }
        TextFlow flow = new TextFlow(texts.toArray(Node[]::new));
        flow.getStyleClass().add(styleClass + "-flow");
        return flow;
    }
}
