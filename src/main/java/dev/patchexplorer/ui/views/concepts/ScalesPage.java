package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.tradeoff.SwinArchitecture;
import dev.patchexplorer.core.tradeoff.SwinCosts;
import dev.patchexplorer.core.tradeoff.SwinPresets;
import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.io.LoadedImage;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.Image;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * "Several scales": the slider's patch size and its doublings (what a Swin's patch mergings make of
 * it) as nested grids over the working image, and a Swin-style partition of the finest grid into
 * M x M windows, shifted by floor(M / 2) on request, with the attention cost of one block inside the
 * windows against global attention over the same tokens, from {@link SwinCosts} with Swin-T's first
 * stage (width 96). Arithmetic only, on the FX thread.
 */
final class ScalesPage extends ConceptPage {
    static final String ID = "scales";
    private static final double PICTURE_W = 360;
    private static final double PICTURE_H = 300;
    /** Finest first: gold, cyan, magenta, as far apart as the heatmap's colours allow. */
    private static final Color[] LEVEL_COLOURS = {Color.rgb(255, 215, 0, 0.8), Color.rgb(0, 210, 255, 0.95), Color.rgb(255, 60, 200, 1)};
    private static final Color WINDOW_COLOUR = Color.rgb(255, 255, 255, 0.95);

    private final ExplorerViewModel explorer;
    private final Spinner<Integer> levels = new Spinner<>(2, 3, 3);
    private final Spinner<Integer> window = new Spinner<>(1, 16, 7);
    private final CheckBox shifted = new CheckBox();
    private final Canvas picture = new Canvas(PICTURE_W, PICTURE_H);
    private final Label status = new Label();
    private ConceptReadouts readouts;

    ScalesPage(ExplorerView frame) {
        super(ID);
        this.explorer = frame.model();
        levels.setId("concept-scales-levels");
        window.setId("concept-scales-window");
        window.setEditable(true);
        levels.setPrefWidth(80);
        window.setPrefWidth(80);
        shifted.setId("concept-scales-shifted");
        shifted.setText(Messages.get("concept.scales.shifted"));
        follow(explorer.workingProperty(), explorer.patchProperty(), explorer.imageProperty(), levels.valueProperty(),
                window.valueProperty(), shifted.selectedProperty());
    }

    @Override
    protected Region buildBody() {
        picture.setId("concept-scales-picture");
        GridPane controls = new GridPane();
        controls.setHgap(6);
        controls.setVgap(4);
        controls.addRow(0, name("concept.scales.levels"), levels);
        controls.addRow(1, name("concept.scales.window"), window);
        controls.add(shifted, 0, 2, 2, 1);
        readouts = new ConceptReadouts(ID, "grids", "windows", "shift", "windowCost", "globalCost", "ratio");
        status.setId("concept-scales-status");
        status.setWrapText(true);
        status.getStyleClass().add("hint");
        return new VBox(8, controls, picture, readouts, status);
    }

    private static Label name(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("readout-name");
        l.setWrapText(true);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    @Override
    protected void refresh() {
        LoadedImage image = explorer.getImage();
        WorkingResolution w = explorer.getWorking();
        int p = explorer.getPatch();
        if (image == null || w == null) {
            clear(Messages.get("concept.noImage"));
            return;
        }
        int rows = w.height() / p, cols = w.width() / p;
        if (rows == 0 || cols == 0) {
            clear(Messages.get("concept.scales.tooLarge"));
            return;
        }
        int m = window.getValue();
        int n = levels.getValue();
        StringJoiner grids = new StringJoiner("\n");
        for (int k = 0; k < n; k++) {
            int size = p << k;
            grids.add(Messages.format("concept.scales.gridOf", size, w.width() / size, w.height() / size));
        }
        SwinCosts costs = SwinCosts.of(firstStage(m, p), cols * p, rows * p, p);
        SwinCosts.Stage s = costs.stages().get(0);
        // as in Swin: a grid no larger than a window is one window, and then nothing is shifted
        boolean oneWindow = m >= Math.min(rows, cols);
        int shift = shifted.isSelected() && !oneWindow ? m / 2 : 0;
        readouts.set("grids", grids.toString());
        readouts.set("windows", Messages.format("concept.scales.windowsOf", s.windows(), s.window(), s.tokens()));
        readouts.set("shift", shift == 0 ? Messages.get(shifted.isSelected() ? "concept.scales.noShiftOneWindow" : "concept.scales.noShift")
                : Messages.format("concept.scales.shiftOf", shift, pieces(rows, s.window(), shift) * pieces(cols, s.window(), shift)));
        long windowMacs = s.attentionMacs() / s.blocks();
        long globalMacs = s.globalAttentionMacs() / s.blocks();
        readouts.set("windowCost", Messages.format("concept.scales.macsOf", Units.compact(windowMacs)));
        readouts.set("globalCost", Messages.format("concept.scales.macsOf", Units.compact(globalMacs)));
        readouts.set("ratio", String.format(Locale.ROOT, "%.1f×", globalMacs / (double) windowMacs));
        draw(image.image(), w, p, n, rows, cols, s.window(), shift);
        status.setText(Messages.format("concept.scales.note", s.width()));
    }

    /** Swin-T's first stage (width 96, 3 heads) with an M x M window, at the slider's patch. */
    static SwinArchitecture firstStage(int window, int patch) {
        SwinArchitecture t = SwinPresets.byName("swin_tiny_patch4_window7_224").orElseThrow();
        return new SwinArchitecture("swin stage 1", t.embedDim(), new int[] {t.depth(0)}, new int[] {t.heads(0)}, window,
                t.mlpRatio(), 0, t.channels(), patch, t.nativeSize());
    }

    /** Pieces a side of {@code length} patches falls into when window borders sit at M − shift, 2M − shift, ... */
    static int pieces(int length, int window, int shift) {
        int pieces = 1;
        for (int cut = window - shift; cut < length; cut += window) if (cut > 0) pieces++;
        return pieces;
    }

    private void draw(Image image, WorkingResolution w, int p, int levels, int rows, int cols, int m, int shift) {
        GraphicsContext g = picture.getGraphicsContext2D();
        g.clearRect(0, 0, PICTURE_W, PICTURE_H);
        double fit = Math.min(PICTURE_W / w.width(), PICTURE_H / w.height());
        g.setImageSmoothing(true);
        g.drawImage(image, 0, 0, w.width() * fit, w.height() * fit);
        g.setFill(Color.rgb(0, 0, 0, 0.25)); // the lines stand out on a slightly darker picture
        g.fillRect(0, 0, w.width() * fit, w.height() * fit);
        for (int k = 0; k < levels; k++) {
            double step = (p << k) * fit;
            if (step < 3) continue; // finer lines would be a solid sheet
            int c = w.width() / (p << k), r = w.height() / (p << k);
            g.setStroke(LEVEL_COLOURS[k]);
            g.setLineWidth(0.75 + k);
            for (int i = 0; i <= c; i++) g.strokeLine(i * step, 0, i * step, r * step);
            for (int j = 0; j <= r; j++) g.strokeLine(0, j * step, c * step, j * step);
        }
        // window borders over the finest grid, dashed so that they read apart from the grids
        double cell = p * fit;
        g.setStroke(WINDOW_COLOUR);
        g.setLineWidth(2.5);
        g.setLineDashes(6, 4);
        for (int x = m - shift; x < cols; x += m) if (x > 0) g.strokeLine(x * cell, 0, x * cell, rows * cell);
        for (int y = m - shift; y < rows; y += m) if (y > 0) g.strokeLine(0, y * cell, cols * cell, y * cell);
        g.strokeRect(0, 0, cols * cell, rows * cell);
        g.setLineDashes();
    }

    private void clear(String message) {
        picture.getGraphicsContext2D().clearRect(0, 0, PICTURE_W, PICTURE_H);
        readouts.clear();
        status.setText(message);
    }
}
