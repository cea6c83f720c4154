package dev.patchexplorer.ui.choose;

import dev.patchexplorer.ui.Messages;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The rows that say what a sweep runs on: the shown image, or several files (a folder's pictures,
 * ImageNet class folders included, or files picked), with an optional labels CSV of true classes.
 * The choice takes its own line and the buttons wrap below it, so that the panel never scrolls sideways.
 */
final class ImagesPicker extends VBox {
    private static final List<String> PICTURES = List.of("*.png", "*.jpg", "*.jpeg", "*.tif", "*.tiff", "*.webp", "*.bmp", "*.gif");

    ImagesPicker(ChooseViewModel view, ChooseSweep sweep) {
        super(6);
        setId("choose-images-row");
        ChoiceBox<ChooseImages> which = new ChoiceBox<>(FXCollections.observableArrayList(ChooseImages.values()));
        which.setId("choose-images");
        which.setConverter(new StringConverter<>() {
            @Override
            public String toString(ChooseImages c) {
                return c == null ? "" : Messages.get(c == ChooseImages.SHOWN ? "choose.images.shown" : "choose.images.files");
            }

            @Override
            public ChooseImages fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        which.valueProperty().bindBidirectional(view.imagesProperty());
        which.setTooltip(new Tooltip(Messages.get("choose.images.tooltip")));

        Button folder = new Button(Messages.get("choose.images.folder"));
        folder.setId("choose-folder");
        folder.setTooltip(new Tooltip(Messages.get("choose.images.folder.tooltip")));
        folder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(Messages.get("choose.images.folder.title"));
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) sweep.useFolder(dir.toPath());
        });
        Button files = new Button(Messages.get("choose.images.files.pick"));
        files.setId("choose-files");
        files.setTooltip(new Tooltip(Messages.get("choose.images.files.tooltip")));
        files.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("choose.images.files.title"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("choose.images.filter"), PICTURES));
            List<File> picked = chooser.showOpenMultipleDialog(getScene().getWindow());
            if (picked != null && !picked.isEmpty()) sweep.useFiles(picked.stream().map(File::toPath).toList());
        });
        Button labels = new Button(Messages.get("choose.labels"));
        labels.setId("choose-labels");
        labels.setTooltip(new Tooltip(Messages.get("choose.labels.tooltip")));
        labels.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("choose.labels.title"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("choose.labels.filter"), "*.csv", "*.txt"));
            File csv = chooser.showOpenDialog(getScene().getWindow());
            if (csv != null) view.labelsFileProperty().set(csv.toPath());
        });
        Button noLabels = new Button(Messages.get("choose.labels.clear"));
        noLabels.setId("choose-labels-clear");
        noLabels.setOnAction(e -> view.labelsFileProperty().set(null));
        noLabels.disableProperty().bind(view.labelsFileProperty().isNull());
        Label summary = new Label();
        summary.setId("choose-files-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Path csv = view.labelsFileProperty().get();
            String text = view.filesSummaryProperty().get();
            return csv == null ? text : text + " " + Messages.format("choose.labels.file", csv.getFileName());
        }, view.filesSummaryProperty(), view.labelsFileProperty()));
        var shown = view.imagesProperty().isEqualTo(ChooseImages.SHOWN);
        labels.disableProperty().bind(shown);
        summary.visibleProperty().bind(shown.not());
        summary.managedProperty().bind(shown.not());
        which.setMinWidth(80);
        which.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(which, Priority.ALWAYS);
        FlowPane buttons = new FlowPane(6, 6, folder, files, labels, noLabels);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(ChoosePatchPane.row(new Label(Messages.get("choose.images")), which), buttons, summary);
    }
}
