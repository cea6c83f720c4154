package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.core.augment.RandomResizedCrop;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.io.LoadedImage;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.Image;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Data augmentation": seeded random-resized crops of the working image (torchvision's algorithm, its
 * scale and ratio ranges adjustable), each drawn with the slider's patch grid from its corner and the
 * number of whole patches it holds. Cheap enough for the FX thread: crops are boxes, drawn from the
 * image already on screen.
 */
final class AugmentationPage extends ConceptPage {
    static final String ID = "augment";
    static final int CROPS = 6;
    private static final double TILE_W = 172;
    private static final double TILE_H = 112;

    private final ExplorerViewModel explorer;
    private final Spinner<Double> scaleMin = decimal(0.01, 1.0, RandomResizedCrop.DEFAULTS.scaleMin(), 0.01, "scaleMin");
    private final Spinner<Double> scaleMax = decimal(0.01, 1.0, RandomResizedCrop.DEFAULTS.scaleMax(), 0.01, "scaleMax");
    private final Spinner<Double> ratioMin = decimal(0.1, 10.0, RandomResizedCrop.DEFAULTS.ratioMin(), 0.05, "ratioMin");
    private final Spinner<Double> ratioMax = decimal(0.1, 10.0, RandomResizedCrop.DEFAULTS.ratioMax(), 0.05, "ratioMax");
    private final Spinner<Integer> seed = new Spinner<>(0, 9999, 0);
    private final List<Canvas> tiles = new ArrayList<>();
    private final List<Label> captions = new ArrayList<>();
    private final Label status = new Label();
    private ConceptReadouts readouts;

    AugmentationPage(ExplorerView frame) {
        super(ID);
        this.explorer = frame.model();
        seed.setId("concept-augment-seed");
        seed.setEditable(true);
        seed.setPrefWidth(90);
        follow(explorer.gridProperty(), explorer.imageProperty(), scaleMin.valueProperty(), scaleMax.valueProperty(),
                ratioMin.valueProperty(), ratioMax.valueProperty(), seed.valueProperty());
    }

    private static Spinner<Double> decimal(double min, double max, double value, double step, String name) {
        Spinner<Double> s = new Spinner<>(min, max, value, step); // shown to 2 decimals, kept exact (4/3)
        s.setId("concept-augment-" + name);
        s.setEditable(true);
        s.setPrefWidth(90);
        return s;
    }

    @Override
    protected Region buildBody() {
        GridPane ranges = new GridPane();
        ranges.setHgap(6);
        ranges.setVgap(4);
        ranges.addRow(0, name("concept.augment.scale"), scaleMin, new Label("–"), scaleMax);
        ranges.addRow(1, name("concept.augment.ratio"), ratioMin, new Label("–"), ratioMax);
        ranges.addRow(2, name("concept.augment.seed"), seed);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        for (int i = 0; i < CROPS; i++) {
            Canvas c = new Canvas(TILE_W, TILE_H);
            c.setId("concept-augment-tile-" + i);
            Label caption = new Label();
            caption.setId("concept-augment-crop-" + i);
            caption.getStyleClass().add("readout-name");
            caption.setWrapText(true); // the size goes under the count rather than ending in "..."
            caption.setMaxWidth(TILE_W);
            tiles.add(c);
            captions.add(caption);
            grid.add(new VBox(2, c, caption), i % 2, i / 2);
        }
        readouts = new ConceptReadouts(ID, "image", "mean", "fallbacks");
        status.setId("concept-augment-status");
        status.setWrapText(true);
        status.getStyleClass().add("hint");
        VBox box = new VBox(8, ranges, grid, readouts, status);
        box.setPadding(new Insets(0));
        return box;
    }

    private static Label name(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("readout-name");
        return l;
    }

    @Override
    protected void refresh() {
        LoadedImage image = explorer.getImage();
        WorkingResolution w = explorer.getWorking();
        int patch = explorer.getPatch();
        if (image == null || w == null) {
            clear(Messages.get("concept.noImage"));
            return;
        }
        RandomResizedCrop rrc;
        try {
            rrc = new RandomResizedCrop(scaleMin.getValue(), scaleMax.getValue(), ratioMin.getValue(), ratioMax.getValue());
        } catch (IllegalArgumentException e) {
            clear(Messages.get("concept.augment.badRange"));
            return;
        }
        List<RandomResizedCrop.Crop> crops = rrc.samples(w.width(), w.height(), CROPS, seed.getValue());
        int total = 0;
        int fallbacks = 0;
        for (int i = 0; i < CROPS; i++) {
            RandomResizedCrop.Crop c = crops.get(i);
            draw(tiles.get(i), image.image(), w, c, patch);
            captions.get(i).setText(Messages.format(c.fallback() ? "concept.augment.cropFallback" : "concept.augment.cropOf",
                    c.wholePatches(patch), c.width(), c.height()));
            total += c.wholePatches(patch);
            if (c.fallback()) fallbacks++;
        }
        readouts.set("image", Messages.format("concept.augment.imageOf", (w.width() / patch) * (w.height() / patch),
                w.width(), w.height()));
        readouts.set("mean", String.format(Locale.ROOT, "%.1f", total / (double) CROPS));
        readouts.set("fallbacks", Messages.format("concept.augment.fallbacksOf", fallbacks, CROPS));
        status.setText(Messages.format("concept.augment.note", patch));
    }

    /** The crop scaled into the tile, its whole patches outlined from the crop's corner, the rest shaded. */
    private static void draw(Canvas tile, Image image, WorkingResolution w, RandomResizedCrop.Crop c, int patch) {
        GraphicsContext g = tile.getGraphicsContext2D();
        g.clearRect(0, 0, tile.getWidth(), tile.getHeight());
        double fit = Math.min(tile.getWidth() / c.width(), tile.getHeight() / c.height());
        double dw = c.width() * fit;
        double dh = c.height() * fit;
        double sx = image.getWidth() / w.width(); // the image on screen may be subsampled: its own scale
        double sy = image.getHeight() / w.height();
        g.setImageSmoothing(true);
        g.drawImage(image, c.x() * sx, c.y() * sy, c.width() * sx, c.height() * sy, 0, 0, dw, dh);
        int cols = c.width() / patch;
        int rows = c.height() / patch;
        double step = patch * fit;
        g.setFill(Color.rgb(0, 0, 0, 0.45)); // pixels in no whole patch
        g.fillRect(cols * step, 0, dw - cols * step, dh);
        g.fillRect(0, rows * step, cols * step, dh - rows * step);
        if (step >= 3) { // finer lines would hide the picture
            g.setStroke(Color.rgb(255, 215, 0, 0.85));
            g.setLineWidth(1);
            for (int i = 0; i <= cols; i++) g.strokeLine(i * step, 0, i * step, rows * step);
            for (int j = 0; j <= rows; j++) g.strokeLine(0, j * step, cols * step, j * step);
        }
    }

    private void clear(String message) {
        for (Canvas t : tiles) t.getGraphicsContext2D().clearRect(0, 0, t.getWidth(), t.getHeight());
        for (Label l : captions) l.setText("");
        readouts.clear();
        status.setText(message);
    }
}
