package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.core.adaptive.BlurScorer;
import dev.patchexplorer.core.adaptive.GreyEntropy;
import dev.patchexplorer.core.adaptive.PatchScorer;
import dev.patchexplorer.core.adaptive.QuadCell;
import dev.patchexplorer.core.adaptive.Quadtree;
import dev.patchexplorer.core.adaptive.QuadtreeSpec;
import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.image.Preprocess;
import dev.patchexplorer.core.image.RgbImage;
import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.io.LoadedImage;
import dev.patchexplorer.ui.jobs.LatestJob;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * "Adaptive patch sizes": Quadformer's quadtree tokenization of the centre square of the working
 * image, from patches of the slider's size (the finest) up to that size times 2^k, under a token
 * budget, splitting first where the pixel-blur error (Quadformer) or the grey entropy (APT) is
 * highest; the mixed-size grid drawn, one colour per patch size, and the tokens and attention cost
 * against a uniform grid of the finest patches. Runs on the inference thread (the scorers read
 * every pixel at every level).
 */
final class AdaptivePage extends ConceptPage {
    static final String ID = "adaptive";
    private static final double PICTURE = 300;
    /** Finest first. */
    private static final Color[] SIZE_COLOURS = {Color.rgb(255, 215, 0), Color.rgb(0, 210, 255), Color.rgb(255, 60, 200),
            Color.rgb(120, 255, 120), Color.rgb(255, 140, 0)};

    enum Score { BLUR, ENTROPY }

    record Result(RgbImage square, QuadtreeSpec spec, Quadtree.Result tree) {}

    private final ExplorerViewModel explorer;
    private final LatestJob job;
    private final Spinner<Integer> levels = new Spinner<>(1, 4, 2);
    private final Spinner<Integer> budget = new Spinner<>(1, 100_000, 64, 3);
    private final ComboBox<Score> score = new ComboBox<>();
    private final Canvas picture = new Canvas(PICTURE, PICTURE);
    private final Label status = new Label();
    private ConceptReadouts readouts;

    AdaptivePage(ExplorerView frame) {
        super(ID);
        this.explorer = frame.model();
        this.job = backgroundJob(frame.inference().interactive(), e -> clear(Messages.format("concept.error", String.valueOf(e.getMessage()))));
        levels.setId("concept-adaptive-levels");
        levels.setPrefWidth(80);
        budget.setId("concept-adaptive-budget");
        budget.setEditable(true);
        budget.setPrefWidth(100);
        score.setId("concept-adaptive-score");
        score.getItems().setAll(Score.values());
        score.setCellFactory(l -> new ScoreCell());
        score.setButtonCell(new ScoreCell());
        score.setValue(Score.BLUR);
        follow(explorer.workingProperty(), explorer.patchProperty(), explorer.imageProperty(), levels.valueProperty(),
                budget.valueProperty(), score.valueProperty());
    }

    @Override
    protected Region buildBody() {
        picture.setId("concept-adaptive-picture");
        GridPane controls = new GridPane();
        controls.setHgap(6);
        controls.setVgap(4);
        controls.addRow(0, name("concept.adaptive.levels"), levels);
        controls.addRow(1, name("concept.adaptive.budget"), budget);
        controls.addRow(2, name("concept.adaptive.score"), score);
        score.setMaxWidth(Double.MAX_VALUE); // the scorer's name and its paper, not cut
        GridPane.setHgrow(score, Priority.ALWAYS);
        readouts = new ConceptReadouts(ID, "square", "sizes", "tokens", "bySize", "uniform", "attention");
        status.setId("concept-adaptive-status");
        status.setWrapText(true);
        status.getStyleClass().add("hint");
        return new VBox(8, controls, picture, readouts, status);
    }

    private static Label name(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("readout-name");
        l.setWrapText(true);
        l.setMaxWidth(150);
        return l;
    }

    @Override
    protected void refresh() {
        LoadedImage image = explorer.getImage();
        WorkingResolution w = explorer.getWorking();
        if (image == null || w == null) {
            job.cancel();
            clear(Messages.get("concept.noImage"));
            return;
        }
        int min = explorer.getPatch();
        int max = min << levels.getValue();
        int side = Math.min(w.width(), w.height()) / max * max; // whole max-size patches only
        if (side == 0) {
            job.cancel();
            clear(Messages.format("concept.adaptive.tooLarge", max));
            return;
        }
        int initial = (side / max) * (side / max);
        if (budget.getValue() < initial) {
            job.cancel();
            clear(Messages.format("concept.adaptive.budgetLow", initial, max));
            return;
        }
        QuadtreeSpec spec = new QuadtreeSpec(side, min, max, budget.getValue());
        PatchScorer scorer = score.getValue() == Score.BLUR ? new BlurScorer() : GreyEntropy.scorer();
        RgbImage pixels = image.pixels();
        status.setText(Messages.get("concept.working"));
        job.runNow(false, superseded -> {
            RgbImage working = FxPictures.working(pixels, w);
            RgbImage square = Preprocess.crop(working, (w.width() - side) / 2, (w.height() - side) / 2, side, side);
            return new Result(square, spec, Quadtree.tokenize(square, spec, scorer));
        }, this::show);
    }

    private void show(Result r) {
        QuadtreeSpec spec = r.spec();
        Quadtree.Result tree = r.tree();
        readouts.set("square", Messages.format("concept.adaptive.squareOf", spec.imageSize()));
        readouts.set("sizes", Messages.format("concept.adaptive.sizesOf", spec.minSize(), spec.maxSize()));
        readouts.set("tokens", Messages.format("concept.adaptive.tokensOf", tree.tokens(), spec.budget(),
                spec.initialTokens(), tree.splits()));
        Map<Integer, Integer> bySize = new TreeMap<>();
        for (QuadCell c : tree.cells()) bySize.merge(c.size(), 1, Integer::sum);
        StringJoiner sizes = new StringJoiner("\n");
        bySize.forEach((size, count) -> sizes.add(Messages.format("concept.adaptive.sizeCount", size, count)));
        readouts.set("bySize", sizes.toString());
        readouts.set("uniform", Messages.format("concept.adaptive.uniformOf", spec.uniformTokens(), spec.minSize()));
        readouts.set("attention", Messages.format("concept.adaptive.attentionOf", attentionShare(tree.tokens(), spec.uniformTokens())));
        draw(r);
        status.setText(Messages.get("concept.adaptive.note"));
    }

    /** Attention's N² terms: mixed grid against the uniform grid of its finest patches, as a share. */
    static String attentionShare(long tokens, long uniform) {
        return Units.percent((double) tokens * tokens / ((double) uniform * uniform));
    }

    private void draw(Result r) {
        GraphicsContext g = picture.getGraphicsContext2D();
        g.clearRect(0, 0, PICTURE, PICTURE);
        double fit = PICTURE / r.square().width();
        g.drawImage(FxPictures.of(r.square()), 0, 0, PICTURE, PICTURE);
        g.setLineWidth(1.25);
        int min = r.spec().minSize();
        for (QuadCell c : r.tree().cells()) {
            int level = Integer.numberOfTrailingZeros(c.size() / min);
            g.setStroke(SIZE_COLOURS[Math.min(level, SIZE_COLOURS.length - 1)]);
            g.strokeRect(c.x() * fit + 0.5, c.y() * fit + 0.5, c.size() * fit - 1, c.size() * fit - 1);
        }
    }

    private void clear(String message) {
        picture.getGraphicsContext2D().clearRect(0, 0, PICTURE, PICTURE);
        readouts.clear();
        status.setText(message);
    }

    private static final class ScoreCell extends ListCell<Score> {
        @Override
        protected void updateItem(Score s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty || s == null ? null : Messages.get("concept.adaptive.score." + s.name().toLowerCase(Locale.ROOT)));
        }
    }
}
