package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.core.reconstruct.EmbeddingInverse;
import dev.patchexplorer.core.reconstruct.PatchReconstruction;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.ModelViewModel;
import dev.patchexplorer.ui.io.LoadedImage;
import dev.patchexplorer.ui.jobs.LatestJob;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "What a token keeps": every patch rebuilt from its embedding through the pseudo-inverse of the
 * loaded ViT's patch embedding, PI-resized to the slider's size (FlexiViT), beside the patches that
 * went in, with the PSNR and the rank of the projection against the P²C values of a patch. Without
 * a ViT the embedding is the patch's mean colour (rank 3).
 */
final class TokenKeepsPage extends ConceptPage {
    static final String ID = "tokenKeeps";
    private static final float[] NO_MEAN = {0f, 0f, 0f};
    private static final float[] NO_STD = {1f, 1f, 1f};
    private static final double PICTURE_WIDTH = 176;

    private final ExplorerViewModel explorer;
    private final ModelViewModel models;
    private final LatestJob job;
    /** Inverses by patch size for the model they were made from; read and written on the inference thread. */
    private final Map<Integer, EmbeddingInverse> inverses = new ConcurrentHashMap<>();
    private volatile ViTModel inversesOf;
    private final ImageView original = picture("concept-tokenKeeps-original");
    private final ImageView rebuilt = picture("concept-tokenKeeps-rebuilt");
    private final Label status = new Label();
    private ConceptReadouts readouts;

    record Result(RgbImage input, PatchReconstruction reconstruction, boolean fromModel, int patch) {}

    TokenKeepsPage(ExplorerView frame) {
        super(ID);
        this.explorer = frame.model();
        this.models = frame.models();
        this.job = backgroundJob(frame.inference().interactive(),
                e -> clear(Messages.format("concept.error", String.valueOf(e.getMessage()))));
        follow(explorer.gridProperty(), explorer.imageProperty(), models.modelProperty());
    }

    private static ImageView picture(String id) {
        ImageView v = new ImageView();
        v.setId(id);
        v.setPreserveRatio(true);
        v.setSmooth(false); // the patches' edges are the point
        v.setFitWidth(PICTURE_WIDTH);
        return v;
    }

    @Override
    protected Region buildBody() {
        readouts = new ConceptReadouts(ID, "source", "psnr", "rank", "values", "dim");
        status.setId("concept-tokenKeeps-status");
        status.setWrapText(true);
        status.getStyleClass().add("hint");
        HBox pictures = new HBox(8, captioned(original, "concept.tokenKeeps.original"),
                captioned(rebuilt, "concept.tokenKeeps.rebuilt"));
        pictures.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, pictures, readouts, status);
    }

    private static VBox captioned(ImageView view, String key) {
        Label caption = new Label(Messages.get(key));
        caption.getStyleClass().add("readout-name");
        return new VBox(2, view, caption);
    }

    @Override
    protected void refresh() {
        LoadedImage image = explorer.getImage();
        WorkingResolution w = explorer.getWorking();
        PatchGrid grid = explorer.getGrid();
        if (image == null || w == null || grid == null || grid.isEmpty()) {
            job.cancel();
            clear(Messages.get("concept.noImage"));
            return;
        }
        ViTModel vit = models.getModel();
        RgbImage pixels = image.pixels();
        status.setText(Messages.get("concept.working"));
        job.runNow(original.getImage() != null, superseded -> compute(vit, pixels, w, grid), this::show);
    }

    /** Off the FX thread. */
    private Result compute(ViTModel vit, RgbImage pixels, WorkingResolution w, PatchGrid grid) {
        RgbImage working = FxPictures.working(pixels, w);
        int p = grid.patch();
        float[] mean = vit == null ? NO_MEAN : vit.config().mean();
        float[] std = vit == null ? NO_STD : vit.config().std();
        EmbeddingInverse inverse = vit == null ? EmbeddingInverse.meanColour(p, 3) : inverseOf(vit, p);
        PatchReconstruction r = PatchReconstruction.ofGrid(working, grid, inverse, mean, std);
        RgbImage input = GridInput.pixels(working, grid, p, GridInput.meanColour(mean));
        return new Result(input, r, vit != null, p);
    }

    private EmbeddingInverse inverseOf(ViTModel vit, int patch) {
        if (inversesOf != vit) {
            inverses.clear();
            inversesOf = vit;
        }
        return inverses.computeIfAbsent(patch,
                p -> new EmbeddingInverse(vit.patchKernel(p), vit.patchBias(), vit.spec().dim()));
    }

    private void show(Result r) {
        original.setImage(FxPictures.of(r.input()));
        rebuilt.setImage(FxPictures.of(r.reconstruction().picture()));
        PatchReconstruction rec = r.reconstruction();
        readouts.set("source", r.fromModel() ? Messages.format("concept.tokenKeeps.source.vit", r.patch())
                : Messages.get("concept.tokenKeeps.source.mean"));
        readouts.set("psnr", formatPsnr(rec.psnr()));
        readouts.set("rank", Messages.format("concept.tokenKeeps.rankOf", rec.rank(), rec.valuesPerPatch()));
        readouts.set("values", Messages.format("concept.count", rec.valuesPerPatch()));
        readouts.set("dim", Messages.format("concept.count", rec.dim()));
        status.setText(Messages.get(rec.rank() >= rec.valuesPerPatch()
                ? "concept.tokenKeeps.lossless" : "concept.tokenKeeps.lossy"));
    }

    /** "42.3 dB", or "∞ dB" for an exact round trip. */
    static String formatPsnr(double psnr) {
        return Double.isInfinite(psnr) ? "∞ dB" : String.format(Locale.ROOT, "%.1f dB", psnr);
    }

    private void clear(String message) {
        original.setImage(null);
        rebuilt.setImage(null);
        readouts.clear();
        status.setText(message);
    }
}
