package dev.patchexplorer.ui.views.compare;

import dev.patchexplorer.core.grid.PatchSizes;
import dev.patchexplorer.core.vit.PatchMode;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.ModelViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.util.List;
import java.util.function.Function;
import java.util.Locale;

/**
 * The Compare view's side panel: the layout (side by side or swipe), pane B's patch size, mode and
 * model (pane A is the window's own: the patch slider, the Attention settings and the loaded model)
 * and the table of both panes' readouts and their agreement.
 */
public final class ComparePane extends VBox {
    private final CompareTable table = new CompareTable();
    /** Asks for a checkpoint folder for B's own model (null: cancelled); tests put a fixed answer here. */
    private Function<Window, File> folderChooser = ComparePane::chooseFolder;

    /** The choices for pane B's model. */
    public enum ModelChoice { SAME_AS_A, OPEN_FOLDER }

    public ComparePane(CompareViewModel compare, CompareCentre centre, ModelViewModel models) {
        super(10);
        setId("compare-pane");
        setPadding(new Insets(10));
        Label intro = new Label(Messages.get("compare.intro"));
        intro.setWrapText(true);

        ToggleGroup layouts = new ToggleGroup();
        ToggleButton side = layoutButton("compare-layout-side", "compare.layout.side", CompareCentre.Layout.SIDE_BY_SIDE, layouts);
        ToggleButton swipe = layoutButton("compare-layout-swipe", "compare.layout.swipe", CompareCentre.Layout.SWIPE, layouts);
        layouts.selectToggle(centre.layoutProperty().get() == CompareCentre.Layout.SWIPE ? swipe : side);
        layouts.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) layouts.selectToggle(was); // one layout is always chosen
            else centre.layoutProperty().set((CompareCentre.Layout) now.getUserData());
        });
        centre.layoutProperty().addListener((o, was, now) -> layouts.selectToggle(now == CompareCentre.Layout.SWIPE ? swipe : side));

        Spinner<Integer> patch = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                PatchSizes.MIN, PatchSizes.MAX, compare.patchBProperty().get()));
        patch.setId("compare-patch-b");
        patch.setEditable(true);
        patch.setPrefWidth(90);
        patch.getValueFactory().valueProperty().addListener((o, was, now) -> {
            if (now != null) compare.patchBProperty().set(now);
        });
        compare.patchBProperty().addListener((o, was, now) -> patch.getValueFactory().setValue(now.intValue()));

        ComboBox<PatchMode> mode = new ComboBox<>();
        mode.setId("compare-mode-b");
        mode.getItems().setAll(List.of(PatchMode.values()));
        mode.setConverter(new StringConverter<>() {
            @Override public String toString(PatchMode m) {
                return m == null ? "" : Messages.get("attention.mode." + m.name().toLowerCase(Locale.ROOT));
            }
            @Override public PatchMode fromString(String s) { return null; }
        });
        mode.valueProperty().bindBidirectional(compare.modeBProperty());
        mode.setTooltip(new Tooltip(Messages.get("attention.mode.tip")));

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label(Messages.get("compare.patchB")), patch);
        form.addRow(1, new Label(Messages.get("compare.modeB")), mode);

        ComboBox<ModelChoice> modelChoice = modelChoice(compare.modelB());
        form.addRow(2, new Label(Messages.get("compare.modelB")), modelChoice);

        PaneBModel modelB = compare.modelB();
        Label model = new Label();
        model.setId("compare-model");
        model.setWrapText(true);
        model.textProperty().bind(Bindings.createStringBinding(() -> {
            ViTModel m = models.getModel();
            if (modelB.own().loadingProperty().get()) return Messages.get("compare.modelB.loading");
            if (modelB.hasOwn()) {
                return Messages.format("compare.model.own", PaneBModel.name(models) == null ? CompareTable.NONE : PaneBModel.name(models),
                        PaneBModel.name(modelB.own()));
            }
            return m == null ? Messages.get("compare.model.none") : Messages.format("compare.model.same", m.spec().architecture());
        }, models.modelProperty(), models.loadedFolderProperty(), modelB.modelProperty(), modelB.own().loadingProperty()));
        Label note = new Label();
        note.setId("compare-model-note");
        note.setWrapText(true);
        note.getStyleClass().add("problem-text");
        note.setStyle("-fx-text-fill: #c0392b;");
        note.textProperty().bind(modelB.noteProperty());
        note.visibleProperty().bind(modelB.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());

        Label followA = new Label(Messages.get("compare.paneA"));
        followA.setWrapText(true);
        javafx.scene.control.Button fit = new javafx.scene.control.Button(Messages.get("compare.fit"));
        fit.setId("compare-fit");
        // the shown viewer fits; the others follow it through the sync
        fit.setOnAction(e -> centre.shownViewer().fitToWindow());
        getChildren().addAll(intro, new HBox(6, side, swipe, fit), followA, form, model, note, table);
        compare.comparisonProperty().addListener((o, was, now) -> table.show(now));
        if (compare.getComparison() != null) table.show(compare.getComparison());
    }

    /**
     * "Same as A" or "Open model folder…": the second asks for a folder and loads it as B's own model;
     * cancelled, or once B is back on A's model (a CNN, say), the choice shows what B runs.
     */
    private ComboBox<ModelChoice> modelChoice(PaneBModel modelB) {
        ComboBox<ModelChoice> box = new ComboBox<>();
        box.setId("compare-model-b");
        box.getItems().setAll(ModelChoice.values());
        box.setValue(ModelChoice.SAME_AS_A);
        box.setConverter(new StringConverter<>() {
            @Override public String toString(ModelChoice c) {
                return c == null ? "" : Messages.get(c == ModelChoice.SAME_AS_A ? "compare.modelB.same" : "compare.modelB.open");
            }
            @Override public ModelChoice fromString(String s) { return null; }
        });
        box.setTooltip(new Tooltip(Messages.get("compare.modelB.tip")));
        box.valueProperty().addListener((o, was, now) -> {
            if (now == ModelChoice.SAME_AS_A) {
                if (modelB.hasOwn() || modelB.own().loadingProperty().get()) modelB.useModelOfA();
            } else if (now == ModelChoice.OPEN_FOLDER) {
                File dir = folderChooser.apply(getScene() == null ? null : getScene().getWindow());
                if (dir != null) modelB.load(dir.toPath());
                else if (!modelB.hasOwn()) javafx.application.Platform.runLater(() -> box.setValue(ModelChoice.SAME_AS_A));
            }
        });
        // a CNN or a failed first load leaves B on A's model: the box says so
        // (later: a finished load clears the loading flag before it hands over the model)
        modelB.own().loadingProperty().addListener((o, was, now) -> {
            if (!now) javafx.application.Platform.runLater(() -> {
                if (!modelB.hasOwn() && !modelB.own().loadingProperty().get()) box.setValue(ModelChoice.SAME_AS_A);
            });
        });
        modelB.modelProperty().addListener((o, was, now) -> {
            if (!modelB.hasOwn() && !modelB.own().loadingProperty().get()) box.setValue(ModelChoice.SAME_AS_A);
        });
        return box;
    }

    private static File chooseFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Messages.get("compare.modelB.open"));
        return chooser.showDialog(owner);
    }

    /** Replaces the folder dialog of "Open model folder…" (tests answer with a fixed folder). */
    public void setFolderChooser(Function<Window, File> chooser) {
        this.folderChooser = chooser;
    }

    private static ToggleButton layoutButton(String id, String key, CompareCentre.Layout layout, ToggleGroup group) {
        ToggleButton b = new ToggleButton(Messages.get(key));
        b.setId(id);
        b.setUserData(layout);
        b.setToggleGroup(group);
        return b;
    }

    /** The table's text for a value id without the "compare-" prefix (tests). */
    public String tableText(String id) {
        return table.text(id);
    }

    /** The tooltip of a table value (tests), or null. */
    public String tableTip(String id) {
        return table.tip(id);
    }
}
