package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.rf.CnnLayers;
import dev.patchexplorer.core.rf.LayerField;
import dev.patchexplorer.core.rf.LayerSpec;
import dev.patchexplorer.core.rf.PixelBox;
import dev.patchexplorer.core.rf.ReceptiveFieldTable;
import dev.patchexplorer.core.rf.UnitAtPoint;
import dev.patchexplorer.core.rf.UnitField;
import dev.patchexplorer.core.rf.VitReceptiveField;
import dev.patchexplorer.model.CnnModel;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.ui.ExplorerViewModel;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/**
 * The theoretical receptive fields of the loaded CNN at the current working resolution: one table
 * row per block (the field at the block's output, which is where the model can also take an
 * effective-RF gradient), the block the user picked, and the unit of that block under the last
 * click. For a ViT: the picked block (0 = right after the patch embedding) and the patch token
 * under the last click. Pure arithmetic from {@code core.rf}, cheap enough to redo on the FX
 * thread on every change.
 *
 * <p>Coordinates: the CNN runs on the whole working image, so the table is computed for
 * working width x height, clicks arrive in original-image pixels and are mapped to working pixels
 * with the same scale as the patch grid, and the unit's box is in working pixels. A ViT token lies
 * on the plain grid of the current patch size (no offset, stride = patch), as the ViT saliency map does.
 */
public final class ReceptiveFieldViewModel {
    /** A click in original-image pixels. */
    public record ImagePoint(double x, double y) {}

    /** A ViT patch token on the plain grid of {@code grid}'s patch size, in working pixels. */
    public record PickedToken(VitReceptiveField grid, VitReceptiveField.Token token) {
        public int row() { return token.row(); }
        public int column() { return token.column(); }
        /** The token's own patch: its whole field right after the patch embedding. */
        public PixelBox patchBox() { return grid.tokenField(0, row(), column()); }
    }

    private final ExplorerViewModel explorer;
    private final ModelViewModel models;
    private final ReadOnlyObjectWrapper<List<LayerSpec>> stack = new ReadOnlyObjectWrapper<>(this, "stack");
    private final ReadOnlyStringWrapper stackProblem = new ReadOnlyStringWrapper(this, "stackProblem", "");
    private final ReadOnlyObjectWrapper<ReceptiveFieldTable> table = new ReadOnlyObjectWrapper<>(this, "table");
    private final ReadOnlyObjectWrapper<List<LayerField>> blocks = new ReadOnlyObjectWrapper<>(this, "blocks", List.of());
    private final StringProperty selectedBlock = new SimpleStringProperty(this, "selectedBlock");
    private final ReadOnlyObjectWrapper<LayerField> selectedLayer = new ReadOnlyObjectWrapper<>(this, "selectedLayer");
    private final ObjectProperty<ImagePoint> probe = new SimpleObjectProperty<>(this, "probe");
    private final ReadOnlyObjectWrapper<UnitField> unit = new ReadOnlyObjectWrapper<>(this, "unit");
    private final ReadOnlyIntegerWrapper vitDepth = new ReadOnlyIntegerWrapper(this, "vitDepth");
    private final IntegerProperty vitBlock = new SimpleIntegerProperty(this, "vitBlock");
    private final ReadOnlyObjectWrapper<PickedToken> token = new ReadOnlyObjectWrapper<>(this, "token");

    public ReceptiveFieldViewModel(ExplorerViewModel explorer, ModelViewModel models) {
        this.explorer = explorer;
        this.models = models;
        models.cnnProperty().addListener((o, was, now) -> modelChanged(now));
        explorer.imageProperty().addListener(x -> probe.set(null));
        explorer.workingProperty().addListener(x -> recomputeTable());
        selectedBlock.addListener(x -> recomputeLayer());
        for (Observable o : new Observable[] {probe, selectedLayer}) o.addListener(x -> recomputeUnit());
        models.modelProperty().addListener((o, was, now) -> vitChanged(now));
        for (Observable o : new Observable[] {probe, explorer.workingProperty(), explorer.patchProperty()}) {
            o.addListener(x -> recomputeToken());
        }
        modelChanged(models.getCnn());
        vitChanged(models.getModel());
    }

    /** A new ViT starts at its middle block, as a CNN starts at its middle block. */
    private void vitChanged(ViTModel vit) {
        int depth = vit == null ? 0 : vit.spec().depth();
        vitDepth.set(depth);
        vitBlock.set(depth / 2);
        recomputeToken();
    }

    private void recomputeToken() {
        token.set(models.getModel() == null ? null : tokenFor(explorer.getPatch(), explorer.getWorking(), probe.get()));
    }

    /**
     * The token a click means: the point mapped to working pixels, then the patch of the plain grid
     * that holds it (the nearest one from the margin). Without a click, the token at the centre of
     * the working image. Null when no whole patch fits.
     */
    public static PickedToken tokenFor(int patch, WorkingResolution w, ImagePoint click) {
        if (w == null || patch < 1 || patch > w.width() || patch > w.height()) return null;
        VitReceptiveField grid = new VitReceptiveField(patch, w.height(), w.width());
        double x = click == null ? w.width() / 2.0 : click.x() / w.scaleX();
        double y = click == null ? w.height() / 2.0 : click.y() / w.scaleY();
        return new PickedToken(grid, grid.tokenAt(x, y));
    }

    private void modelChanged(CnnModel cnn) {
        stackProblem.set("");
        if (cnn == null) {
            stack.set(null);
        } else {
            try {
                stack.set(CnnLayers.forArchitecture(cnn.config().architecture()));
            } catch (IllegalArgumentException unknown) {
                stack.set(null);
                stackProblem.set(unknown.getMessage());
            }
        }
        recomputeTable();
        selectedBlock.set(defaultBlock());
    }

    /** A block in the middle of the stack: a field a few patches wide, small enough to see whole. */
    private String defaultBlock() {
        List<LayerField> b = blocks.get();
        return b.isEmpty() ? null : b.get(b.size() / 2).layer().block();
    }

    private void recomputeTable() {
        WorkingResolution w = explorer.getWorking();
        List<LayerSpec> s = stack.get();
        ReceptiveFieldTable t = s == null || w == null ? null : ReceptiveFieldTable.compute(s, w.height(), w.width());
        table.set(t);
        blocks.set(t == null ? List.of() : t.blocks());
        recomputeLayer();
    }

    private void recomputeLayer() {
        ReceptiveFieldTable t = table.get();
        String name = selectedBlock.get();
        LayerField f = null;
        if (t != null && name != null) {
            for (LayerField b : t.blocks()) if (b.layer().block().equals(name)) f = b;
        }
        selectedLayer.set(f);
        recomputeUnit(); // the layer may be equal() to the last one while the input size changed nothing
    }

    private void recomputeUnit() {
        unit.set(unitFor(selectedLayer.get(), explorer.getWorking(), probe.get()));
    }

    /**
     * The unit a click means: the point mapped to working pixels (the grid's scale), then the unit
     * whose centre is nearest. Without a click, the unit nearest the centre of the working image.
     */
    public static UnitField unitFor(LayerField layer, WorkingResolution w, ImagePoint click) {
        if (layer == null || w == null) return null;
        double x = click == null ? w.width() / 2.0 : click.x() / w.scaleX();
        double y = click == null ? w.height() / 2.0 : click.y() / w.scaleY();
        return UnitAtPoint.unitAt(layer, x, y).orElse(null);
    }

    /**
     * The model's name for a core block: the same except ResNet's stem conv, which the model calls
     * "stem" (conv, batch norm and ReLU). Null when the model has no such layer.
     */
    public static String modelLayer(String block, List<String> modelLayers) {
        if (modelLayers.contains(block)) return block;
        if (block.equals("conv1") && modelLayers.contains("stem")) return "stem";
        return null;
    }

    /** Sets the probe from a click in original-image pixels. */
    public void click(double imageX, double imageY) {
        probe.set(new ImagePoint(imageX, imageY));
    }

    public ReadOnlyObjectProperty<List<LayerSpec>> stackProperty() { return stack.getReadOnlyProperty(); }
    /** Why a loaded CNN has no table (an architecture without a layer list), else empty. */
    public ReadOnlyStringProperty stackProblemProperty() { return stackProblem.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ReceptiveFieldTable> tableProperty() { return table.getReadOnlyProperty(); }
    public ReceptiveFieldTable getTable() { return table.get(); }
    /** One row per block at the current working size; empty without a CNN. */
    public ReadOnlyObjectProperty<List<LayerField>> blocksProperty() { return blocks.getReadOnlyProperty(); }
    public StringProperty selectedBlockProperty() { return selectedBlock; }
    public ReadOnlyObjectProperty<LayerField> selectedLayerProperty() { return selectedLayer.getReadOnlyProperty(); }
    public LayerField getSelectedLayer() { return selectedLayer.get(); }
    public ObjectProperty<ImagePoint> probeProperty() { return probe; }
    /** The selected block's unit under the click (or at the image centre), in working pixels. */
    public ReadOnlyObjectProperty<UnitField> unitProperty() { return unit.getReadOnlyProperty(); }
    public UnitField getUnit() { return unit.get(); }
    /** The loaded ViT's number of blocks; 0 without a ViT. */
    public ReadOnlyIntegerProperty vitDepthProperty() { return vitDepth.getReadOnlyProperty(); }
    /** The ViT block whose token output is differentiated: 0 (patch embedding) to the depth. */
    public IntegerProperty vitBlockProperty() { return vitBlock; }
    /** The ViT token under the click (or at the image centre); null without a ViT. */
    public ReadOnlyObjectProperty<PickedToken> tokenProperty() { return token.getReadOnlyProperty(); }
    public PickedToken getToken() { return token.get(); }
    public ExplorerViewModel explorer() { return explorer; }
    public ModelViewModel models() { return models; }
}
