package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.grid.PatchSizes;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The patch-size slider under the image: shared by every view, so it never leaves the window when
 * the side panel changes.
 */
public final class PatchSizeBar extends HBox {
    private final ExplorerViewModel model;
    private final Slider patchSlider = new Slider(PatchSizes.MIN, PatchSizes.MAX, 16);

    public PatchSizeBar(ExplorerViewModel model) {
        this.model = model;
        setId("patch-bar");
        getStyleClass().add("patch-bar");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));
        setMinHeight(Region.USE_PREF_SIZE);
        Label title = new Label(Messages.get("controls.patch"));
        title.setTooltip(ControlsPane.tip("controls.patch.tip"));
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label patchValue = new Label();
        patchValue.setId("patch-value");
        patchValue.getStyleClass().add("value-strong");
        patchValue.setMinWidth(Region.USE_PREF_SIZE);
        patchValue.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("controls.patchValue", model.getPatch()), model.patchProperty()));
        configureSlider();
        HBox.setHgrow(patchSlider, Priority.ALWAYS);
        patchSlider.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(title, patchValue, patchSlider);
    }

    public Slider patchSlider() {
        return patchSlider;
    }

    private void configureSlider() {
        patchSlider.setId("patch-slider");
        patchSlider.setMajorTickUnit(16);
        patchSlider.setMinorTickCount(3);
        patchSlider.setShowTickMarks(true);
        patchSlider.setShowTickLabels(false);
        patchSlider.setBlockIncrement(1);
        patchSlider.setValue(model.getPatch());
        patchSlider.setTooltip(ControlsPane.tip("controls.patch.tip"));
        // The slider proposes, the model decides (clamping, snapping); the slider then shows the decision.
        patchSlider.valueProperty().addListener((o, was, now) -> {
            int proposed = (int) Math.round(now.doubleValue());
            if (proposed != model.getPatch()) {
                int direction = Integer.signum(proposed - model.getPatch());
                if (model.snapToDivisorsProperty().get() && Math.abs(proposed - model.getPatch()) == 1) {
                    model.stepPatch(direction);
                } else {
                    model.setPatch(proposed);
                }
            }
            if (patchSlider.getValue() != model.getPatch() && !patchSlider.isValueChanging()) {
                patchSlider.setValue(model.getPatch());
            }
        });
        patchSlider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) patchSlider.setValue(model.getPatch());
        });
        model.patchProperty().addListener((o, was, now) -> {
            if (Math.round(patchSlider.getValue()) != now.intValue()) patchSlider.setValue(now.intValue());
        });
        // The slider's end follows the working image: past 128 px when its shorter side allows.
        model.workingProperty().addListener((o, was, now) -> followWorkingSize());
        followWorkingSize();
    }

    private void followWorkingSize() {
        var w = model.getWorking();
        int max = w == null ? PatchSizes.MAX : PatchSizes.largest(w.width(), w.height());
        if (patchSlider.getMax() == max) return;
        patchSlider.setMax(max);
        // about eight major ticks whatever the range: 16 px up to 128, coarser beyond
        patchSlider.setMajorTickUnit(max <= PatchSizes.MAX ? 16 : Math.max(16, Math.round(max / 8.0 / 16) * 16));
        patchSlider.setValue(model.getPatch());
    }
}
