package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.classify.TopK;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.position.ImageShift;
import dev.patchexplorer.core.position.PatchPermutation;
import dev.patchexplorer.core.position.ShiftedPatches;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.AttentionBudget;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.probe.Logits;
import dev.patchexplorer.model.probe.PermutationProbe;
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
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * "Where a patch is": a seeded jigsaw of the patches, once as tokens that keep their own position
 * embeddings (the logits stay, to float rounding: attention ignores order) and once as pixels under
 * position embeddings left in place (the logits change); then the picture moved k pixels right and
 * down under the same grid: which pixels change patch, and the top-5 before and after.
 */
final class PositionPage extends ConceptPage {
    static final String ID = "position";
    static final int TOP = 5;
    private static final double PICTURE_WIDTH = 220;

    /** Which picture is drawn. */
    enum Shown { ORIGINAL, SHUFFLED, SHIFTED }

    private final ExplorerViewModel explorer;
    private final ModelViewModel models;
    private final ObjectProperty<PatchMode> mode;
    private final LatestJob job;
    private final Spinner<Integer> seed = new Spinner<>(0, 9999, 0);
    private final Spinner<Integer> shift = new Spinner<>(-64, 64, 8);
    private final ToggleGroup pictureChoice = new ToggleGroup();
    private final ImageView picture = new ImageView();
    private final Label[] before = new Label[TOP];
    private final Label[] after = new Label[TOP];
    private final Label status = new Label();
    private ConceptReadouts readouts;
    private Result shown;

    record Result(RgbImage original, RgbImage shuffled, RgbImage shifted, PermutationProbe.Result probe, float[] shiftedLogits,
                  ShiftedPatches.Count moved, int patch, int shift) {}

    PositionPage(ExplorerView frame) {
        super(ID);
        this.explorer = frame.model();
        this.models = frame.models();
        this.mode = frame.attention().modeProperty();
        this.job = new LatestJob("concept " + ID, frame.inference().interactive(), Duration.ZERO, () -> { });
        job.onFailure(e -> clear(Messages.format("concept.error", String.valueOf(e.getMessage()))));
        for (Spinner<Integer> s : List.of(seed, shift)) {
            s.setEditable(true);
            s.setPrefWidth(90);
        }
        seed.setId("concept-position-seed");
        shift.setId("concept-position-shift");
        follow(explorer.gridProperty(), explorer.imageProperty(), models.modelProperty(), mode, seed.valueProperty(),
                shift.valueProperty());
    }

    @Override
    protected Region buildBody() {
        HBox choices = new HBox(4);
        for (Shown s : Shown.values()) {
            ToggleButton b = new ToggleButton(Messages.get("concept.position.show." + s.name().toLowerCase(Locale.ROOT)));
            b.setId("concept-position-show-" + s.name().toLowerCase(Locale.ROOT));
            b.setUserData(s);
            b.setToggleGroup(pictureChoice);
            choices.getChildren().add(b);
        }
        pictureChoice.selectToggle(pictureChoice.getToggles().get(Shown.SHUFFLED.ordinal()));
        pictureChoice.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) pictureChoice.selectToggle(was); // one is always shown
            else drawPicture();
        });
        picture.setId("concept-position-picture");
        picture.setPreserveRatio(true);
        picture.setSmooth(false);
        picture.setFitWidth(PICTURE_WIDTH);
        GridPane controls = new GridPane();
        controls.setHgap(6);
        controls.setVgap(4);
        controls.addRow(0, name("concept.position.seed"), seed);
        controls.addRow(1, name("concept.position.shiftBy"), shift);
        readouts = new ConceptReadouts(ID, "plain", "kept", "shuffled", "moved", "interior", "shifted");
        GridPane table = new GridPane();
        table.setHgap(10);
        table.setVgap(2);
        table.addRow(0, name("concept.position.before"), name("concept.position.after"));
        for (int i = 0; i < TOP; i++) {
            before[i] = cell("concept-position-before-" + i);
            after[i] = cell("concept-position-after-" + i);
            table.addRow(i + 1, before[i], after[i]);
        }
        status.setId("concept-position-status");
        status.setWrapText(true);
        status.getStyleClass().add("hint");
        VBox body = new VBox(8, controls, choices, picture, readouts, table, status);
        body.setAlignment(Pos.TOP_LEFT);
        return body;
    }

    private static Label name(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("readout-name");
        l.setWrapText(true);
        return l;
    }

    private static Label cell(String id) {
        Label l = new Label("—");
        l.setId(id);
        l.getStyleClass().add("readout-value");
        l.setMaxWidth(180);
        return l;
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
        if (vit.numClasses() == 0) {
            clear(Messages.get("concept.position.noHead"));
            return;
        }
        PatchMode m = mode.get();
        RgbImage pixels = image.pixels();
        long s = seed.getValue();
        int k = shift.getValue();
        status.setText(Messages.get("concept.working"));
        job.runNow(shown != null, superseded -> compute(vit, pixels, w, grid, m, s, k, superseded), this::show);
    }

    /** Off the FX thread: three passes for the jigsaw and one for the shift. */
    static Result compute(ViTModel vit, RgbImage pixels, WorkingResolution w, PatchGrid grid, PatchMode m, long seed, int k,
                          BooleanSupplier superseded) throws Exception {
        vit.checkMemory(PassKind.LOGITS, grid.rows(), grid.cols(), new AttentionBudget.Setting(m, grid.patch(), w.width(), w.height()));
        InputPlan plan = GridInput.plan(m, grid, vit.spec().nativePatch());
        float[] mean = vit.config().mean(), std = vit.config().std();
        int fill = GridInput.meanColour(mean);
        RgbImage working = FxPictures.working(pixels, w);
        PermutationProbe.Result probe = PermutationProbe.run(vit, GridInput.modelInput(working, grid, plan, mean, std),
                plan.modelPatch(), seed, superseded);
        if (superseded.getAsBoolean()) return null;
        RgbImage cells = GridInput.pixels(working, grid, plan.modelPatch(), fill);
        RgbImage moved = ImageShift.shift(working, k, k, fill);
        float[] shifted = vit.logits(GridInput.modelInput(moved, grid, plan, mean, std), plan.modelPatch());
        int p = grid.patch();
        return new Result(cells, PatchPermutation.pixels(cells, plan.modelPatch(), probe.order()),
                GridInput.pixels(tinted(moved, p, k), grid, plan.modelPatch(), fill), probe, shifted,
                ShiftedPatches.count(working.width(), working.height(), p, k, k), p, k);
    }

    /** The moved picture with the pixels that changed patch washed orange. */
    private static RgbImage tinted(RgbImage moved, int patch, int k) {
        int w = moved.width(), h = moved.height();
        int[] out = moved.argb().clone();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!ShiftedPatches.changedAt(x, y, w, h, patch, k, k)) continue;
                int c = out[y * w + x];
                int r = ((c >> 16) & 0xff) / 2 + 127, g = ((c >> 8) & 0xff) / 2 + 50, b = (c & 0xff) / 3;
                out[y * w + x] = 0xff000000 | r << 16 | g << 8 | b;
            }
        }
        return new RgbImage(w, h, out);
    }

    private void show(Result r) {
        shown = r;
        drawPicture();
        PermutationProbe.Result p = r.probe();
        List<Prediction> plain = TopK.of(p.plain(), TOP);
        readouts.set("plain", prediction(plain.get(0)));
        int keptShared = shared(p.plain(), p.keepingPositions());
        readouts.set("kept", Messages.format(keptShared == TOP ? "concept.position.sameTop" : "concept.position.changedTop",
                keptShared, logit(p.keepingPositionsDifference())));
        readouts.set("shuffled", Messages.format("concept.position.sharedOf", shared(p.plain(), p.shuffledPixels()),
                prediction(TopK.of(p.shuffledPixels(), 1).get(0)), logit(p.shuffledPixelsDifference())));
        readouts.set("moved", Messages.format("concept.position.movedOf", r.moved().changed(), r.moved().kept(),
                percent(r.moved().fraction())));
        readouts.set("interior", Messages.format("concept.position.interiorOf", Math.abs(r.shift()), r.patch(),
                percent(ShiftedPatches.interiorFraction(r.patch(), r.shift(), r.shift()))));
        readouts.set("shifted", Messages.format("concept.position.sharedOf", shared(p.plain(), r.shiftedLogits()),
                prediction(TopK.of(r.shiftedLogits(), 1).get(0)), logit(Logits.maxAbsDifference(p.plain(), r.shiftedLogits()))));
        List<Prediction> moved = TopK.of(r.shiftedLogits(), TOP);
        for (int i = 0; i < TOP; i++) {
            before[i].setText(prediction(plain.get(i)));
            after[i].setText(prediction(moved.get(i)));
        }
        status.setText(Messages.get("concept.position.note"));
    }

    private void drawPicture() {
        Result r = shown;
        if (r == null || pictureChoice.getSelectedToggle() == null) {
            picture.setImage(null);
            return;
        }
        RgbImage img = switch ((Shown) pictureChoice.getSelectedToggle().getUserData()) {
            case ORIGINAL -> r.original();
            case SHUFFLED -> r.shuffled();
            case SHIFTED -> r.shifted();
        };
        picture.setImage(FxPictures.of(img));
    }

    /** How many of a's top-5 classes are among b's. */
    static int shared(float[] a, float[] b) {
        Set<Integer> first = new HashSet<>();
        for (Prediction p : TopK.of(a, TOP)) first.add(p.index());
        int n = 0;
        for (Prediction p : TopK.of(b, TOP)) if (first.contains(p.index())) n++;
        return n;
    }

    static String prediction(Prediction p) {
        return Messages.format("concept.position.predictionOf", p.label(), percent(p.probability()));
    }

    static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    /** Rounding-sized differences in scientific notation, real ones with two decimals. */
    static String logit(double d) {
        return String.format(Locale.ROOT, d < 0.01 ? "%.1e" : "%.2f", d);
    }

    private void clear(String message) {
        job.cancel();
        shown = null;
        picture.setImage(null);
        if (readouts != null) readouts.clear();
        for (int i = 0; i < TOP; i++) {
            if (before[i] != null) before[i].setText("—");
            if (after[i] != null) after[i].setText("—");
        }
        status.setText(message);
    }
}
