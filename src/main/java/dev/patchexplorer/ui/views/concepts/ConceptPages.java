package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.ui.ExplorerView;

import java.util.List;

/**
 * The concept pages in the teaching order: what a token keeps, features, locality, masked
 * modelling, position, augmentation, scales, adaptive sizes then token merging, tiling, text.
 * A new page is one class and one line here.
 */
final class ConceptPages {
    private ConceptPages() {}

    static List<ConceptPage> standard(ExplorerView frame) {
        return List.of(
                new TokenKeepsPage(frame),
                new FeaturesPage(frame),
                new LocalityPage(frame),
                new MaskingPage(frame),
                new PositionPage(frame),
                new AugmentationPage(frame),
                new ScalesPage(frame),
                new AdaptivePage(frame),
                new TomePage(frame),
                new TilingPage(frame),
                new TextSegmentsPage(frame));
    }
}
