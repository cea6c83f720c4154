package dev.patchexplorer.ui.shell;

import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/** A view whose side panel is one pane in a scroll pane, the pane built on first use and then kept. */
public abstract class ScrollingPaneView<P extends Region> extends BasicView {
    private final String scrollId;
    private P pane;

    protected ScrollingPaneView(String id, String titleKey, String icon, String scrollId) {
        super(id, titleKey, icon);
        this.scrollId = scrollId;
    }

    /** Builds the pane; called once. */
    protected abstract P buildPane();

    @Override
    protected final Region buildPanel() {
        ScrollPane scroll = new ScrollPane(pane());
        scroll.setId(scrollId);
        scroll.setFitToWidth(true);
        return scroll;
    }

    public final P pane() {
        if (pane == null) pane = buildPane();
        return pane;
    }
}
