package dev.patchexplorer.ui.present;

import dev.patchexplorer.ui.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The strip along the bottom of the image while presenting: the caption, and the toggle that shows
 * the folded side panels again. Hidden (and taking no room) otherwise.
 */
public final class PresentationBar extends HBox {
    public PresentationBar(PresentationMode mode, PresentationCaption caption) {
        setId("presentation-bar");
        getStyleClass().add("presentation-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(16);
        setPadding(new Insets(8, 16, 8, 16));
        setMaxHeight(Region.USE_PREF_SIZE);
        ToggleButton panels = new ToggleButton(Messages.get("presentation.panels"));
        panels.setId("presentation-panels");
        panels.setTooltip(new Tooltip(Messages.get("presentation.panels.tip")));
        panels.setMinWidth(Region.USE_PREF_SIZE);
        panels.selectedProperty().bindBidirectional(mode.panelsShownProperty());
        panels.setFocusTraversable(false); // arrows must reach the presets, not move focus
        caption.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(caption, Priority.ALWAYS);
        getChildren().addAll(caption, panels);
        visibleProperty().bind(mode.activeProperty());
        managedProperty().bind(mode.activeProperty());
        setPickOnBounds(false);
    }
}
