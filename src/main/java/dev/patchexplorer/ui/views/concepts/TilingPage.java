package dev.patchexplorer.ui.views.concepts;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.tiling.TileMemory;
import dev.patchexplorer.core.tiling.Tiling;
import dev.patchexplorer.core.tradeoff.VitArchitecture;
import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.io.LoadedImage;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.geometry.Pos;

import java.util.Locale;

/**
 * "Segmentation of large images": the working image cut into tiles of the slider's size (the grid's
 * cells) with an adjustable overlap, each tile fed to the readouts' ViT at its input size; the memory
 * of one tile's pass against one pass over the whole image at the same detail. Arithmetic only, on the
 * FX thread.
 */
final class TilingPage extends ConceptPage {
    static final String ID = "tiling";
    private static final double PICTURE_W = 360;
    private static final double PICTURE_H = 220;

    private final ExplorerViewModel explorer;
    private final Spinner<Integer> overlap = new Spinner<>(0, 75, 0, 5);
    private final Canvas picture = new Canvas(PICTURE_W, PICTURE_H);
    private final Label status = new Label();
    private ConceptReadouts readouts;

    TilingPage(ExplorerView frame) {
        super(ID);
        this.explorer = frame.model();
        overlap.setId("concept-tiling-overlapShare");
        overlap.setEditable(true);
        overlap.setPrefWidth(90);
        follow(explorer.gridProperty(), explorer.imageProperty(), explorer.architectureProperty(), overlap.valueProperty());
    }

    @Override
    protected Region buildBody() {
        picture.setId("concept-tiling-picture");
        Label name = new Label(Messages.get("concept.tiling.overlapShare"));
        name.getStyleClass().add("readout-name");
        HBox controls = new HBox(8, name, overlap);
        controls.setAlignment(Pos.CENTER_LEFT);
        readouts = new ConceptReadouts(ID, "tile", "overlap", "tiles", "tileMemory", "wholeMemory", "ratio");
        status.setId("concept-tiling-status");
        status.setWrapText(true);
        status.getStyleClass().add("hint");
        return new VBox(8, controls, picture, readouts, status);
    }

    @Override
    protected void refresh() {
        LoadedImage image = explorer.getImage();
        WorkingResolution w = explorer.getWorking();
        VitArchitecture a = explorer.architectureProperty().get();
        int patch = explorer.getPatch();
        if (image == null || w == null || a == null) {
            clear(Messages.get("concept.noImage"));
            return;
        }
        Tiling t = Tiling.withOverlapShare(w.width(), w.height(), patch, overlap.getValue() / 100.0);
        draw(image.image(), w, t);
        TileMemory m = TileMemory.of(a, w.width(), w.height(), patch);
        readouts.set("tile", Messages.format("concept.tiling.tileOf", patch,
                Math.round(patch * w.scaleX()), Math.round(patch * w.scaleY())));
        readouts.set("overlap", Messages.format("concept.tiling.overlapOf", t.overlap(), t.stride()));
        readouts.set("tiles", Messages.format("concept.tiling.tilesOf", t.columns(), t.rows(), t.count()));
        readouts.set("tileMemory", Messages.format("concept.tiling.memoryOf", Units.bytes(m.tile().nativeBytes()),
                m.tileTokens(), a.nativeSize()));
        readouts.set("wholeMemory", Messages.format("concept.tiling.wholeOf", Units.bytes(m.whole().nativeBytes()),
                m.wholeTokens()));
        readouts.set("ratio", String.format(Locale.ROOT, "%.1f×", m.ratio()));
        status.setText(Messages.format("concept.tiling.note", a.name()));
    }

    /** The image with every tile outlined, alternate tiles in two colours so that overlaps show. */
    private void draw(Image image, WorkingResolution w, Tiling t) {
        GraphicsContext g = picture.getGraphicsContext2D();
        g.clearRect(0, 0, PICTURE_W, PICTURE_H);
        double fit = Math.min(PICTURE_W / w.width(), PICTURE_H / w.height());
        g.drawImage(image, 0, 0, w.width() * fit, w.height() * fit);
        Color[] colours = {Color.rgb(255, 215, 0, 0.95), Color.rgb(0, 200, 255, 0.95)};
        g.setLineWidth(1.5);
        long drawn = 0;
        for (int r = 0; r < t.rows() && drawn < 4000; r++) { // past a few thousand the outlines are a solid sheet
            for (int c = 0; c < t.columns(); c++, drawn++) {
                double x = t.start(c, w.width()) * fit;
                double y = t.start(r, w.height()) * fit;
                double side = Math.min(t.tile(), w.width()) * fit;
                double sideY = Math.min(t.tile(), w.height()) * fit;
                g.setStroke(colours[(r + c) % 2]);
                g.strokeRect(x + 1, y + 1, side - 2, sideY - 2);
            }
        }
    }

    private void clear(String message) {
        picture.getGraphicsContext2D().clearRect(0, 0, PICTURE_W, PICTURE_H);
        readouts.clear();
        status.setText(message);
    }
}
