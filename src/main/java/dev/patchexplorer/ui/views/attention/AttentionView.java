package dev.patchexplorer.ui.views.attention;

import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.panels.AttentionPane;
import dev.patchexplorer.ui.shell.BasicView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/** "Attention": the heatmap's settings, the top-5 predictions and the per-head maps of a ViT. */
public final class AttentionView extends BasicView {
    public static final String ID = "attention";

    private final ExplorerView frame;
    private AttentionPane pane;

    public AttentionView(ExplorerView frame) {
        super(ID, "view.attention", "◉");
        this.frame = frame;
    }

    @Override
    protected Region buildPanel() {
        ScrollPane scroll = new ScrollPane(pane());
        scroll.setId("attention-scroll");
        scroll.setFitToWidth(true);
        return scroll;
    }

    public AttentionPane pane() {
        if (pane == null) pane = new AttentionPane(frame.attention());
        return pane;
    }
}
