package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.classify.TopK;
import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.masking.BlockMasking;
import dev.patchexplorer.core.masking.CoarseMasking;
import dev.patchexplorer.core.masking.MaskedCompute;
import dev.patchexplorer.core.masking.PatchMask;
import dev.patchexplorer.core.masking.RandomMasking;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.tradeoff.VitArchitecture;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.AttentionBudget;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.ModelViewModel;
import dev.patchexplorer.ui.io.LoadedImage;
import dev.patchexplorer.ui.jobs.LatestJob;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.image.Image;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * "Masked modelling": a seeded mask over the slider's grid (MAE's random masking, BEiT's blocks or
 * SimMIM's 32 px units), the masked patches greyed on the picture, the visible-token count, the
 * encoder compute MAE saves by not seeing the masked patches, and the loaded ViT's top-5 with the
 * masked tokens dropped from its input beside its top-1 on every patch. The mask is cheap and drawn
 * on the FX thread; the two passes run on the inference thread.
 */
final class MaskingPage extends ConceptPage {
    static final String ID = "masking";
    /** SimMIM's mask unit in working-image pixels. */
    static final int SIMMIM_UNIT = 32;
    private static final double PICTURE_W = 360;
    private static final double PICTURE_H = 300;

    enum Kind { RANDOM, BLOCK, COARSE }

    private final ExplorerViewModel explorer;
    private final ModelViewModel models;
    private final ObjectProperty<PatchMode> mode;
    private final LatestJob job;
    private final Slider ratio = new Slider(0, 95, 75);
    private final Label ratioValue = new Label();
    private final ComboBox<Kind> kind = new ComboBox<>();
    private final Spinner<Integer> seed = new Spinner<>(0, 9999, 0);
    private final Canvas picture = new Canvas(PICTURE_W, PICTURE_H);
    private final Label status = new Label();
    /** Full width, under the readouts: class names are long and a narrow column would break each line. */
    private final Label top = value("top");
    private final Label allTop = value("allTop");
    private ConceptReadouts readouts;

    record Top(List<Prediction> kept, List<Prediction> all) {}

    MaskingPage(ExplorerView frame) {
        super(ID);
        this.explorer = frame.model();
        this.models = frame.models();
        this.mode = frame.attention().modeProperty();
        this.job = backgroundJob(frame.inference().interactive(), e -> {
            clearTop();
            status.setText(Messages.format("concept.error", String.valueOf(e.getMessage())));
        });
        ratio.setId("concept-masking-ratio");
        ratio.setMajorTickUnit(5);
        ratio.setMinorTickCount(0);
        ratio.setSnapToTicks(true);
        ratio.setBlockIncrement(5);
        ratio.setPrefWidth(180);
        ratioValue.textProperty().bind(ratio.valueProperty().asString(Locale.ROOT, "%.0f %%"));
        ratioValue.setId("concept-masking-ratioValue");
        kind.setId("concept-masking-kind");
        kind.getItems().setAll(Kind.values());
        kind.setCellFactory(l -> new KindCell());
        kind.setButtonCell(new KindCell());
        kind.setValue(Kind.RANDOM);
        seed.setId("concept-masking-seed");
        seed.setEditable(true);
        seed.setPrefWidth(90);
        follow(explorer.gridProperty(), explorer.imageProperty(), explorer.architectureProperty(), models.modelProperty(),
                mode, kind.valueProperty(), seed.valueProperty());
        // a drag reports every step: the mask follows at once, the model only once the thumb is let go
        ratio.valueProperty().addListener(x -> {
            if (!ratio.isValueChanging()) changed();
            else if (shownProperty().get() && readouts != null) update(false);
        });
        ratio.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) changed();
        });
    }

    @Override
    protected Region buildBody() {
        picture.setId("concept-masking-picture");
        GridPane controls = new GridPane();
        controls.setHgap(6);
        controls.setVgap(4);
        HBox ratioRow = new HBox(6, ratio, ratioValue);
        ratioRow.setAlignment(Pos.CENTER_LEFT);
        controls.addRow(0, name("concept.masking.ratio"), ratioRow);
        controls.addRow(1, name("concept.masking.kind"), kind);
        controls.addRow(2, name("concept.masking.seed"), seed);
        readouts = new ConceptReadouts(ID, "grid", "masked", "visible", "compute", "saved");
        status.setId("concept-masking-status");
        status.setWrapText(true);
        status.getStyleClass().add("hint");
        VBox predictions = new VBox(2, name("concept.masking.top"), top, name("concept.masking.allTop"), allTop);
        return new VBox(8, controls, picture, readouts, predictions, status);
    }

    private static Label value(String name) {
        Label l = new Label("—");
        l.setId("concept-" + ID + "-" + name);
        l.getStyleClass().add("readout-value");
        l.setWrapText(true);
        return l;
    }

    private void clearTop() {
        top.setText("—");
        allTop.setText("—");
    }

    private static Label name(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("readout-name");
        return l;
    }

    /** The ratio as a fraction, on the slider's 5 % steps. */
    double ratio() {
        return Math.round(ratio.getValue()) / 100.0;
    }

    @Override
    protected void refresh() {
        update(true);
    }

    /** The mask, picture and counts; with {@code classify} also the model's passes. */
    private void update(boolean classify) {
        LoadedImage image = explorer.getImage();
        WorkingResolution w = explorer.getWorking();
        PatchGrid grid = explorer.getGrid();
        VitArchitecture a = explorer.architectureProperty().get();
        if (image == null || w == null || grid == null || grid.isEmpty() || a == null) {
            job.cancel();
            clear(Messages.get("concept.noImage"));
            return;
        }
        double r = ratio();
        int unitPatches = Math.max(1, (int) Math.round(SIMMIM_UNIT / (double) grid.stride()));
        PatchMask mask = mask(kind.getValue(), grid.rows(), grid.cols(), r, unitPatches, seed.getValue());
        draw(image.image(), w, grid, mask);
        readouts.set("grid", Messages.format("concept.masking.gridOf", grid.cols(), grid.rows(), grid.patchCount()));
        readouts.set("masked", maskedText(kind.getValue(), mask, grid, r, unitPatches));
        MaskedCompute c = MaskedCompute.of(a, mask);
        readouts.set("visible", Messages.format("concept.masking.visibleOf", c.visibleTokens(), c.fullTokens()));
        readouts.set("compute", Messages.format("concept.masking.computeOf", Units.giga(c.visibleEncoderMacs()),
                Units.giga(c.fullEncoderMacs()), a.name()));
        readouts.set("saved", Units.percent(c.savedFraction()));
        if (classify) classify(image, w, grid, mask);
    }

    static PatchMask mask(Kind kind, int rows, int cols, double ratio, int unitPatches, long seed) {
        return switch (kind) {
            case RANDOM -> RandomMasking.generate(rows, cols, ratio, seed);
            case BLOCK -> BlockMasking.generate(rows, cols, ratio, seed).mask();
            case COARSE -> CoarseMasking.generateOnGrid(rows, cols, unitPatches, ratio, seed);
        };
    }

    private static String maskedText(Kind kind, PatchMask mask, PatchGrid grid, double ratio, int unitPatches) {
        return switch (kind) {
            case RANDOM -> Messages.format("concept.masking.maskedOf", mask.maskedCount(), mask.patches());
            case BLOCK -> {
                int target = (int) Math.round(ratio * mask.patches());
                yield mask.maskedCount() == target
                        ? Messages.format("concept.masking.maskedOf", mask.maskedCount(), mask.patches())
                        : Messages.format("concept.masking.maskedShort", mask.maskedCount(), mask.patches(), target);
            }
            case COARSE -> {
                int unitRows = (grid.rows() + unitPatches - 1) / unitPatches;
                int unitCols = (grid.cols() + unitPatches - 1) / unitPatches;
                yield Messages.format("concept.masking.maskedUnits", mask.maskedCount(), mask.patches(),
                        CoarseMasking.maskedUnits(unitRows * unitCols, ratio), unitRows * unitCols,
                        unitPatches * grid.stride(), unitPatches);
            }
        };
    }

    /** The loaded ViT on the visible patches only, and on all of them; without a ViT, a note. */
    private void classify(LoadedImage image, WorkingResolution w, PatchGrid grid, PatchMask mask) {
        ViTModel vit = models.getModel();
        if (vit == null || vit.numClasses() == 0) {
            job.cancel();
            clearTop();
            status.setText(Messages.get("concept.masking.needsClassifier"));
            return;
        }
        if (mask.visibleCount() == 0) {
            job.cancel();
            clearTop();
            status.setText(Messages.get("concept.masking.nothingVisible"));
            return;
        }
        int[] kept = mask.visibleIndices();
        PatchMode m = mode.get();
        RgbImage pixels = image.pixels();
        status.setText(Messages.get("concept.working"));
        job.runNow(false, superseded -> {
            vit.checkMemory(PassKind.LOGITS, grid.rows(), grid.cols(),
                    new AttentionBudget.Setting(m, grid.patch(), w.width(), w.height()));
            InputPlan plan = GridInput.plan(m, grid, vit.spec().nativePatch());
            ChwImage input = GridInput.modelInput(FxPictures.working(pixels, w), grid, plan,
                    vit.config().mean(), vit.config().std());
            List<Prediction> keptTop = TopK.of(vit.logitsOfKept(input, plan.modelPatch(), kept), 5);
            if (superseded.getAsBoolean()) return null;
            return new Top(keptTop, TopK.of(vit.logits(input, plan.modelPatch()), 1));
        }, this::show);
    }

    private void show(Top t) {
        top.setText(topText(t.kept()));
        allTop.setText(topText(t.all()));
        Prediction kept = t.kept().get(0);
        status.setText(Messages.get(kept.index() == t.all().get(0).index()
                ? "concept.masking.sameTop" : "concept.masking.otherTop"));
    }

    /** One line per class: "tabby, tabby cat  43.2 %". */
    static String topText(List<Prediction> top) {
        StringJoiner lines = new StringJoiner("\n");
        for (Prediction p : top) lines.add(p.label() + "  " + Units.percent(p.probability()));
        return lines.toString();
    }

    /** The working image fitted into the picture, each masked cell greyed over. */
    private void draw(Image image, WorkingResolution w, PatchGrid grid, PatchMask mask) {
        GraphicsContext g = picture.getGraphicsContext2D();
        g.clearRect(0, 0, PICTURE_W, PICTURE_H);
        double fit = Math.min(PICTURE_W / w.width(), PICTURE_H / w.height());
        g.setImageSmoothing(true);
        g.drawImage(image, 0, 0, w.width() * fit, w.height() * fit);
        g.setFill(Color.rgb(128, 128, 128, 0.88));
        int p = grid.patch();
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.cols(); c++) {
                if (!mask.isMasked(r, c)) continue;
                g.fillRect(grid.cellX(c) * fit, grid.cellY(r) * fit, p * fit, p * fit);
            }
        }
        if (p * fit >= 4) { // finer lines would hide the picture
            g.setStroke(Color.rgb(255, 255, 255, 0.35));
            g.setLineWidth(0.5);
            for (int r = 0; r < grid.rows(); r++) {
                for (int c = 0; c < grid.cols(); c++) g.strokeRect(grid.cellX(c) * fit, grid.cellY(r) * fit, p * fit, p * fit);
            }
        }
    }

    private void clear(String message) {
        picture.getGraphicsContext2D().clearRect(0, 0, PICTURE_W, PICTURE_H);
        readouts.clear();
        clearTop();
        status.setText(message);
    }

    private static final class KindCell extends ListCell<Kind> {
        @Override
        protected void updateItem(Kind k, boolean empty) {
            super.updateItem(k, empty);
            setText(empty || k == null ? null : Messages.get("concept.masking.kind." + k.name().toLowerCase(Locale.ROOT)));
        }
    }
}
