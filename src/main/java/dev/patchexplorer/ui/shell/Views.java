package dev.patchexplorer.ui.shell;

import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.views.attention.AttentionView;
import dev.patchexplorer.ui.views.choose.ChooseView;
import dev.patchexplorer.ui.views.compare.CompareView;
import dev.patchexplorer.ui.views.concepts.ConceptsView;
import dev.patchexplorer.ui.views.explore.ExploreView;
import dev.patchexplorer.ui.views.rf.ReceptiveFieldView;

import java.util.List;

/**
 * The window's views, in rail order. A new view is one package under {@code ui/views} and one line
 * here: its position gives it a rail entry, a View-menu item and Alt+position.
 */
public final class Views {
    private Views() {}

    public static List<AppView> standard(ExplorerView frame) {
        return List.of(
                new ExploreView(frame),
                new AttentionView(frame),
                new ReceptiveFieldView(frame),
                new ChooseView(frame),
                new ConceptsView(frame),
                new CompareView(frame));
    }
}
