package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.core.physical.PhysicalScale;
import dev.patchexplorer.core.physical.TilePreset;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.PhysicalUnits;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

import java.util.Locale;

/**
 * The image's physical scale: the µm/px field (filled from the file, or typed), where the value came
 * from, the px / µm switch for the readouts, the pathology tile presets and a tissue area to count for.
 */
public final class PhysicalUnitsPane extends GridPane {
    private final PhysicalUnits units;
    private final TextField mpp = new TextField();
    private final Label source = new Label();
    private final Label presetResult = new Label();

    public PhysicalUnitsPane(ExplorerViewModel model) {
        this.units = model.physicalUnits();
        setHgap(8);
        setVgap(6);
        setPadding(new Insets(6, 4, 6, 4));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(82);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        getColumnConstraints().addAll(labels, fields);

        mpp.setId("mpp-field");
        mpp.setPromptText(Messages.get("controls.mpp.prompt"));
        mpp.setPrefColumnCount(7);
        mpp.setTooltip(ControlsPane.tip("controls.mpp.tip"));
        mpp.setOnAction(e -> commitMpp());
        mpp.focusedProperty().addListener((o, was, now) -> {
            if (!now) commitMpp();
        });
        source.setId("mpp-source");
        source.getStyleClass().add("hint");
        source.setWrapText(true);
        source.setMinHeight(Region.USE_PREF_SIZE);

        CheckBox microns = new CheckBox(Messages.get("controls.microns"));
        microns.setId("show-microns");
        microns.setTooltip(ControlsPane.tip("controls.microns.tip"));
        microns.selectedProperty().bindBidirectional(units.showMicronsProperty());

        ComboBox<TilePreset> preset = new ComboBox<>(FXCollections.observableArrayList(TilePreset.values()));
        preset.setId("tile-preset");
        preset.setMaxWidth(Double.MAX_VALUE);
        preset.setPromptText(Messages.get("controls.preset.prompt"));
        preset.setTooltip(ControlsPane.tip("controls.preset.tip"));
        preset.setConverter(new StringConverter<>() {
            @Override
            public String toString(TilePreset t) {
                return t == null ? "" : Messages.format("controls.preset.item", t.tilePixels(), magnification(t.magnification()), t.encoders());
            }

            @Override
            public TilePreset fromString(String s) {
                return null;
            }
        });
        // the closed box shows the short form; the list names the encoders too
        preset.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(TilePreset t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? Messages.get("controls.preset.prompt")
                        : Messages.format("controls.preset.short", t.tilePixels(), magnification(t.magnification())));
            }
        });
        preset.valueProperty().addListener((o, was, now) -> {
            if (now != null) choose(now);
        });
        presetResult.setId("preset-result");
        presetResult.getStyleClass().add("hint");
        presetResult.setWrapText(true);
        presetResult.setMinHeight(Region.USE_PREF_SIZE);

        TextField tissue = new TextField();
        tissue.setId("tissue-area");
        tissue.setPrefColumnCount(7);
        tissue.setTooltip(ControlsPane.tip("controls.tissue.tip"));
        tissue.setOnAction(e -> units.tissueMm2Property().set(positiveOrZero(tissue.getText())));
        tissue.focusedProperty().addListener((o, was, now) -> {
            if (!now) units.tissueMm2Property().set(positiveOrZero(tissue.getText()));
        });

        HBox mppRow = new HBox(6, mpp, new Label(Messages.get("controls.mpp.unit")));
        mppRow.setAlignment(Pos.CENTER_LEFT);
        addRow(0, label("controls.mpp", "controls.mpp.tip"), mppRow);
        add(source, 1, 1);
        add(microns, 1, 2);
        addRow(3, label("controls.preset", "controls.preset.tip"), preset);
        add(presetResult, 1, 4);
        HBox tissueRow = new HBox(6, tissue, new Label(Messages.get("controls.tissue.unit")));
        tissueRow.setAlignment(Pos.CENTER_LEFT);
        addRow(5, label("controls.tissue", "controls.tissue.tip"), tissueRow);

        units.scaleProperty().addListener((o, was, now) -> {
            show(now);
            // the working size set for the old scale no longer reads at the preset's magnification
            preset.setValue(null);
            presetResult.setText("");
        });
        show(units.getScale());
    }

    private static Label label(String key, String tip) {
        Label l = new Label(Messages.get(key));
        l.setTooltip(ControlsPane.tip(tip));
        return l;
    }

    /** Enter or leaving the field: a positive number sets the scale by hand, an empty field goes back to the file's. */
    private void commitMpp() {
        String text = mpp.getText() == null ? "" : mpp.getText().trim().replace("µm", "").replace("μm", "").trim();
        if (text.isEmpty()) {
            units.setByHand(null);
            show(units.getScale());
            return;
        }
        double v;
        try {
            v = Double.parseDouble(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!PhysicalScale.isValid(v)) {
            source.setText(Messages.get("controls.mpp.invalid"));
            return;
        }
        PhysicalScale now = units.getScale();
        if (now != null && Math.abs(now.micronsPerPixel() - v) < 1e-12) return; // unchanged: keep its source
        units.setByHand(v);
    }

    private void show(PhysicalScale s) {
        mpp.setText(s == null ? "" : number(s.micronsPerPixel()));
        if (s == null) {
            source.setText(Messages.get("controls.mpp.none"));
        } else if (s.source() == PhysicalScale.Source.HAND) {
            source.setText(Messages.get("controls.mpp.byHand"));
        } else {
            String from = Messages.format("controls.mpp.fromFile",
                    Messages.get("controls.mpp.origin." + units.fileOriginProperty().get().name().toLowerCase(Locale.ROOT)));
            source.setText(s.anisotropic() ? from + " " + Messages.format("controls.mpp.anisotropic",
                    number(s.micronsPerPixelX()), number(s.micronsPerPixelY())) : from);
        }
    }

    private void choose(TilePreset t) {
        PhysicalUnits.PresetOutcome r = units.apply(t);
        String mag = magnification(t.magnification());
        if (units.getScale() == null) {
            presetResult.setText(Messages.get("controls.preset.needsMpp"));
        } else if (!r.applied()) {
            presetResult.setText(Messages.format("controls.preset.outOfRange", mag, Units.count(r.workingSize()),
                    PhysicalUnits.MIN_WORKING, PhysicalUnits.MAX_WORKING));
        } else {
            presetResult.setText(Messages.format("controls.preset.result", mag, r.workingSize(), t.tilePixels(),
                    number(t.tileMicrons()), number(r.sourcePixelsPerTile())));
        }
    }

    private static double positiveOrZero(String s) {
        try {
            double v = Double.parseDouble(s.trim().replace(',', '.'));
            return v > 0 && Double.isFinite(v) ? v : 0;
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }

    /** Up to four significant digits without trailing zeros: 0.5, 0.2527, 966, 37.74. */
    static String number(double v) {
        if (v >= 1000) return String.format(Locale.ROOT, "%,.0f", v);
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) return s;
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** 20 -> "20", 37.735849 -> "37.7". */
    static String magnification(double m) {
        String s = String.format(Locale.ROOT, "%.1f", m);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
