package dev.patchexplorer.ui.views.rf;

import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.panels.ReceptiveFieldPane;
import dev.patchexplorer.ui.shell.ScrollingPaneView;

/** "Receptive field": theoretical and effective receptive fields, per layer, for a CNN or a ViT. */
public final class ReceptiveFieldView extends ScrollingPaneView<ReceptiveFieldPane> {
    public static final String ID = "rf";

    private final ExplorerView frame;

    public ReceptiveFieldView(ExplorerView frame) {
        super(ID, "view.receptiveField", "◎", "rf-scroll");
        this.frame = frame;
    }

    @Override
    protected ReceptiveFieldPane buildPane() {
        return new ReceptiveFieldPane(frame.fields(), frame.gradients());
    }
}
