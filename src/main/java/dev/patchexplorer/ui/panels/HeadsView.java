package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.color.ColorMap;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.AllHeads;
import dev.patchexplorer.ui.inference.AllHeadsJob;
import dev.patchexplorer.ui.inference.AttentionJob;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Small multiples: one query token's attention (the class token's, or the clicked patch's) in every
 * head of every layer, layers down and heads across. The tiles grow with the window: their size is
 * the room left by the labels and legend, divided among the columns and the rows. Faded while a newer
 * pass is computed.
 */
public final class HeadsView extends VBox {
    /** Tiles never shrink below this; past it the window's scroll bars take over. */
    static final double MIN_TILE = 28;
    static final double GAP = 4;

    private final AllHeadsJob job;
    private final AttentionJob attention;
    private final GridPane tiles = new GridPane();
    private final Label title = new Label();
    private final Label note = new Label();
    private final Region gradient = new Region();
    private final Label min = new Label();
    private final Label max = new Label();
    private final HBox top;
    private final VBox legend;
    private double tileSize;

    public HeadsView(AllHeadsJob job, AttentionJob attention) {
        super(10);
        this.job = job;
        this.attention = attention;
        setId("heads-view");
        setPadding(new Insets(12));

        ToggleGroup query = new ToggleGroup();
        RadioButton cls = new RadioButton(Messages.get("heads.query.classToken"));
        cls.setId("heads-query-class");
        cls.setToggleGroup(query);
        RadioButton patch = new RadioButton(Messages.get("heads.query.patch"));
        patch.setId("heads-query-patch");
        patch.setToggleGroup(query);
        (job.queryProperty().get() == AllHeadsJob.Query.CLASS_TOKEN ? cls : patch).setSelected(true);
        query.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) job.queryProperty().set(now == cls ? AllHeadsJob.Query.CLASS_TOKEN : AllHeadsJob.Query.CLICKED_PATCH);
        });
        job.queryProperty().addListener((o, was, now) -> (now == AllHeadsJob.Query.CLASS_TOKEN ? cls : patch).setSelected(true));
        title.setId("heads-title");
        title.setWrapText(true);
        top = new HBox(12, cls, patch, title);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(title, Priority.ALWAYS);

        tiles.setId("heads-tiles");
        tiles.setHgap(GAP);
        tiles.setVgap(GAP);
        tiles.opacityProperty().bind(javafx.beans.binding.Bindings.when(job.staleProperty()).then(0.35).otherwise(1.0));

        gradient.setId("heads-gradient");
        gradient.setPrefHeight(12);
        gradient.setMinHeight(12); // the tiles take the room; the scale must not be squeezed to a line
        gradient.setMaxWidth(Double.MAX_VALUE);
        min.setText(Messages.get("heads.low"));
        max.setText(Messages.get("heads.high"));
        BorderPane range = new BorderPane();
        range.setLeft(min);
        range.setRight(max);
        Label scaleNote = new Label(Messages.get("heads.layerScale"));
        scaleNote.getStyleClass().add("hint");
        scaleNote.setWrapText(true);
        note.setId("heads-note");
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        legend = new VBox(2, gradient, range, scaleNote, note);
        legend.setMaxWidth(Double.MAX_VALUE);

        getChildren().addAll(top, tiles, legend);
        job.headsProperty().addListener(x -> refresh());
        job.noteProperty().addListener(x -> refresh());
        attention.colorMapProperty().addListener(x -> refresh());
        attention.opacityProperty().addListener(x -> refresh());
        widthProperty().addListener(x -> resized());
        heightProperty().addListener(x -> resized());
        refresh();
    }

    /**
     * The longer side of one tile for {@code width} x {@code height} of room, {@code layers} rows and
     * {@code heads} columns, after the row labels, the header row, the gaps and (vertically) {@code reserved}
     * for the controls and legend. A tile is the photo's shape: its width is {@code shareW} of the longer
     * side and its height {@code shareH} (1 for the longer one). The smaller of the two fits wins, at least
     * {@link #MIN_TILE}.
     */
    static double tileSize(double width, double height, double reserved, double labelWidth, double headerHeight,
                           int layers, int heads, double shareW, double shareH) {
        if (layers <= 0 || heads <= 0) return MIN_TILE;
        double across = (width - labelWidth - GAP * heads) / heads / shareW;
        double down = (height - reserved - headerHeight - GAP * layers) / layers / shareH;
        return Math.max(MIN_TILE, Math.floor(Math.min(across, down)));
    }

    private double wantedTileSize(AllHeads heads) {
        Insets pad = getPadding();
        double w = getWidth() - pad.getLeft() - pad.getRight();
        double h = getHeight() - pad.getTop() - pad.getBottom();
        double reserved = top.prefHeight(w) + legend.prefHeight(w) + 2 * getSpacing();
        // measured in the font the window's labels have (a Label outside the scene has no skin, so no size)
        javafx.scene.text.Text probe = new javafx.scene.text.Text(Messages.format("heads.layer", heads.layers()));
        probe.setFont(title.getFont());
        double labelWidth = Math.ceil(probe.getLayoutBounds().getWidth()) + 2 * GAP;
        double headerHeight = Math.ceil(probe.getLayoutBounds().getHeight()) + GAP;
        var working = job.models().explorer().getWorking();
        double longer = working == null ? 1 : Math.max(working.originalWidth(), working.originalHeight());
        double shareW = working == null ? 1 : working.originalWidth() / longer;
        double shareH = working == null ? 1 : working.originalHeight() / longer;
        return tileSize(w, h, reserved, labelWidth, headerHeight, heads.layers(), heads.heads(), shareW, shareH);
    }

    private void resized() {
        AllHeads heads = job.getHeads();
        if (heads == null || getWidth() <= 0) return;
        if (Math.abs(wantedTileSize(heads) - tileSize) >= 2) refresh();
    }

    private void refresh() {
        AllHeads heads = job.getHeads();
        ColorMap colors = attention.colorMapProperty().get();
        gradient.setBackground(ColorScale.bar(colors));
        tiles.getChildren().clear();
        if (heads == null) {
            title.setText("");
            String why = job.noteProperty().get();
            note.setText(!why.isEmpty() ? why : Messages.get(job.models().getModel() == null ? "attention.model.none" : "heads.waiting"));
            return;
        }
        title.setText(heads.classToken()
                ? Messages.format("heads.title.classToken", heads.layers(), heads.heads(), heads.grid().rows(), heads.grid().cols())
                : Messages.format("heads.title.patch", heads.queryRow(), heads.queryCol(), heads.layers(), heads.heads()));
        note.setText("");
        var image = job.models().explorer().getImage();
        var working = job.models().explorer().getWorking();
        if (working == null) return;
        tileSize = getWidth() > 0 ? wantedTileSize(heads) : 120;
        for (int h = 0; h < heads.heads(); h++) {
            Label name = new Label(Messages.format("heads.tile", h + 1));
            name.setId("heads-column-" + (h + 1));
            GridPane.setHalignment(name, javafx.geometry.HPos.CENTER);
            tiles.add(name, h + 1, 0);
        }
        for (int l = 0; l < heads.layers(); l++) {
            Label layer = new Label(Messages.format("heads.layer", l + 1));
            layer.setId("heads-row-" + (l + 1));
            layer.setMinWidth(Region.USE_PREF_SIZE);
            GridPane.setValignment(layer, VPos.CENTER);
            tiles.add(layer, 0, l + 1);
            for (int h = 0; h < heads.heads(); h++) {
                tiles.add(new HeadTile("head-map-" + (l + 1) + "-" + (h + 1), heads.normalised(l, h), heads.grid(), colors,
                        image == null ? null : image.image(), working, attention.opacityProperty().get(), tileSize), h + 1, l + 1);
            }
        }
    }

    /** The pass behind the tiles. */
    public AllHeadsJob job() {
        return job;
    }

    public GridPane tiles() {
        return tiles;
    }

    /** How many map tiles the grid holds (labels not counted). */
    public int tileCount() {
        return (int) tiles.getChildren().stream().filter(n -> n instanceof HeadTile).count();
    }

    /** The side of a tile as last laid out. */
    public double tileSize() {
        return tileSize;
    }

    /** Layer {@code layer}'s head {@code head} as drawn (both 1-based), one pixel per grid cell. */
    public WritableImage tileMap(int layer, int head) {
        return ((HeadTile) tiles.lookup("#head-map-" + layer + "-" + head)).map();
    }
}
