package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.shell.ScrollingPaneView;

/** "Concepts": one page per role that patches play, each live on the current image and patch size. */
public final class ConceptsView extends ScrollingPaneView<ConceptsPane> {
    public static final String ID = "concepts";

    private final ExplorerView frame;

    public ConceptsView(ExplorerView frame) {
        super(ID, "view.concepts", "✦", "concepts-scroll");
        this.frame = frame;
    }

    @Override
    protected ConceptsPane buildPane() {
        return new ConceptsPane(ConceptPages.standard(frame), activeProperty());
    }
}
