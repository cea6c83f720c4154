package dev.patchexplorer.ui.views.compare;

import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.shell.BasicView;
import dev.patchexplorer.ui.viewer.ImageViewer;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

import java.util.Optional;

/**
 * "Compare": the image twice, pane A at the window's settings and pane B at its own patch size,
 * mode and (if chosen) model, side by side on one zoom and pan or split by a swipe divider, with a table of both panes'
 * readouts and how far their predictions agree. Pane B's state and job are built on the view's first
 * use; its job idles while the view is hidden. Pane A's map is the window's attention job, which
 * this view keeps running while shown even when the map is hidden elsewhere.
 */
public final class CompareView extends BasicView {
    public static final String ID = "compare";

    private final ExplorerView frame;
    private CompareViewModel compare;
    private CompareCentre centre;
    private ComparePane pane;

    public CompareView(ExplorerView frame) {
        super(ID, "view.compare", "\u25E7");
        this.frame = frame;
        frame.attention().seenWhile(activeProperty());
    }

    private CompareViewModel compare() {
        if (compare == null) {
            compare = new CompareViewModel(frame.model(), frame.attention(), frame.models(),
                    frame.inference().interactive(), frame.inference(), activeProperty());
        }
        return compare;
    }

    private CompareCentre compareCentre() {
        if (centre == null) centre = new CompareCentre(compare());
        return centre;
    }

    @Override
    protected Region buildPanel() {
        pane = new ComparePane(compare(), compareCentre(), frame.models());
        ScrollPane scroll = new ScrollPane(pane);
        scroll.setId("compare-scroll");
        scroll.setFitToWidth(true);
        return scroll;
    }

    @Override
    public Optional<Node> centre() {
        return Optional.of(compareCentre());
    }

    /** The shown pane (A, or the swipe viewer); the other panes follow it through the sync. */
    @Override
    public Optional<ImageViewer> zoomTarget() {
        return Optional.of(compareCentre().shownViewer());
    }

    /** Pane B's state and the comparison (built on first use). */
    public CompareViewModel model() { return compare(); }
    public CompareCentre images() { return compareCentre(); }
    public ComparePane pane() {
        panel();
        return pane;
    }
}
