package dev.patchexplorer.ui.views.rf;

import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.panels.ReceptiveFieldPane;
import dev.patchexplorer.ui.shell.BasicView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/** "Receptive field": theoretical and effective receptive fields, per layer, for a CNN or a ViT. */
public final class ReceptiveFieldView extends BasicView {
    public static final String ID = "rf";

    private final ExplorerView frame;
    private ReceptiveFieldPane pane;

    public ReceptiveFieldView(ExplorerView frame) {
        super(ID, "view.receptiveField", "◎");
        this.frame = frame;
    }

    @Override
    protected Region buildPanel() {
        ScrollPane scroll = new ScrollPane(pane());
        scroll.setId("rf-scroll");
        scroll.setFitToWidth(true);
        return scroll;
    }

    public ReceptiveFieldPane pane() {
        if (pane == null) pane = new ReceptiveFieldPane(frame.fields(), frame.gradients());
        return pane;
    }
}
