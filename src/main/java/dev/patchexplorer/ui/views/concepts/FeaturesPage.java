package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.core.classify.ImageNetLabels;
import dev.patchexplorer.core.features.FilterPictures;
import dev.patchexplorer.core.features.LogitLensTrack;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.AttentionBudget;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.probe.TokenProbe;
import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.ModelViewModel;
import dev.patchexplorer.ui.io.LoadedImage;
import dev.patchexplorer.ui.jobs.LatestJob;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * "Features": the cosine similarity of the chosen patch's token to every patch token after a chosen
 * block (click a patch on the image, or on the map), the loaded ViT's patch-embedding filters PI-resized
 * to the slider's size, and the logit lens (the class token after each block through the final norm
 * and the classifier). One pass per change of image, grid, mode or block; choosing another patch only
 * recomputes the map from the tokens kept from that pass.
 */
final class FeaturesPage extends ConceptPage {
    static final String ID = "features";
    /** Filters drawn: enough to see their kinds (edges, colours, blobs), few enough for the panel. */
    static final int FILTERS_SHOWN = 32;
    private static final double MAP_WIDTH = 220;
    private static final double FILTER_SIZE = 20;

    private final ExplorerViewModel explorer;
    private final ModelViewModel models;
    private final ObjectProperty<PatchMode> mode;
    private final LatestJob job;
    private final Spinner<Integer> block = new Spinner<>(0, 12, 6);
    private final ImageView map = new ImageView();
    private final TilePane filters = new TilePane(2, 2);
    private final Label filtersCaption = new Label();
    private final LensChart lensChart = new LensChart(360, 200, Messages.get("concept.features.axis.block"),
            Messages.get("concept.features.lens.answerLine"), Messages.get("concept.features.lens.top1Dots"));
    private final Tooltip lensTable = new Tooltip();
    private final Label status = new Label();
    private ConceptReadouts readouts;
    private ConceptReadouts lensReadouts;
    /** The last pass's tokens, reused while only the chosen patch changes; inference thread only. */
    private volatile Pass lastPass;

    /** What one pass depends on. */
    private record PassKey(ViTModel vit, RgbImage pixels, PatchGrid grid, PatchMode mode, int block) {
        boolean same(PassKey k) {
            return k != null && vit == k.vit && pixels == k.pixels && grid.equals(k.grid) && mode == k.mode && block == k.block;
        }
    }

    private record Pass(PassKey key, TokenProbe.Result probe, RgbImage cells) {}

    record Result(RgbImage picture, double[] similarity, int gridH, int gridW, int row, int col, boolean chosen, int block,
                  List<int[]> filterPixels, int filterPatch, int filterCount, LogitLensTrack lens, int classes) {}

    FeaturesPage(ExplorerView frame) {
        super(ID);
        this.explorer = frame.model();
        this.models = frame.models();
        this.mode = frame.attention().modeProperty();
        this.job = new LatestJob("concept " + ID, frame.inference().interactive(), Duration.ZERO, () -> { });
        job.onFailure(e -> clear(Messages.format("concept.error", String.valueOf(e.getMessage()))));
        block.setId("concept-features-block");
        block.setEditable(true);
        block.setPrefWidth(80);
        models.modelProperty().addListener((o, was, now) -> {
            if (now != null) {
                int depth = now.spec().depth();
                // a classifier's last blocks pool everything towards the class: its middle blocks still tell parts apart
                block.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, depth, depth / 2));
            }
        });
        follow(explorer.gridProperty(), explorer.imageProperty(), models.modelProperty(), mode,
                explorer.selectedPatchProperty(), block.valueProperty());
    }

    @Override
    protected Region buildBody() {
        map.setId("concept-features-map");
        map.setPreserveRatio(true);
        map.setSmooth(false);
        map.setFitWidth(MAP_WIDTH);
        map.setOnMouseClicked(e -> choose(e.getX(), e.getY()));
        HBox blockRow = new HBox(6, name("concept.features.block"), block);
        blockRow.setAlignment(Pos.CENTER_LEFT);
        VBox mapBox = new VBox(2, map, new SimilarityLegend(MAP_WIDTH, Messages.get("concept.features.legend")));
        readouts = new ConceptReadouts(ID, "patch", "nearest", "farthest", "meanSimilarity");
        filters.setId("concept-features-filters");
        filters.setPrefColumns(16); // 32 filters in two rows
        filters.setMaxWidth(Region.USE_PREF_SIZE);
        filters.setPrefTileWidth(FILTER_SIZE);
        filters.setPrefTileHeight(FILTER_SIZE);
        filtersCaption.setId("concept-features-filtersCaption");
        filtersCaption.getStyleClass().add("readout-name");
        filtersCaption.setWrapText(true);
        lensChart.setId("concept-features-lens");
        Tooltip.install(lensChart, lensTable);
        lensTable.setShowDelay(javafx.util.Duration.millis(200));
        lensReadouts = new ConceptReadouts(ID, "answer", "settled");
        status.setId("concept-features-status");
        status.setWrapText(true);
        status.getStyleClass().add("hint");
        return new VBox(8, blockRow, mapBox, readouts, status, filtersCaption, filters, lensChart, lensReadouts);
    }

    private static Label name(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("readout-name");
        return l;
    }

    /** A click on the map chooses that patch for the whole window, as a click on the image does. */
    private void choose(double x, double y) {
        PatchGrid g = explorer.getGrid();
        if (map.getImage() == null || g == null || g.isEmpty()) return;
        double shownW = map.getBoundsInLocal().getWidth(), shownH = map.getBoundsInLocal().getHeight();
        int col = Math.min(g.cols() - 1, (int) (x / shownW * g.cols()));
        int row = Math.min(g.rows() - 1, (int) (y / shownH * g.rows()));
        if (col >= 0 && row >= 0) explorer.selectedPatchProperty().set(row * g.cols() + col);
    }

    @Override
    protected void refresh() {
        LoadedImage image = explorer.getImage();
        WorkingResolution w = explorer.getWorking();
        PatchGrid grid = explorer.getGrid();
        ViTModel vit = models.getModel();
        if (image == null || w == null || grid == null || grid.isEmpty()) {
            clear(Messages.get("concept.noImage"));
            return;
        }
        if (vit == null) {
            clear(Messages.get("concept.needsVit"));
            return;
        }
        int selected = explorer.selectedPatchProperty().get();
        boolean chosen = selected >= 0 && selected < grid.patchCount();
        int row = chosen ? grid.row(selected) : grid.rows() / 2;
        int col = chosen ? grid.column(selected) : grid.cols() / 2;
        int b = Math.max(0, Math.min(vit.spec().depth(), block.getValue()));
        PassKey key = new PassKey(vit, image.pixels(), grid, mode.get(), b);
        status.setText(Messages.get("concept.working"));
        job.runNow(map.getImage() != null, superseded -> compute(key, w, row, col, chosen, superseded), this::show);
    }

    /** Off the FX thread: a pass unless the last one answers the same inputs, then the map for (row, col). */
    private Result compute(PassKey key, WorkingResolution w, int row, int col, boolean chosen, BooleanSupplier superseded)
            throws Exception {
        Pass pass = lastPass;
        if (pass == null || !key.same(pass.key())) {
            pass = run(key, w, superseded);
            lastPass = pass;
        }
        TokenProbe.Tokens tokens = pass.probe().tokens();
        double[] sim = tokens.similarityMap(row, col);
        RgbImage picture = SimilarityPicture.draw(pass.cells(), sim, tokens.gridH(), tokens.gridW(), row, col);
        ViTModel vit = key.vit();
        int p = key.grid().patch();
        int dim = vit.spec().dim();
        int shown = Math.min(FILTERS_SHOWN, dim);
        float[] kernel = vit.patchKernel(p);
        float[] first = new float[shown * 3 * p * p];
        System.arraycopy(kernel, 0, first, 0, first.length);
        List<int[]> filterPixels = List.of(FilterPictures.argb(first, shown, p));
        float[][] lens = pass.probe().lens();
        LogitLensTrack track = lens.length == 0 ? null : LogitLensTrack.of(lens);
        return new Result(picture, sim, tokens.gridH(), tokens.gridW(), row, col, chosen, key.block(), filterPixels, p, dim,
                track, vit.numClasses());
    }

    private static Pass run(PassKey key, WorkingResolution w, BooleanSupplier superseded) throws Exception {
        ViTModel vit = key.vit();
        PatchGrid grid = key.grid();
        vit.checkMemory(PassKind.LOGITS, grid.rows(), grid.cols(),
                new AttentionBudget.Setting(key.mode(), grid.patch(), w.width(), w.height()));
        InputPlan plan = GridInput.plan(key.mode(), grid, vit.spec().nativePatch());
        RgbImage working = FxPictures.working(key.pixels(), w);
        ChwImage input = GridInput.modelInput(working, grid, plan, vit.config().mean(), vit.config().std());
        TokenProbe.Result probe = TokenProbe.run(vit, input, plan.modelPatch(), key.block(), superseded);
        RgbImage cells = GridInput.pixels(working, grid, grid.patch(), GridInput.meanColour(vit.config().mean()));
        return new Pass(key, probe, cells);
    }

    private void show(Result r) {
        map.setImage(FxPictures.of(r.picture()));
        readouts.set("patch", Messages.format("concept.features.patchOf", r.row(), r.col(), r.block()));
        int self = r.row() * r.gridW() + r.col();
        int near = -1, far = -1;
        double sum = 0;
        for (int i = 0; i < r.similarity().length; i++) {
            if (i == self) continue;
            double s = r.similarity()[i];
            sum += s;
            if (near < 0 || s > r.similarity()[near]) near = i;
            if (far < 0 || s < r.similarity()[far]) far = i;
        }
        int others = r.similarity().length - 1;
        readouts.set("nearest", near < 0 ? "—" : cell(near, r.gridW(), r.similarity()[near]));
        readouts.set("farthest", far < 0 ? "—" : cell(far, r.gridW(), r.similarity()[far]));
        readouts.set("meanSimilarity", others == 0 ? "—" : cosine(sum / others));
        status.setText(Messages.get(r.chosen() ? "concept.features.chosen" : "concept.features.clickHint"));
        List<ImageView> views = new ArrayList<>();
        int[][] pictures = r.filterPixels().toArray(new int[0][]);
        for (int i = 0; i < pictures.length; i++) {
            ImageView v = new ImageView(FxPictures.of(new RgbImage(r.filterPatch(), r.filterPatch(), pictures[i])));
            v.setId("concept-features-filter-" + i);
            v.setFitWidth(FILTER_SIZE);
            v.setFitHeight(FILTER_SIZE);
            v.setSmooth(false);
            views.add(v);
        }
        filters.getChildren().setAll(views);
        filtersCaption.setText(Messages.format("concept.features.filtersOf", pictures.length, r.filterCount(), r.filterPatch()));
        showLens(r.lens(), r.classes());
    }

    private void showLens(LogitLensTrack track, int classes) {
        lensChart.show(track);
        if (track == null) {
            lensReadouts.clear();
            lensTable.setText(Messages.get("concept.features.noHead"));
            return;
        }
        lensReadouts.set("answer", Messages.format("concept.features.answerOf", label(track.answer(), classes),
                percent(track.answerProb()[track.depth() - 1])));
        lensReadouts.set("settled", Messages.format("concept.features.settledOf", track.settledFrom(), track.depth()));
        lensTable.setText(table(track, classes));
    }

    /** The tooltip's table: block, its top-1 label and probability, one line per block. */
    static String table(LogitLensTrack track, int classes) {
        StringBuilder s = new StringBuilder(Messages.get("concept.features.tableHead"));
        int[] top = track.top1();
        double[] p = track.top1Prob();
        for (int b = 0; b < track.depth(); b++) {
            s.append('\n').append(Messages.format("concept.features.tableRow", b + 1, label(top[b], classes), percent(p[b])));
        }
        return s.toString();
    }

    static String label(int index, int classes) {
        return ImageNetLabels.labelOf(index, classes);
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * p);
    }

    static String cosine(double c) {
        return String.format(Locale.ROOT, "%.3f", c);
    }

    private static String cell(int index, int gridW, double s) {
        return Messages.format("concept.features.cellOf", index / gridW, index % gridW, cosine(s));
    }

    /** The lens table as the tooltip shows it (for tests). */
    String lensTableText() {
        return lensTable.getText();
    }

    private void clear(String message) {
        job.cancel();
        map.setImage(null);
        filters.getChildren().clear();
        filtersCaption.setText("");
        lensChart.show(null);
        if (readouts != null) readouts.clear();
        if (lensReadouts != null) lensReadouts.clear();
        lensTable.setText("");
        status.setText(message);
    }
}
