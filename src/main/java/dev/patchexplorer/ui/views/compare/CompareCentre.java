package dev.patchexplorer.ui.views.compare;

import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.AttentionJob;
import dev.patchexplorer.ui.viewer.GridOverlay;
import dev.patchexplorer.ui.viewer.HeatmapOverlay;
import dev.patchexplorer.ui.viewer.ImageViewer;
import dev.patchexplorer.ui.viewer.Overlay;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/**
 * The Compare view's image area: panes A and B side by side, each a viewer with its own grid and
 * heatmap, or one viewer split by a draggable divider, A's overlays left of it and B's right. All
 * three viewers share one view ({@link ViewSync}), so switching layout keeps the zoom.
 */
public final class CompareCentre extends StackPane {
    public enum Layout { SIDE_BY_SIDE, SWIPE }

    private final ImageViewer viewerA = new ImageViewer();
    private final ImageViewer viewerB = new ImageViewer();
    private final ImageViewer swipe = new ImageViewer();
    private final List<Overlay> overlaysA;
    private final List<Overlay> overlaysB;
    private final DoubleProperty divider = new SimpleDoubleProperty(this, "divider", 0.5);
    private final ObjectProperty<Layout> layout = new SimpleObjectProperty<>(this, "layout", Layout.SIDE_BY_SIDE);
    private final HBox sideBySide;
    private final StackPane swipeBox;

    public CompareCentre(CompareViewModel compare) {
        setId("compare-centre");
        ExplorerViewModel a = compare.explorerA();
        ExplorerViewModel b = compare.explorerB();
        overlaysA = List.of(new HeatmapOverlay(a, compare.jobA()), new GridOverlay(a));
        overlaysB = List.of(new HeatmapOverlay(b, compare.jobB()), new GridOverlay(b));
        viewerA.setId("compare-viewer-a");
        viewerB.setId("compare-viewer-b");
        swipe.setId("compare-swipe-viewer");
        overlaysA.forEach(viewerA::addOverlay);
        overlaysB.forEach(viewerB::addOverlay);
        swipe.addOverlay(new DividerSide(overlaysA, divider, true));
        swipe.addOverlay(new DividerSide(overlaysB, divider, false));
        for (ImageViewer v : List.of(viewerA, viewerB, swipe)) {
            v.imageProperty().bind(Bindings.createObjectBinding(
                    () -> a.getImage() == null ? null : a.getImage().image(), a.imageProperty()));
        }
        new ViewSync(viewerA, viewerB, swipe);
        repaintOn(List.of(viewerA, swipe), a, compare.jobA());
        repaintOn(List.of(viewerB, swipe), b, compare.jobB());
        divider.addListener(x -> swipe.requestRepaint());

        PaneBModel modelB = compare.modelB();
        sideBySide = new HBox(4, pane(viewerA, "compare-title-a", compare.jobA(), a, null),
                pane(viewerB, "compare-title-b", compare.jobB(), b, modelB));
        sideBySide.setId("compare-side-by-side");
        swipeBox = new StackPane(swipe, handle());
        swipeBox.setId("compare-swipe");
        layout.addListener((o, was, now) -> show(now));
        show(layout.get());
    }

    private void show(Layout now) {
        getChildren().setAll(now == Layout.SWIPE ? swipeBox : sideBySide);
    }

    /** One pane: a title naming its settings (and B's own model, when it has one) over its viewer. */
    private static VBox pane(ImageViewer viewer, String titleId, AttentionJob job, ExplorerViewModel explorer, PaneBModel modelB) {
        Label title = new Label();
        title.setId(titleId);
        title.getStyleClass().add("compare-title");
        // over the viewer box's dark ground in both themes
        title.setStyle("-fx-text-fill: #f0f0f0; -fx-font-weight: bold; -fx-padding: 2 6 2 6;");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            String settings = title(titleId.endsWith("a") ? "A" : "B", explorer.getPatch(), job.modeProperty().get());
            return modelB != null && modelB.hasOwn() ? Messages.format("compare.pane.title.model", settings, modelB.nameB()) : settings;
        }, explorer.patchProperty(), job.modeProperty(), modelB == null ? job.modeProperty() : modelB.modelProperty()));
        VBox box = new VBox(2, title, viewer);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMinWidth(0);
        box.setPrefWidth(1); // equal shares of the width, whatever the titles' lengths
        return box;
    }

    static String title(String pane, int patch, PatchMode mode) {
        return Messages.format("compare.pane.title", pane, patch,
                Messages.get("attention.mode." + mode.name().toLowerCase(Locale.ROOT)));
    }

    /** The divider's handle: a thin bar over the swipe viewer, dragged sideways; the viewer pans elsewhere. */
    private Region handle() {
        Region bar = new Region();
        bar.setId("compare-divider");
        bar.getStyleClass().add("compare-divider");
        bar.setStyle("-fx-background-color: white; -fx-border-color: #333; -fx-border-width: 0 1 0 1;");
        bar.setPrefWidth(6);
        bar.setCursor(Cursor.H_RESIZE);
        Label tagA = tag("A");
        Label tagB = tag("B");
        Pane layer = new Pane(bar, tagA, tagB);
        layer.setPickOnBounds(false);
        bar.layoutXProperty().bind(layer.widthProperty().multiply(divider).subtract(3));
        bar.setManaged(false); // placed by the divider, sized by the layer's height
        layer.heightProperty().addListener((o, was, now) -> bar.resize(6, now.doubleValue()));
        tagA.layoutXProperty().bind(bar.layoutXProperty().subtract(tagA.widthProperty()).subtract(4));
        tagB.layoutXProperty().bind(bar.layoutXProperty().add(10));
        tagA.setLayoutY(6);
        tagB.setLayoutY(6);
        bar.setOnMousePressed(e -> e.consume());
        bar.setOnMouseDragged(e -> {
            double x = bar.localToParent(e.getX(), 0).getX();
            if (layer.getWidth() > 0) divider.set(Math.max(0, Math.min(1, x / layer.getWidth())));
            e.consume();
        });
        return layer;
    }

    private static Label tag(String text) {
        Label l = new Label(text);
        l.setMouseTransparent(true);
        l.setAlignment(Pos.CENTER);
        l.setStyle("-fx-background-color: rgba(0,0,0,0.6); -fx-text-fill: white; -fx-padding: 1 6 1 6;");
        return l;
    }

    private static void repaintOn(List<ImageViewer> viewers, ExplorerViewModel explorer, AttentionJob job) {
        for (Observable o : new Observable[] {explorer.gridProperty(), explorer.gridStyleProperty(), explorer.workingProperty(),
                job.heatmapProperty(), job.staleProperty(), job.opacityProperty(), job.showHeatmapProperty(),
                job.colorMapProperty()}) {
            o.addListener(x -> viewers.forEach(ImageViewer::requestRepaint));
        }
    }

    public ImageViewer viewerA() { return viewerA; }
    /** The viewer the user sees first: A side by side, the swipe viewer in swipe mode. */
    public ImageViewer shownViewer() { return layout.get() == Layout.SWIPE ? swipe : viewerA; }
    public ImageViewer viewerB() { return viewerB; }
    public ImageViewer swipeViewer() { return swipe; }
    /** What pane A (B) paints, in order; the swipe view paints the same overlays, clipped. */
    public List<Overlay> overlaysA() { return overlaysA; }
    public List<Overlay> overlaysB() { return overlaysB; }
    /** Where the swipe divider is, as a fraction of the viewer's width from its left edge. */
    public DoubleProperty dividerProperty() { return divider; }
    public ObjectProperty<Layout> layoutProperty() { return layout; }
}
