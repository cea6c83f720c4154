package dev.patchexplorer.ui.panels;

import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.imagefile.PixelBudget;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Pixel under the cursor (original and working), the patch there, the image and the zoom. */
public final class StatusBar extends HBox {
    private final ExplorerViewModel model;
    private final Label position = new Label();
    private final Label patch = new Label();
    private final Label image = new Label();
    private final Label zoom = new Label();

    public StatusBar(ExplorerViewModel model) {
        this.model = model;
        getStyleClass().add("status-bar");
        setSpacing(16);
        setPadding(new Insets(3, 8, 3, 8));
        setAlignment(Pos.CENTER_LEFT);
        position.setId("status-position");
        patch.setId("status-patch");
        image.setId("status-image");
        zoom.setId("status-zoom");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(model.loadingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(position, patch, spacer, busy, image, zoom);
        model.imageProperty().addListener((o, was, now) -> showImage());
        model.workingProperty().addListener((o, was, now) -> showImage());
        showImage();
        showPointer(Double.NaN, Double.NaN);
    }

    private void showImage() {
        var img = model.getImage();
        WorkingResolution w = model.getWorking();
        if (img == null || w == null) {
            image.setText("");
            image.setTooltip(null);
        } else if (img.subsampled()) { // say the file is larger than what is shown
            image.setText(Messages.format("status.image.subsampled", img.name(), img.width(), img.height(), w.width(), w.height(),
                    img.originalWidth(), img.originalHeight(), img.subsampling()));
            image.setTooltip(new Tooltip(Messages.format("status.image.subsampled.tip",
                    PixelBudget.forThisHeap().maxPixels() / 1_000_000, img.subsampling())));
        } else {
            image.setText(Messages.format("status.image", img.name(), img.width(), img.height(), w.width(), w.height()));
            image.setTooltip(null);
        }
    }

    public void showZoom(double scale) {
        zoom.setText(Messages.format("status.zoom", Math.round(scale * 100)));
    }

    /** Shows the pixel and patch at an original-image point; NaN clears. */
    public void showPointer(double x, double y) {
        var img = model.getImage();
        WorkingResolution w = model.getWorking();
        PatchGrid g = model.getGrid();
        if (img == null || w == null || Double.isNaN(x) || x < 0 || y < 0 || x >= img.width() || y >= img.height()) {
            position.setText(Messages.get("status.pointer.none"));
            patch.setText("");
            return;
        }
        position.setText(Messages.format("status.pointer", (int) x, (int) y, (int) (x / w.scaleX()), (int) (y / w.scaleY())));
        int index = model.patchAtImagePoint(x, y);
        patch.setText(index < 0 ? Messages.get("status.patch.none")
                : Messages.format("status.patch", index, g.row(index), g.column(index)));
    }

    public String patchText() {
        return patch.getText();
    }
}
