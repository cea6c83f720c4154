package dev.patchexplorer.ui.views.concepts;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The Concepts side panel: a page selector at the top (it is the page's title), then the page's two-sentence
 * explanation, its picture and readouts, and its "Try this" line. A selector rather than a list beside
 * the page: the panel is about 400 px wide, and a list column would take a third of the pictures' room.
 */
public final class ConceptsPane extends VBox {
    private final List<ConceptPage> pages;
    private final ComboBox<ConceptPage> selector = new ComboBox<>();
    private final Label explanation = new Label();
    private final StackPane bodyHost = new StackPane();
    private final Label tryThis = new Label();

    public ConceptsPane(List<ConceptPage> pages, ObservableBooleanValue viewActive) {
        this.pages = List.copyOf(pages);
        setId("concepts-pane");
        setSpacing(8);
        setPadding(new Insets(8));
        selector.setId("concepts-page");
        selector.getItems().setAll(this.pages);
        selector.setMaxWidth(Double.MAX_VALUE);
        selector.setCellFactory(l -> new TitleCell());
        selector.setButtonCell(new TitleCell());
        explanation.setId("concepts-explanation");
        explanation.setWrapText(true);
        tryThis.setId("concepts-try");
        tryThis.getStyleClass().add("concept-try");
        tryThis.setWrapText(true);
        bodyHost.setId("concepts-body");
        getChildren().addAll(selector, explanation, bodyHost, tryThis);
        for (ConceptPage page : this.pages) {
            page.shownProperty().bind(Bindings.createBooleanBinding(
                    () -> viewActive.get() && selector.getValue() == page, viewActive, selector.valueProperty()));
        }
        selector.valueProperty().addListener((o, was, now) -> show(now));
        selector.setValue(this.pages.get(0));
    }

    private void show(ConceptPage page) {
        explanation.setText(page.explanation());
        tryThis.setText(page.tryThis());
        bodyHost.getChildren().setAll(page.body());
    }

    /** Shows the page with this id; an unknown id is refused. */
    public void select(String id) {
        selector.setValue(page(id));
    }

    public ConceptPage page(String id) {
        return pages.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no concept page " + id));
    }

    public ConceptPage selected() {
        return selector.getValue();
    }

    public List<ConceptPage> pages() {
        return pages;
    }

    private static final class TitleCell extends ListCell<ConceptPage> {
        @Override
        protected void updateItem(ConceptPage page, boolean empty) {
            super.updateItem(page, empty);
            setText(empty || page == null ? null : page.title());
        }
    }
}
