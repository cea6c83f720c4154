package dev.patchexplorer.ui.choose;

import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.panels.ColorScale;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * The class token's rollout at each patch size, side by side, on one colour scale: each cell's mass
 * over the uniform share, so grids of different sizes compare (see {@link PatchResult#relativeMass}).
 * Clicking one goes to its patch size; the slider's size is framed.
 */
final class ThumbnailStrip extends VBox {
    private static final double SIDE = 64;
    private static final ColorMap COLORS = ColorMap.VIRIDIS;
    private final FlowPane tiles = new FlowPane(6, 6);
    private final Label min = new Label();
    private final Label max = new Label();
    private final HBox legend;
    private final IntConsumer goTo;

    ThumbnailStrip(IntConsumer goTo) {
        super(4);
        this.goTo = goTo;
        setId("choose-thumbnails");
        Region bar = new Region();
        bar.setBackground(ColorScale.bar(COLORS));
        bar.setPrefSize(140, 12);
        bar.setMinHeight(12);
        HBox.setHgrow(bar, Priority.SOMETIMES);
        Label caption = new Label(Messages.get("choose.thumbs.scale"));
        caption.setTooltip(new Tooltip(Messages.get("choose.thumbs.scale.tooltip")));
        caption.setWrapText(true);
        // the scale's ends whole: the bar gives way, not the numbers
        min.setMinWidth(Region.USE_PREF_SIZE);
        max.setMinWidth(Region.USE_PREF_SIZE);
        bar.setMinWidth(40);
        bar.setMaxWidth(220);
        legend = new HBox(6, min, bar, max);
        legend.setId("choose-thumbs-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        caption.visibleProperty().bind(legend.visibleProperty());
        caption.managedProperty().bind(legend.visibleProperty());
        getChildren().addAll(caption, legend, tiles);
    }

    void show(List<PatchResult> results, int currentPatch) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (PatchResult r : results) {
            for (int i = 0; i < r.rollout().length; i++) {
                lo = Math.min(lo, r.relativeMass(i));
                hi = Math.max(hi, r.relativeMass(i));
            }
        }
        legend.setVisible(!results.isEmpty());
        min.setText(results.isEmpty() ? "" : ColorScale.value(lo));
        max.setText(results.isEmpty() ? "" : ColorScale.value(hi));
        tiles.getChildren().clear();
        for (PatchResult r : results) tiles.getChildren().add(tile(r, lo, hi, r.patch() == currentPatch));
    }

    private VBox tile(PatchResult r, double lo, double hi, boolean current) {
        int gw = r.row().gridW();
        int gh = r.row().gridH();
        int[] argb = new int[gw * gh];
        for (int i = 0; i < argb.length; i++) argb[i] = COLORS.argb(hi > lo ? (r.relativeMass(i) - lo) / (hi - lo) : 0.5);
        WritableImage map = new WritableImage(gw, gh);
        map.getPixelWriter().setPixels(0, 0, gw, gh, PixelFormat.getIntArgbInstance(), argb, 0, gw);
        Canvas canvas = new Canvas(SIDE, SIDE);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setImageSmoothing(false);
        g.drawImage(map, 0, 0, SIDE, SIDE);
        Label name = new Label("P" + r.patch());
        VBox tile = new VBox(2, canvas, name);
        tile.setAlignment(Pos.CENTER);
        tile.setId("choose-thumb-" + r.patch());
        tile.getStyleClass().add("choose-thumb");
        tile.setStyle(current ? "-fx-border-color: -fx-accent; -fx-border-width: 2; -fx-padding: 1;"
                : "-fx-border-color: transparent; -fx-border-width: 2; -fx-padding: 1;");
        Tooltip.install(tile, new Tooltip(Messages.format("choose.thumb.tooltip", "P" + r.patch(), gh, gw, r.row().top1Label())));
        tile.setOnMouseClicked(e -> goTo.accept(r.patch()));
        return tile;
    }
}
