package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.grid.AspectMode;
import dev.patchexplorer.core.grid.EdgePolicy;
import dev.patchexplorer.core.grid.PatchSizes;
import dev.patchexplorer.core.tradeoff.SwinArchitecture;
import dev.patchexplorer.core.tradeoff.SwinPresets;
import dev.patchexplorer.core.tradeoff.VitArchitecture;
import dev.patchexplorer.core.tradeoff.VitPresets;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.GridStyle;
import dev.patchexplorer.ui.Messages;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The inputs: architecture, working resolution, patch size and grid geometry, grid appearance. */
public final class ControlsPane extends VBox {
    public static final List<Integer> SIZE_PRESETS = List.of(224, 384, 448, 518);

    private final ExplorerViewModel model;

    public ControlsPane(ExplorerViewModel model) {
        this.model = model;
        getStyleClass().add("controls-pane");
        setSpacing(6);
        TitledPane appearance = section("controls.section.appearance", appearanceSection());
        // Folded at start so the attention controls below stay in view; one click opens it.
        appearance.setExpanded(false);
        getChildren().addAll(
                section("controls.section.model", modelSection()),
                section("controls.section.resolution", resolutionSection()),
                section("controls.section.physical", new PhysicalUnitsPane(model)),
                section("controls.section.grid", gridSection()),
                appearance);
    }

    private static TitledPane section(String key, Node content) {
        TitledPane p = new TitledPane(Messages.get(key), content);
        p.setCollapsible(true);
        p.getStyleClass().add("dense");
        return p;
    }

    private static GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(6, 4, 6, 4));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(82);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        g.getColumnConstraints().addAll(labels, fields);
        return g;
    }

    private static Label label(String key, String tooltipKey) {
        Label l = new Label(Messages.get(key));
        l.setTooltip(tip(tooltipKey));
        return l;
    }

    static Tooltip tip(String key) {
        Tooltip t = new Tooltip(Messages.get(key));
        t.setWrapText(true);
        t.setMaxWidth(360);
        return t;
    }

    private Node modelSection() {
        // the ViTs, then the Swins: a Swin changes only the readouts (its patch is its own), see SwinReadouts
        List<Object> choices = new ArrayList<>(VitPresets.all());
        choices.addAll(SwinPresets.all());
        ComboBox<Object> arch = new ComboBox<>(FXCollections.observableArrayList(choices));
        arch.setId("architecture");
        arch.setMaxWidth(Double.MAX_VALUE);
        arch.setConverter(new StringConverter<>() {
            @Override
            public String toString(Object a) {
                if (a instanceof VitArchitecture v) return v.name();
                if (a instanceof SwinArchitecture w) return w.name();
                return "";
            }

            @Override
            public Object fromString(String s) {
                return VitPresets.byName(s).<Object>map(v -> v).or(() -> SwinPresets.byName(s)).orElse(null);
            }
        });
        arch.setValue(model.swinProperty().get() != null ? model.swinProperty().get() : model.architectureProperty().get());
        arch.valueProperty().addListener((o, was, now) -> {
            if (now instanceof VitArchitecture v) {
                model.swinProperty().set(null);
                model.architectureProperty().set(v);
            } else if (now instanceof SwinArchitecture w) {
                model.swinProperty().set(w);
            }
        });
        // a ViT set elsewhere (a loaded model, the saved session) replaces a chosen Swin
        model.architectureProperty().addListener((o, was, now) -> {
            if (now != null) arch.setValue(now);
        });
        model.swinProperty().addListener((o, was, now) -> {
            if (now == null && arch.getValue() instanceof SwinArchitecture) arch.setValue(model.architectureProperty().get());
        });
        arch.setTooltip(tip("controls.architecture.tip"));
        Label details = new Label();
        details.setId("architecture-details");
        details.getStyleClass().add("hint");
        details.setWrapText(true);
        details.textProperty().bind(Bindings.createStringBinding(() -> {
            SwinArchitecture w = model.swinProperty().get();
            if (w != null) {
                return Messages.format("controls.architecture.swinDetails", w.embedDim(), w.totalDepth(), w.window(), w.nativePatch(),
                        w.finalStride(w.nativePatch()));
            }
            VitArchitecture a = model.architectureProperty().get();
            return a == null ? "" : Messages.format("controls.architecture.details", a.width(), a.depth(), a.heads(), a.nativePatch());
        }, model.architectureProperty(), model.swinProperty()));
        GridPane g = form();
        g.addRow(0, label("controls.architecture", "controls.architecture.tip"), arch);
        g.add(details, 1, 1);
        return g;
    }

    private Node resolutionSection() {
        ComboBox<Integer> size = new ComboBox<>(FXCollections.observableArrayList(SIZE_PRESETS));
        size.setId("working-size");
        size.setEditable(true);
        size.setMaxWidth(Double.MAX_VALUE);
        size.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String s) {
                try {
                    int v = Integer.parseInt(s.trim().replace("px", "").trim());
                    return v >= 16 && v <= 4096 ? v : model.workingSizeProperty().get();
                } catch (NumberFormatException e) {
                    return model.workingSizeProperty().get();
                }
            }
        });
        size.setValue(model.workingSizeProperty().get());
        size.valueProperty().addListener((o, was, now) -> {
            if (now != null) model.workingSizeProperty().set(now);
            else size.setValue(model.workingSizeProperty().get());
        });
        model.workingSizeProperty().addListener((o, was, now) -> size.setValue(now.intValue()));
        size.setTooltip(tip("controls.size.tip"));

        ComboBox<AspectMode> aspect = new ComboBox<>(FXCollections.observableArrayList(AspectMode.values()));
        aspect.setId("aspect-mode");
        aspect.setMaxWidth(Double.MAX_VALUE);
        aspect.setConverter(enumConverter("controls.aspect."));
        aspect.valueProperty().bindBidirectional(model.aspectModeProperty());
        aspect.setTooltip(tip("controls.aspect.tip"));

        Label result = new Label();
        result.setId("working-result");
        result.getStyleClass().add("hint");
        result.textProperty().bind(Bindings.createStringBinding(() -> {
            var w = model.getWorking();
            return w == null ? "" : Messages.format("controls.size.result", w.width(), w.height());
        }, model.workingProperty()));

        Button nativeSize = new Button(Messages.get("controls.size.native"));
        nativeSize.setId("working-native");
        nativeSize.setTooltip(tip("controls.size.native.tip"));
        nativeSize.setMinWidth(Region.USE_PREF_SIZE);
        nativeSize.disableProperty().bind(model.imageProperty().isNull());
        nativeSize.setOnAction(e -> model.useNativeWorkingSize());
        HBox sizeRow = new HBox(6, size, nativeSize);
        HBox.setHgrow(size, Priority.ALWAYS);

        GridPane g = form();
        g.addRow(0, label("controls.size", "controls.size.tip"), sizeRow);
        g.addRow(1, label("controls.aspect", "controls.aspect.tip"), aspect);
        g.add(result, 1, 2);
        return g;
    }

    private Node gridSection() {
        CheckBox snap = new CheckBox(Messages.get("controls.snap"));
        snap.setId("snap");
        snap.selectedProperty().bindBidirectional(model.snapToDivisorsProperty());
        snap.setTooltip(tip("controls.snap.tip"));

        CheckBox strideFollows = new CheckBox(Messages.get("controls.strideFollows"));
        strideFollows.setId("stride-follows");
        strideFollows.selectedProperty().bindBidirectional(model.strideFollowsPatchProperty());
        strideFollows.setTooltip(tip("controls.stride.tip"));
        Spinner<Integer> stride = intSpinner("stride", 1, PatchSizes.MAX,
                model.strideFollowsPatchProperty().get() ? model.getPatch() : model.strideProperty().get());
        stride.getValueFactory().valueProperty().addListener((o, was, now) -> model.strideProperty().set(now));
        stride.disableProperty().bind(model.strideFollowsPatchProperty());
        model.patchProperty().addListener((o, was, now) -> {
            if (model.strideFollowsPatchProperty().get()) stride.getValueFactory().setValue(now.intValue());
        });

        Spinner<Integer> offsetX = intSpinner("offset-x", 0, PatchSizes.MAX, 0);
        offsetX.getValueFactory().valueProperty().addListener((o, was, now) -> model.offsetXProperty().set(now));
        Spinner<Integer> offsetY = intSpinner("offset-y", 0, PatchSizes.MAX, 0);
        offsetY.getValueFactory().valueProperty().addListener((o, was, now) -> model.offsetYProperty().set(now));
        HBox offsets = new HBox(6, new Label("x"), offsetX, new Label("y"), offsetY);
        offsets.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        ComboBox<EdgePolicy> edge = new ComboBox<>(FXCollections.observableArrayList(EdgePolicy.values()));
        edge.setId("edge-policy");
        edge.setMaxWidth(Double.MAX_VALUE);
        edge.setConverter(enumConverter("controls.edge."));
        edge.valueProperty().bindBidirectional(model.edgePolicyProperty());
        edge.setTooltip(tip("controls.edge.tip"));

        GridPane g = form();
        // the patch-size slider itself sits under the viewer (PatchSizeBar), in view whatever the side panel shows
        g.add(snap, 1, 0);
        HBox strideRow = new HBox(8, stride, strideFollows);
        strideRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        g.addRow(1, label("controls.stride", "controls.stride.tip"), strideRow);
        g.addRow(2, label("controls.offset", "controls.offset.tip"), offsets);
        g.addRow(3, label("controls.edge", "controls.edge.tip"), edge);
        return g;
    }

    private Node appearanceSection() {
        GridStyle initial = model.gridStyleProperty().get();
        CheckBox show = new CheckBox(Messages.get("controls.showGrid"));
        show.setId("show-grid");
        show.setSelected(initial.visible());
        show.selectedProperty().addListener((o, was, now) -> update(s -> s.withVisible(now)));
        model.gridStyleProperty().addListener((o, was, now) -> show.setSelected(now.visible()));
        CheckBox labels = new CheckBox(Messages.get("controls.labels"));
        labels.setId("show-labels");
        labels.setSelected(initial.labels());
        labels.selectedProperty().addListener((o, was, now) -> update(s -> s.withLabels(now)));
        model.gridStyleProperty().addListener((o, was, now) -> labels.setSelected(now.labels()));
        labels.setTooltip(tip("controls.labels.tip"));

        ColorPicker color = new ColorPicker(initial.color());
        color.setId("grid-color");
        color.valueProperty().addListener((o, was, now) -> update(s -> s.withColor(now)));
        Slider width = new Slider(0.5, 4, initial.lineWidth());
        width.setId("grid-width");
        width.valueProperty().addListener((o, was, now) -> update(s -> s.withLineWidth(now.doubleValue())));
        Slider opacity = new Slider(0.1, 1, initial.opacity());
        opacity.setId("grid-opacity");
        opacity.valueProperty().addListener((o, was, now) -> update(s -> s.withOpacity(now.doubleValue())));

        GridPane g = form();
        g.add(new VBox(6, show, labels), 0, 0, 2, 1);
        g.addRow(1, label("controls.color", "controls.color.tip"), color);
        g.addRow(2, label("controls.lineWidth", "controls.lineWidth.tip"), width);
        g.addRow(3, label("controls.opacity", "controls.opacity.tip"), opacity);
        return g;
    }

    private void update(java.util.function.UnaryOperator<GridStyle> change) {
        model.gridStyleProperty().set(change.apply(model.gridStyleProperty().get()));
    }

    private static Spinner<Integer> intSpinner(String id, int min, int max, int value) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(80);
        return s;
    }

    private static <E extends Enum<E>> StringConverter<E> enumConverter(String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : Messages.get(prefix + e.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        };
    }
}
