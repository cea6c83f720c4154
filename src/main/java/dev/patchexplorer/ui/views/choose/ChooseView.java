package dev.patchexplorer.ui.views.choose;

import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.choose.ChoosePatchPane;
import dev.patchexplorer.ui.shell.BasicView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/** "Choose a patch size": the loaded ViT swept over a range of patch sizes on the current image. */
public final class ChooseView extends BasicView {
    public static final String ID = "choose";

    private final ExplorerView frame;
    private ChoosePatchPane pane;

    public ChooseView(ExplorerView frame) {
        super(ID, "view.choose", "◆");
        this.frame = frame;
    }

    @Override
    protected Region buildPanel() {
        ScrollPane scroll = new ScrollPane(pane());
        scroll.setId("choose-scroll");
        scroll.setFitToWidth(true);
        return scroll;
    }

    public ChoosePatchPane pane() {
        if (pane == null) pane = new ChoosePatchPane(frame.model(), frame.models(), frame.inference());
        return pane;
    }
}
