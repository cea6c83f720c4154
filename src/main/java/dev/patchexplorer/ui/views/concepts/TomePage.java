package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.classify.TopK;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.tome.MergeSchedule;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.tradeoff.VitArchitecture;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.AttentionBudget;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.probe.Logits;
import dev.patchexplorer.model.probe.TokenMergingProbe;
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
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * "Token merging (ToMe)": r tokens merged per block inside the loaded ViT (bipartite matching on the
 * keys, proportional attention), which patches ended in one token (a colour per merged group over the
 * image), the tokens entering each block (they follow {@link MergeSchedule}), the encoder's GMACs from the
 * schedule against the unmerged model's, and the top-5 merged against unmerged.
 */
final class TomePage extends ConceptPage {
    static final String ID = "tome";
    static final int TOP = 5;
    private static final double PICTURE_WIDTH = 220;

    private final ExplorerViewModel explorer;
    private final ModelViewModel models;
    private final ObjectProperty<PatchMode> mode;
    private final LatestJob job;
    private final Spinner<Integer> r = new Spinner<>(0, 500, 13);
    private final ImageView picture = new ImageView();
    private final TokenCountChart chart = new TokenCountChart(360, 150, Messages.get("concept.tome.axis.block"));
    private final Label[] merged = new Label[TOP];
    private final Label[] plain = new Label[TOP];
    private final Label status = new Label();
    private ConceptReadouts readouts;
    private boolean hasResult;

    record Result(RgbImage picture, TokenMergingProbe.Result probe, float[] plainLogits, MergeSchedule schedule,
                  long macs, long plainMacs, int groups, int patchesInGroups) {}

    TomePage(ExplorerView frame) {
        super(ID);
        this.explorer = frame.model();
        this.models = frame.models();
        this.mode = frame.attention().modeProperty();
        this.job = new LatestJob("concept " + ID, frame.inference().interactive(), Duration.ZERO, () -> { });
        job.onFailure(e -> clear(Messages.format("concept.error", String.valueOf(e.getMessage()))));
        r.setId("concept-tome-r");
        r.setEditable(true);
        r.setPrefWidth(90);
        follow(explorer.gridProperty(), explorer.imageProperty(), models.modelProperty(), mode, r.valueProperty());
    }

    @Override
    protected Region buildBody() {
        HBox rRow = new HBox(6, name("concept.tome.r"), r);
        rRow.setAlignment(Pos.CENTER_LEFT);
        picture.setId("concept-tome-picture");
        picture.setPreserveRatio(true);
        picture.setSmooth(false);
        picture.setFitWidth(PICTURE_WIDTH);
        chart.setId("concept-tome-chart");
        readouts = new ConceptReadouts(ID, "tokens", "perBlock", "gmacs", "groups", "answer");
        GridPane table = new GridPane();
        table.setHgap(10);
        table.setVgap(2);
        table.addRow(0, name("concept.tome.merged"), name("concept.tome.plain"));
        for (int i = 0; i < TOP; i++) {
            merged[i] = cell("concept-tome-merged-" + i);
            plain[i] = cell("concept-tome-plain-" + i);
            table.addRow(i + 1, merged[i], plain[i]);
        }
        status.setId("concept-tome-status");
        status.setWrapText(true);
        status.getStyleClass().add("hint");
        return new VBox(8, rRow, picture, chart, readouts, table, status);
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
            clear(Messages.get("concept.tome.noHead"));
            return;
        }
        PatchMode m = mode.get();
        RgbImage pixels = image.pixels();
        int merges = r.getValue();
        status.setText(Messages.get("concept.working"));
        job.runNow(hasResult, superseded -> compute(vit, pixels, w, grid, m, merges, superseded), this::show);
    }

    /** Off the FX thread: the merged pass and the plain one. */
    static Result compute(ViTModel vit, RgbImage pixels, WorkingResolution w, PatchGrid grid, PatchMode m, int merges,
                          BooleanSupplier superseded) throws Exception {
        vit.checkMemory(PassKind.LOGITS, grid.rows(), grid.cols(), new AttentionBudget.Setting(m, grid.patch(), w.width(), w.height()));
        InputPlan plan = GridInput.plan(m, grid, vit.spec().nativePatch());
        float[] mean = vit.config().mean();
        RgbImage working = FxPictures.working(pixels, w);
        ChwImage input = GridInput.modelInput(working, grid, plan, mean, vit.config().std());
        TokenMergingProbe.Result probe = TokenMergingProbe.run(vit, input, plan.modelPatch(), merges, superseded);
        if (superseded.getAsBoolean()) return null;
        float[] plainLogits = vit.logits(input, plan.modelPatch());
        int depth = vit.spec().depth(), prefix = vit.spec().prefixTokens();
        VitArchitecture arch = vit.spec().readoutArchitecture();
        int tokens = probe.tokensIn()[0];
        MergeSchedule schedule = MergeSchedule.of(tokens, merges, depth, prefix);
        int[] last = probe.groups()[depth - 1];
        int[] sizes = new int[tokens];
        for (int holder : last) sizes[holder]++;
        int groups = 0, inGroups = 0;
        for (int s : sizes) {
            if (s > 1) {
                groups++;
                inGroups += s;
            }
        }
        RgbImage cells = GridInput.pixels(working, grid, grid.patch(), GridInput.meanColour(mean));
        return new Result(MergedGroupsPicture.draw(cells, last, sizes, probe.gridH(), probe.gridW()), probe, plainLogits,
                schedule, schedule.encoderMacs(arch), MergeSchedule.of(tokens, 0, depth, prefix).encoderMacs(arch), groups,
                inGroups);
    }

    private void show(Result res) {
        hasResult = true;
        picture.setImage(FxPictures.of(res.picture()));
        int[] in = res.probe().tokensIn();
        chart.show(in);
        readouts.set("tokens", Messages.format("concept.tome.tokensOf", in[0], in[in.length - 1]));
        readouts.set("perBlock", Arrays.stream(in).mapToObj(Integer::toString).collect(Collectors.joining(" → ")));
        readouts.set("gmacs", Messages.format("concept.tome.gmacsOf", gmacs(res.macs()), gmacs(res.plainMacs()),
                String.format(Locale.ROOT, "%.0f %%", 100.0 * res.macs() / res.plainMacs())));
        readouts.set("groups", Messages.format("concept.tome.groupsOf", res.groups(), res.patchesInGroups(),
                res.probe().gridH() * res.probe().gridW()));
        float[] m = res.probe().logits();
        readouts.set("answer", Messages.format("concept.tome.answerOf", PositionPage.shared(res.plainLogits(), m),
                logit(Logits.maxAbsDifference(res.plainLogits(), m))));
        List<Prediction> a = TopK.of(m, TOP), b = TopK.of(res.plainLogits(), TOP);
        for (int i = 0; i < TOP; i++) {
            merged[i].setText(PositionPage.prediction(a.get(i)));
            plain[i].setText(PositionPage.prediction(b.get(i)));
        }
        status.setText(Arrays.equals(in, res.schedule().tokensIn()) ? Messages.get("concept.tome.note")
                : Messages.get("concept.tome.offSchedule"));
    }

    static String gmacs(long macs) {
        return String.format(Locale.ROOT, "%.3f", macs / 1e9);
    }

    static String logit(double d) {
        return PositionPage.logit(d);
    }

    private void clear(String message) {
        job.cancel();
        hasResult = false;
        picture.setImage(null);
        chart.show(null);
        if (readouts != null) readouts.clear();
        for (int i = 0; i < TOP; i++) {
            if (merged[i] != null) merged[i].setText("—");
            if (plain[i] != null) plain[i].setText("—");
        }
        status.setText(message);
    }
}
