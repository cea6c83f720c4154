package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.ui.ExplorerView;

import java.util.List;

/** The concept pages in selector order; a new page is one class and one line here. */
final class ConceptPages {
    private ConceptPages() {}

    static List<ConceptPage> standard(ExplorerView frame) {
        return List.of(
                new TokenKeepsPage(frame),
                new LocalityPage(frame),
                new AugmentationPage(frame),
                new TilingPage(frame),
                new FeaturesPage(frame),
                new PositionPage(frame),
                new TomePage(frame),
                new MaskingPage(frame),
                new ScalesPage(frame),
                new AdaptivePage(frame),
                new TextSegmentsPage(frame));
    }
}
