package dev.patchexplorer.ui.help;

import javafx.beans.binding.Bindings;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Help > User Guide: the bundled guide (guide.md, or guide_zh_CN.md etc. where one exists)
 * in its own window beside the main one, with a contents list.
 */
public final class UserGuideWindow {
    private static UserGuideWindow open;

    private final Stage stage = new Stage();
    private final ScrollPane scroll;
    private final GuideView view;

    public UserGuideWindow(Window owner) {
        view = new GuideView(GuideDocument.parse(loadGuide(Locale.getDefault())));
        scroll = new ScrollPane(view.page());
        scroll.setFitToWidth(true);
        scroll.setId("guide-page");
        view.availableWidthProperty().bind(Bindings.createDoubleBinding(
                () -> scroll.getViewportBounds().getWidth(), scroll.viewportBoundsProperty()));
        ListView<String> contents = new ListView<>();
        contents.getItems().setAll(view.sections().keySet());
        contents.setId("guide-contents");
        contents.setCellFactory(list -> new WrappingCell(list));
        contents.getSelectionModel().selectedItemProperty().addListener((obs, old, title) -> {
            if (title != null) scrollTo(view.sections().get(title));
        });
        SplitPane split = new SplitPane(contents, scroll);
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(contents, false);
        Scene scene = new Scene(split, 1100, 720);
        scene.getStylesheets().add(Dialogs.STYLESHEET);
        stage.setScene(scene);
        stage.setTitle(HelpText.text("guide.title"));
        if (owner != null) stage.initOwner(owner);
        AppIcons.applyTo(stage);
        Dialogs.closeOnEscape(stage);
    }

    /** Shows the guide, reusing the window if it is already open. */
    public static UserGuideWindow show(Window owner) {
        if (open == null || !open.stage.isShowing()) {
            open = new UserGuideWindow(owner);
        }
        open.stage.show();
        open.stage.toFront();
        return open;
    }

    public Stage stage() {
        return stage;
    }

    /** Section titles in reading order (the contents list). */
    public List<String> sections() {
        return List.copyOf(view.sections().keySet());
    }

    private void scrollTo(Node section) {
        double pageHeight = view.page().getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (pageHeight <= viewport) return;
        Bounds b = section.getBoundsInParent();
        scroll.setVvalue(Math.min(1, b.getMinY() / (pageHeight - viewport)));
    }

    /** A contents entry that wraps a long section title instead of cutting it off. */
    private static final class WrappingCell extends ListCell<String> {
        WrappingCell(ListView<String> list) {
            setWrapText(true);
            prefWidthProperty().bind(list.widthProperty().subtract(24));
            setMaxWidth(Control.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(String title, boolean empty) {
            super.updateItem(title, empty);
            setText(empty ? null : title);
        }
    }

    /** The most specific translation there is, else the English guide. */
    static String loadGuide(Locale locale) {
        for (String name : List.of("guide_" + locale, "guide_" + locale.getLanguage(), "guide")) {
            try (InputStream in = UserGuideWindow.class.getResourceAsStream(GuideView.PICTURES + name + ".md")) {
                if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("the user guide is missing from the build: " + GuideView.PICTURES + "guide.md");
    }
}
