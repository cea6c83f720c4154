package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.ChwImage;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.sweep.AttentionMetrics;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.AttentionBudget;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.ViTOutput;
import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.ModelViewModel;
import dev.patchexplorer.ui.io.LoadedImage;
import dev.patchexplorer.ui.jobs.LatestJob;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * "Locality": the mean attention distance (Raghu et al. 2021) of every layer and head of the loaded
 * ViT on the current image at the slider's patch size, in working-image pixels: early layers mostly
 * look near, later ones far. Runs the model once per change, on the inference thread.
 */
final class LocalityPage extends ConceptPage {
    static final String ID = "locality";

    private final ExplorerViewModel explorer;
    private final ModelViewModel models;
    private final ObjectProperty<PatchMode> mode;
    private final LatestJob job;
    private final DistanceChart chart = new DistanceChart(360, 210,
            Messages.get("concept.locality.axis.layer"), Messages.get("concept.locality.axis.distance"));
    private final Label status = new Label();
    private ConceptReadouts readouts;

    LocalityPage(ExplorerView frame) {
        super(ID);
        this.explorer = frame.model();
        this.models = frame.models();
        this.mode = frame.attention().modeProperty();
        this.job = backgroundJob(frame.inference().interactive(),
                e -> clear(Messages.format("concept.error", String.valueOf(e.getMessage()))));
        follow(explorer.gridProperty(), explorer.imageProperty(), models.modelProperty(), mode);
    }

    @Override
    protected Region buildBody() {
        chart.setId("concept-locality-chart");
        readouts = new ConceptReadouts(ID, "grid", "first", "last", "span");
        status.setId("concept-locality-status");
        status.setWrapText(true);
        status.getStyleClass().add("hint");
        return new VBox(8, chart, readouts, status);
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
        PatchMode m = mode.get();
        RgbImage pixels = image.pixels();
        status.setText(Messages.get("concept.working"));
        readouts.set("grid", Messages.format("concept.locality.gridOf", grid.cols(), grid.rows(), grid.stride()));
        job.runNow(false, superseded -> distances(vit, pixels, w, grid, m), r -> show(r, grid));
    }

    /** [layer][head] mean attention distance in working-image pixels; off the FX thread. */
    static double[][] distances(ViTModel vit, RgbImage pixels, WorkingResolution w, PatchGrid grid, PatchMode m)
            throws Exception {
        vit.checkMemory(PassKind.ATTENTION_MAPS, grid.rows(), grid.cols(),
                new AttentionBudget.Setting(m, grid.patch(), w.width(), w.height()));
        InputPlan plan = GridInput.plan(m, grid, vit.spec().nativePatch());
        RgbImage cells = GridInput.pixels(FxPictures.working(pixels, w), grid, plan.modelPatch(),
                GridInput.meanColour(vit.config().mean()));
        ChwImage input = Preprocess.normalize(cells, vit.config().mean(), vit.config().std());
        ViTOutput out = vit.forward(input, plan.modelPatch());
        double[][] d = new double[out.layers()][];
        // neighbouring tokens' cells start a stride apart in the working image: that is the pixel step
        for (int l = 0; l < out.layers(); l++) {
            d[l] = AttentionMetrics.meanDistancePixelsPerHead(out.attention()[l], out.layout(), grid.stride());
        }
        return d;
    }

    private void show(double[][] perHead, PatchGrid grid) {
        chart.show(perHead);
        double first = mean(perHead[0]);
        double last = mean(perHead[perHead.length - 1]);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double[] l : perHead) for (double v : l) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        readouts.set("first", px(first));
        readouts.set("last", px(last));
        readouts.set("span", Messages.format("concept.locality.spanOf", px(min), px(max)));
        status.setText(Messages.get(last > first ? "concept.locality.widens" : "concept.locality.narrows"));
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    static String px(double v) {
        return String.format(Locale.ROOT, "%.1f px", v);
    }

    private void clear(String message) {
        job.cancel();
        chart.show(null);
        readouts.clear();
        status.setText(message);
    }
}
