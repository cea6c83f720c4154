package dev.patchexplorer.ui.views.choose;

import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.choose.ChoosePatchPane;
import dev.patchexplorer.ui.shell.ScrollingPaneView;

/** "Choose a patch size": the loaded ViT swept over a range of patch sizes on the current image. */
public final class ChooseView extends ScrollingPaneView<ChoosePatchPane> {
    public static final String ID = "choose";

    private final ExplorerView frame;

    public ChooseView(ExplorerView frame) {
        super(ID, "view.choose", "◆", "choose-scroll");
        this.frame = frame;
    }

    @Override
    protected ChoosePatchPane buildPane() {
        return new ChoosePatchPane(frame.model(), frame.models(), frame.inference().background()); // a sweep waits for the maps the user is looking at
    }
}
