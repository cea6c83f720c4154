package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.core.physical.PatchPhysics;
import dev.patchexplorer.core.physical.PhysicalScale;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.PhysicalUnits;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The readouts in physical units, shown while "Readouts in µm" is on: the patch's side on the slide,
 * the source pixels it reads, its field of view, patches per mm², magnification and the patches for a
 * tissue area. Value labels have the ids {@code readout-<name>} like the pixel readouts.
 */
final class PhysicalReadouts extends VBox {
    static final String[] ROWS = {"patchMicrons", "sourcePixels", "fieldOfView", "density", "magnification", "tissue"};

    private final ExplorerViewModel model;
    private final PhysicalUnits units;
    private final Map<String, Label> values = new LinkedHashMap<>();
    private final Map<String, Label> names = new LinkedHashMap<>();
    private final Label none = new Label(Messages.get("readout.physical.none"));

    PhysicalReadouts(ExplorerViewModel model) {
        this.model = model;
        this.units = model.physicalUnits();
        setId("physical-readouts");
        setSpacing(3);
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
            Label key = new Label(Messages.get("readout.physical." + name));
            key.getStyleClass().add("readout-name");
            key.setTooltip(ControlsPane.tip("readout.physical." + name + ".tip"));
            Label value = new Label();
            value.setId("readout-" + name);
            value.getStyleClass().add("readout-value");
            value.setWrapText(true);
            value.setMinHeight(Region.USE_PREF_SIZE);
            value.setTooltip(ControlsPane.tip("readout.physical." + name + ".tip"));
            values.put(name, value);
            names.put(name, key);
            table.addRow(row++, key, value);
        }
        none.setId("readout-physical-none");
        none.getStyleClass().add("hint");
        none.setWrapText(true);
        none.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(none, table);

        units.showMicronsProperty().addListener(x -> refresh());
        units.scaleProperty().addListener(x -> refresh());
        units.tissueMm2Property().addListener(x -> refresh());
        model.gridProperty().addListener(x -> refresh());
        model.workingProperty().addListener(x -> refresh());
        refresh();
    }

    private void refresh() {
        boolean on = units.showMicronsProperty().get();
        setVisible(on);
        setManaged(on);
        if (!on) return;
        PatchPhysics p = model.getGrid() == null ? null : units.patch();
        show(none, p == null);
        for (String name : ROWS) row(name, p != null);
        if (p == null) return;
        PhysicalScale s = units.getScale();
        boolean square = Math.abs(p.patchWidthMicrons() - p.patchHeightMicrons()) <= 1e-9 * p.patchWidthMicrons();
        set("patchMicrons", square ? Messages.format("readout.physical.patchMicrons.value", PhysicalUnitsPane.number(p.patchWidthMicrons()))
                : Messages.format("readout.physical.patchMicrons.rect", PhysicalUnitsPane.number(p.patchWidthMicrons()),
                PhysicalUnitsPane.number(p.patchHeightMicrons())));
        set("sourcePixels", Messages.format("readout.physical.sourcePixels.value", PhysicalUnitsPane.number(p.sourcePixelsX()),
                PhysicalUnitsPane.number(p.sourcePixelsY())));
        set("fieldOfView", Messages.format("readout.physical.fieldOfView.value", PhysicalUnitsPane.number(p.patchAreaMicrons2())));
        set("density", Messages.format("readout.physical.density.value", PhysicalUnitsPane.number(p.patchesPerMm2())));
        set("magnification", Messages.format("readout.physical.magnification.value",
                PhysicalUnitsPane.magnification(s.magnification()), PhysicalUnitsPane.magnification(p.workingMagnification())));
        double tissue = units.tissueMm2Property().get();
        row("tissue", tissue > 0);
        if (tissue > 0) {
            set("tissue", Messages.format("readout.physical.tissue.value", Units.count(p.patchesFor(tissue)),
                    PhysicalUnitsPane.number(tissue)));
        }
    }

    private void set(String name, String text) {
        values.get(name).setText(text);
    }

    private void row(String name, boolean shown) {
        show(values.get(name), shown);
        show(names.get(name), shown);
    }

    private static void show(Label l, boolean shown) {
        l.setVisible(shown);
        l.setManaged(shown);
    }
}
