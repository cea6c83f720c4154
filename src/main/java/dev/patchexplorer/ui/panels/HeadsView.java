package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.AttentionJob;
import dev.patchexplorer.ui.inference.HeadMaps;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * Small multiples: the class token's attention in every head of one layer over the photo, one tile
 * per head on a single colour scale, so heads that look at different things stand side by side. Follows the
 * attention job's latest result; faded while a newer one is computed.
 */
public final class HeadsView extends VBox {
    static final double TILE = 200;

    private final AttentionJob job;
    private final TilePane tiles = new TilePane(10, 10);
    private final Spinner<Integer> layer = new Spinner<>();
    private final Label title = new Label();
    private final Label note = new Label();
    private final Region gradient = new Region();
    private final Label min = new Label();
    private final Label max = new Label();

    public HeadsView(AttentionJob job) {
        super(10);
        this.job = job;
        setId("heads-view");
        setPadding(new Insets(12));

        layer.setId("heads-layer");
        layer.setEditable(true);
        layer.setPrefWidth(90);
        layer.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 12, job.layerProperty().get()));
        layer.valueProperty().addListener((o, was, now) -> { if (now != null) job.layerProperty().set(now); });
        job.layerProperty().addListener((o, was, now) -> layer.getValueFactory().setValue(now.intValue()));
        title.setId("heads-title");
        title.setWrapText(true);
        HBox top = new HBox(8, new Label(Messages.get("attention.layer")), layer, title);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(title, Priority.ALWAYS);

        tiles.setId("heads-tiles");
        tiles.setPrefColumns(4);
        tiles.opacityProperty().bind(javafx.beans.binding.Bindings.when(job.staleProperty()).then(0.35).otherwise(1.0));

        gradient.setId("heads-gradient");
        gradient.setPrefHeight(12);
        gradient.setMaxWidth(Double.MAX_VALUE);
        min.setId("heads-legend-min");
        max.setId("heads-legend-max");
        BorderPane range = new BorderPane();
        range.setLeft(min);
        range.setRight(max);
        Label scaleNote = new Label(Messages.get("heads.sharedScale"));
        scaleNote.getStyleClass().add("hint");
        note.setId("heads-note");
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        VBox legend = new VBox(2, gradient, range, scaleNote, note);
        legend.setMaxWidth(Double.MAX_VALUE);

        getChildren().addAll(top, tiles, legend);
        job.headMapsProperty().addListener(x -> refresh());
        job.colorMapProperty().addListener(x -> refresh());
        job.opacityProperty().addListener(x -> refresh());
        job.models().modelProperty().addListener((o, was, now) -> setDepth(now));
        setDepth(job.models().getModel());
        refresh();
    }

    private void setDepth(ViTModel model) {
        if (model == null) return;
        int depth = model.spec().depth();
        int current = Math.max(1, Math.min(depth, job.layerProperty().get()));
        layer.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, depth, current));
    }

    private void refresh() {
        HeadMaps maps = job.getHeadMaps();
        ColorMap colors = job.colorMapProperty().get();
        gradient.setBackground(ColorScale.bar(colors));
        tiles.getChildren().clear();
        if (maps == null) {
            title.setText("");
            min.setText("");
            max.setText("");
            note.setText(Messages.get(job.models().getModel() == null ? "attention.model.none" : "heads.none"));
            return;
        }
        title.setText(Messages.format("heads.title", maps.layer(), maps.grid().rows(), maps.grid().cols()));
        note.setText("");
        min.setText(ColorScale.value(maps.min()));
        max.setText(ColorScale.value(maps.max()));
        var image = job.models().explorer().getImage();
        var working = job.models().explorer().getWorking();
        if (working == null) return;
        for (int h = 0; h < maps.heads(); h++) {
            tiles.getChildren().add(new HeadTile(Messages.format("heads.tile", h + 1), maps, h, colors,
                    image == null ? null : image.image(), working, job.opacityProperty().get(), TILE));
        }
    }

    public TilePane tiles() {
        return tiles;
    }

    /** Head {@code h}'s map as drawn (1-based), one pixel per grid cell. */
    public WritableImage tileMap(int h) {
        return ((HeadTile) tiles.getChildren().get(h - 1)).map();
    }
}
