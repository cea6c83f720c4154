package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.tradeoff.TradeOffs;
import dev.patchexplorer.core.tradeoff.VitArchitecture;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.core.vit.GridInput;
import dev.patchexplorer.core.vit.InputPlan;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.AttentionJob;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trade-off readouts, refreshed on every change of the grid. Each value label has the id
 * {@code readout-<name>} so tests (and screen readers) can find it; each name has a one-sentence tooltip.
 */
public final class ReadoutPane extends VBox {
    static final String[] ROWS = {"working", "modelInput", "grid", "tokens", "sequence", "dropped", "padded", "values", "compression",
            "embedParams", "modelParams", "compute", "computeEmbed", "computeLinear", "computeAttention",
            "attentionShare", "attentionLayer", "attentionAll", "activations"};

    private final ExplorerViewModel model;
    private final Map<String, Label> values = new LinkedHashMap<>();
    private final ProgressBar attentionShareBar = new ProgressBar(0);
    private final Label warning = new Label();
    private final Label modelNote = new Label();
    private AttentionJob attention; // the mode and model that decide the model input; null until followed

    public ReadoutPane(ExplorerViewModel model) {
        this.model = model;
        getStyleClass().add("readout-pane");
        setSpacing(6);
        setPadding(new Insets(6, 4, 6, 4));
        GridPane table = new GridPane();
        table.setHgap(10);
        table.setVgap(3);
        ColumnConstraints nameCol = new ColumnConstraints();
        nameCol.setMinWidth(170);
        ColumnConstraints valueCol = new ColumnConstraints();
        valueCol.setHgrow(Priority.ALWAYS);
        table.getColumnConstraints().addAll(nameCol, valueCol);
        int row = 0;
        for (String name : ROWS) {
            Label key = new Label(Messages.get("readout." + name));
            key.getStyleClass().add(name.startsWith("compute") && !name.equals("compute") ? "readout-subname" : "readout-name");
            key.setTooltip(ControlsPane.tip("readout." + name + ".tip"));
            Label value = new Label();
            value.setId("readout-" + name);
            value.getStyleClass().add("readout-value");
            // Large values (patch 2 on a 4096 px image) and the Chinese phrasing are wider than the value
            // column at the smallest window: they wrap at their spaces instead of ending in "...".
            value.setWrapText(true);
            value.setMinHeight(Region.USE_PREF_SIZE);
            value.setTooltip(ControlsPane.tip("readout." + name + ".tip"));
            values.put(name, value);
            table.addRow(row++, key, value);
        }
        attentionShareBar.setId("attention-share-bar");
        attentionShareBar.setMaxWidth(Double.MAX_VALUE);
        attentionShareBar.setTooltip(ControlsPane.tip("readout.attentionShare.tip"));
        warning.setId("readout-warning");
        warning.getStyleClass().add("readout-warning");
        warning.setWrapText(true);
        warning.setManaged(false);
        warning.setVisible(false);
        modelNote.setId("readout-model-note");
        modelNote.getStyleClass().add("readout-warning");
        modelNote.setWrapText(true);
        modelNote.setMinHeight(Region.USE_PREF_SIZE);
        showModelNote(null);
        getChildren().addAll(modelNote, table, attentionShareBar, new PhysicalReadouts(model), warning);

        model.tradeOffsProperty().addListener((o, was, now) -> refresh());
        model.workingProperty().addListener((o, was, now) -> refresh());
        refresh();
    }

    /**
     * Shows the image the ViT of {@code job} really receives, in its mode: resize mode feeds grid x the model's own
     * patch (224 px at patch 32: 112 px), FlexiViT the working image.
     */
    public void followModelInput(AttentionJob job) {
        attention = job;
        job.modeProperty().addListener((o, was, now) -> refresh());
        job.models().modelProperty().addListener((o, was, now) -> refresh());
        refresh();
    }

    private String modelInput(PatchGrid g) {
        ViTModel vit = attention == null ? null : attention.models().getModel();
        if (vit == null) return Messages.get("readout.modelInput.none");
        PatchMode mode = attention.modeProperty().get();
        InputPlan plan = GridInput.plan(mode, g, vit.spec().nativePatch());
        return Messages.format("readout.modelInput.value", plan.inputW(), plan.inputH(),
                Messages.get("attention.mode." + mode.name().toLowerCase(java.util.Locale.ROOT)));
    }

    public String value(String name) {
        return values.get(name).getText();
    }

    private void set(String name, String text) {
        values.get(name).setText(text);
    }

    private void refresh() {
        WorkingResolution w = model.getWorking();
        PatchGrid g = model.getGrid();
        TradeOffs t = model.getTradeOffs();
        VitArchitecture a = model.architectureProperty().get();
        set("working", w == null ? "" : Messages.format("readout.working.value", w.width(), w.height()));
        if (t == null || g == null) {
            String none = Messages.get("readout.noGrid");
            for (String name : ROWS) if (!name.equals("working")) set(name, "—");
            set("grid", none);
            attentionShareBar.setProgress(0);
            showWarning(Messages.format("readout.warning.noGrid", g == null ? 0 : g.patch()));
            return;
        }
        set("modelInput", modelInput(g));
        set("grid", Messages.format("readout.grid.value", t.gridRows(), t.gridCols()));
        set("tokens", Units.count(t.patchTokens()));
        set("sequence", Messages.format("readout.sequence.value", Units.count(t.sequenceLength()), t.prefixTokens()));
        long pixels = (long) g.width() * g.height();
        set("dropped", Messages.format("readout.pixels.value", Units.count(t.droppedPixels()), Units.percent((double) t.droppedPixels() / pixels)));
        set("padded", Messages.format("readout.pixels.value", Units.count(t.paddedPixels()), Units.percent((double) t.paddedPixels() / pixels)));
        set("values", Messages.format("readout.values.value", Units.count(t.valuesPerPatch()), g.patch(), a.channels()));
        set("compression", Messages.format("readout.compression.value", Units.count(t.valuesPerPatch()), t.embeddingWidth(), Units.ratio(t.compressionRatio())));
        set("embedParams", Units.count(t.patchEmbeddingParameters()));
        set("modelParams", Units.compact(t.modelParameters()));
        set("compute", Messages.format("readout.compute.value", Units.giga(t.totalMacs()), Units.giga(t.totalFlops())));
        set("computeEmbed", Messages.format("readout.gmacs.value", Units.giga(t.patchEmbeddingMacs())));
        set("computeLinear", Messages.format("readout.gmacs.value", Units.giga(t.linearMacs())));
        set("computeAttention", Messages.format("readout.gmacs.value", Units.giga(t.attentionMacs())));
        set("attentionShare", Units.percent(t.attentionShare()));
        attentionShareBar.setProgress(t.attentionShare());
        set("attentionLayer", Units.bytes(t.attentionBytesPerLayer()));
        set("attentionAll", Messages.format("readout.attentionAll.value", Units.bytes(t.attentionBytesAllLayers()), a.depth()));
        set("activations", Messages.format("readout.activations.value", Units.bytes(t.activationBytesPerBlock()), Units.bytes(t.activationBytesAllLayers())));
        if (t.attentionExceedsHeap()) {
            showWarning(Messages.format("readout.warning.heap", Units.bytes(t.attentionBytesAllLayers()), Units.bytes(model.heapBytes())));
        } else {
            showWarning(null);
        }
    }

    /** A line above the table about the loaded model (e.g. that a CNN has no tokens), or null for none. */
    public void showModelNote(String text) {
        modelNote.setText(text == null ? "" : text);
        modelNote.setVisible(text != null);
        modelNote.setManaged(text != null);
    }

    private void showWarning(String text) {
        boolean show = text != null;
        warning.setText(show ? text : "");
        warning.setVisible(show);
        warning.setManaged(show);
    }
}
