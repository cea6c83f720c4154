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
import javafx.util.StringConverter;

import java.util.List;
import java.util.Locale;

/**
 * The Compare view's side panel: the layout (side by side or swipe), pane B's patch size and mode
 * (pane A is the window's own: the patch slider and the Attention settings) and the table of both
 * panes' readouts and their agreement.
 */
public final class ComparePane extends VBox {
    private final CompareTable table = new CompareTable();

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

        Label model = new Label();
        model.setId("compare-model");
        model.setWrapText(true);
        model.textProperty().bind(Bindings.createStringBinding(() -> {
            ViTModel m = models.getModel();
            return m == null ? Messages.get("compare.model.none") : Messages.format("compare.model.same", m.spec().architecture());
        }, models.modelProperty()));

        Label followA = new Label(Messages.get("compare.paneA"));
        followA.setWrapText(true);
        javafx.scene.control.Button fit = new javafx.scene.control.Button(Messages.get("compare.fit"));
        fit.setId("compare-fit");
        // the shown viewer fits; the others follow it through the sync
        fit.setOnAction(e -> centre.shownViewer().fitToWindow());
        getChildren().addAll(intro, new HBox(6, side, swipe, fit), followA, form, model, table);
        compare.comparisonProperty().addListener((o, was, now) -> table.show(now));
        if (compare.getComparison() != null) table.show(compare.getComparison());
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
}
