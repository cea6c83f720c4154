package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.core.augment.RandomCrop;
import dev.patchexplorer.core.augment.RandomResizedCrop;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.io.LoadedImage;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
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
 * "Data augmentation": seeded crops of the working image, either random-resized crops (torchvision's
 * algorithm, its scale and ratio ranges adjustable) or plain random crops (a fixed square size at a
 * random place, the image optionally padded first), each drawn with the slider's patch grid from its
 * corner and the number of whole patches it holds. Cheap enough for the FX thread: crops are boxes, drawn from the
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
    private final ComboBox<Mode> mode = new ComboBox<>();
    private final Spinner<Integer> cropSize = whole(1, 4096, 160, "size");
    private final Spinner<Integer> padding = whole(0, 512, 0, "padding");
    private final List<Node> resizedRows = new ArrayList<>();
    private final List<Node> fixedRows = new ArrayList<>();
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
        mode.setId("concept-augment-mode");
        mode.getItems().setAll(Mode.values());
        mode.setValue(Mode.RESIZED);
        mode.setCellFactory(l -> new ModeCell());
        mode.setButtonCell(new ModeCell());
        follow(explorer.gridProperty(), explorer.imageProperty(), scaleMin.valueProperty(), scaleMax.valueProperty(),
                ratioMin.valueProperty(), ratioMax.valueProperty(), seed.valueProperty(), mode.valueProperty(),
                cropSize.valueProperty(), padding.valueProperty());
    }

    /** The two torchvision crops the page draws. */
    enum Mode {
        RESIZED("concept.augment.modeResized"), FIXED("concept.augment.modeFixed");

        final String key;

        Mode(String key) {
            this.key = key;
        }
    }

    private static final class ModeCell extends ListCell<Mode> {
        @Override
        protected void updateItem(Mode m, boolean empty) {
            super.updateItem(m, empty);
            setText(empty || m == null ? null : Messages.get(m.key));
        }
    }

    private static Spinner<Integer> whole(int min, int max, int value, String name) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setId("concept-augment-" + name);
        s.setEditable(true);
        s.setPrefWidth(90);
        return s;
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
        ranges.add(name("concept.augment.mode"), 0, 0);
        ranges.add(mode, 1, 0, 3, 1);
        resizedRows.addAll(List.of(name("concept.augment.scale"), scaleMin, new Label("–"), scaleMax));
        ranges.addRow(1, resizedRows.toArray(Node[]::new));
        int before = resizedRows.size();
        resizedRows.addAll(List.of(name("concept.augment.ratio"), ratioMin, new Label("–"), ratioMax));
        ranges.addRow(2, resizedRows.subList(before, resizedRows.size()).toArray(Node[]::new));
        fixedRows.addAll(List.of(name("concept.augment.size"), cropSize));
        ranges.addRow(3, fixedRows.toArray(Node[]::new));
        before = fixedRows.size();
        fixedRows.addAll(List.of(name("concept.augment.padding"), padding));
        ranges.addRow(4, fixedRows.subList(before, fixedRows.size()).toArray(Node[]::new));
        ranges.addRow(5, name("concept.augment.seed"), seed);
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
        readouts = new ConceptReadouts(ID, "image", "mean", "meanImage", "fallbacks");
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
        boolean fixed = mode.getValue() == Mode.FIXED;
        resizedRows.forEach(n -> showRow(n, !fixed));
        fixedRows.forEach(n -> showRow(n, fixed));
        if (image == null || w == null) {
            clear(Messages.get("concept.noImage"));
            return;
        }
        if (fixed) {
            refreshFixed(image, w, patch);
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
            draw(tiles.get(i), image.image(), w, c.x(), c.y(), c.width(), c.height(), patch);
            captions.get(i).setText(Messages.format(c.fallback() ? "concept.augment.cropFallback" : "concept.augment.cropOf",
                    c.wholePatches(patch), c.width(), c.height()));
            total += c.wholePatches(patch);
            if (c.fallback()) fallbacks++;
        }
        readouts.set("image", Messages.format("concept.augment.imageOf", (w.width() / patch) * (w.height() / patch),
                w.width(), w.height()));
        readouts.set("mean", String.format(Locale.ROOT, "%.1f", total / (double) CROPS));
        readouts.set("fallbacks", Messages.format("concept.augment.fallbacksOf", fallbacks, CROPS));
        readouts.set("meanImage", String.format(Locale.ROOT, "%.1f", total / (double) CROPS)); // inside the image
        status.setText(Messages.format("concept.augment.note", patch));
    }

    /** Plain random crops: a fixed square at a random place in the padded image; no fallback to count. */
    private void refreshFixed(LoadedImage image, WorkingResolution w, int patch) {
        RandomCrop crop = new RandomCrop(cropSize.getValue(), padding.getValue());
        if (!crop.fits(w.width(), w.height())) {
            clear(Messages.format("concept.augment.tooLarge", crop.size(), w.width(), w.height(), crop.padding()));
            return;
        }
        List<RandomCrop.Box> boxes = crop.samples(w.width(), w.height(), CROPS, seed.getValue());
        int total = 0;
        int inImage = 0;
        for (int i = 0; i < CROPS; i++) {
            RandomCrop.Box b = boxes.get(i);
            draw(tiles.get(i), image.image(), w, b.x(), b.y(), b.size(), b.size(), patch);
            int clean = b.imagePatches(patch, w.width(), w.height());
            captions.get(i).setText(Messages.format("concept.augment.cropFixedOf", b.wholePatches(patch), clean, b.x(), b.y()));
            total += b.wholePatches(patch);
            inImage += clean;
        }
        readouts.set("image", Messages.format("concept.augment.imageOf", (w.width() / patch) * (w.height() / patch),
                w.width(), w.height()));
        readouts.set("mean", String.format(Locale.ROOT, "%.1f", total / (double) CROPS));
        readouts.set("fallbacks", "—");
        readouts.set("meanImage", String.format(Locale.ROOT, "%.1f", inImage / (double) CROPS));
        status.setText(Messages.format("concept.augment.noteFixed", patch, crop.size()));
    }

    private static void showRow(Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }

    /**
     * The crop box (x, y, cw, ch in working pixels) scaled into the tile, its whole patches outlined from
     * the crop's corner, the rest shaded. Any part of the box outside the image is the padding: black,
     * torchvision's default fill.
     */
    private static void draw(Canvas tile, Image image, WorkingResolution w, int x, int y, int cw, int ch, int patch) {
        GraphicsContext g = tile.getGraphicsContext2D();
        g.clearRect(0, 0, tile.getWidth(), tile.getHeight());
        double fit = Math.min(tile.getWidth() / cw, tile.getHeight() / ch);
        double dw = cw * fit;
        double dh = ch * fit;
        double sx = image.getWidth() / w.width(); // the image on screen may be subsampled: its own scale
        double sy = image.getHeight() / w.height();
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, dw, dh);
        int x0 = Math.max(x, 0);
        int y0 = Math.max(y, 0);
        int x1 = Math.min(x + cw, w.width());
        int y1 = Math.min(y + ch, w.height());
        g.setImageSmoothing(true);
        if (x1 > x0 && y1 > y0) {
            g.drawImage(image, x0 * sx, y0 * sy, (x1 - x0) * sx, (y1 - y0) * sy,
                    (x0 - x) * fit, (y0 - y) * fit, (x1 - x0) * fit, (y1 - y0) * fit);
        }
        int cols = cw / patch;
        int rows = ch / patch;
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
