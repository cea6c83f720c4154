package dev.patchexplorer.ui.views.attention;

import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.panels.AttentionPane;
import dev.patchexplorer.ui.shell.ScrollingPaneView;

/** "Attention": the heatmap's settings, the top-5 predictions and the per-head maps of a ViT. */
public final class AttentionView extends ScrollingPaneView<AttentionPane> {
    public static final String ID = "attention";

    private final ExplorerView frame;

    public AttentionView(ExplorerView frame) {
        super(ID, "view.attention", "◉", "attention-scroll");
        this.frame = frame;
    }

    @Override
    protected AttentionPane buildPane() {
        return new AttentionPane(frame.attention());
    }
}
