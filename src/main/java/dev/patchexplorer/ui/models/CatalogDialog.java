package dev.patchexplorer.ui.models;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.model.catalog.CatalogEntry;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.help.Dialogs;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Model > Model Catalog: the known checkpoints with architecture, size, licence and whether they are
 * on disk; Download (in the background, with progress and Cancel) and Load. Not modal, so the
 * window stays usable during a download.
 */
public final class CatalogDialog {
    private final CatalogViewModel vm;
    private final Stage stage = new Stage();

    public CatalogDialog(Window owner, CatalogViewModel vm) {
        this.vm = vm;
        if (owner != null) stage.initOwner(owner);
        stage.setTitle(Messages.get("catalog.title"));
        BorderPane root = new BorderPane();
        root.setId("catalog-dialog");
        root.setPadding(new Insets(12));
        Label intro = new Label(Messages.format("catalog.intro", vm.cache().root()));
        intro.setWrapText(true);
        intro.getStyleClass().add("hint");
        ScrollPane table = new ScrollPane(table());
        table.setFitToWidth(true);
        BorderPane.setMargin(table, new Insets(8, 0, 8, 0));
        root.setTop(intro);
        root.setCenter(table);
        root.setBottom(progressArea());
        Scene scene = new Scene(root, 1240, 640);
        scene.getStylesheets().add(Objects.requireNonNull(CatalogDialog.class.getResource("/dev/patchexplorer/ui/app.css"),
                "app.css missing from the build").toExternalForm());
        stage.setScene(scene);
        if (owner instanceof Stage main && !main.getIcons().isEmpty()) stage.getIcons().setAll(main.getIcons());
        stage.setOnShowing(e -> vm.refresh());
        Dialogs.closeOnEscape(stage); // a running download goes on in the background

    }

    private GridPane table() {
        GridPane grid = new GridPane();
        grid.setId("catalog-table");
        grid.setHgap(14);
        grid.setVgap(10);
        // the descriptions wrap in the first column; every other column keeps its full text
        ColumnConstraints name = new ColumnConstraints();
        name.setHgrow(Priority.ALWAYS);
        name.setMinWidth(240);
        name.setPrefWidth(430);
        grid.getColumnConstraints().add(name);
        for (int c = 1; c < 6; c++) {
            ColumnConstraints fixed = new ColumnConstraints();
            fixed.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.getColumnConstraints().add(fixed);
        }
        String[] headers = {"catalog.col.model", "catalog.col.architecture", "catalog.col.size", "catalog.col.licence",
                "catalog.col.status", ""};
        for (int c = 0; c < headers.length; c++) {
            Label h = new Label(headers[c].isEmpty() ? "" : Messages.get(headers[c]));
            h.getStyleClass().add("catalog-header");
            grid.add(h, c, 0);
        }
        int r = 1;
        for (CatalogViewModel.Row row : vm.rows()) addRow(grid, r++, row);
        return grid;
    }

    private void addRow(GridPane grid, int r, CatalogViewModel.Row row) {
        CatalogEntry e = row.entry();
        String id = nodeId(e);
        Label name = new Label(e.id());
        name.getStyleClass().add("catalog-name");
        Label description = new Label(CatalogTexts.description(e));
        description.setWrapText(true);
        description.getStyleClass().add("hint");
        // why the last download failed, on the row itself, so it stays beside the model it is about
        Label problem = new Label();
        problem.setId("catalog-problem-" + id);
        problem.setWrapText(true);
        problem.getStyleClass().add("catalog-failed");
        problem.textProperty().bind(row.problemProperty());
        problem.visibleProperty().bind(row.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox nameBox = new VBox(2, name, description, problem);
        Label size = new Label((e.weightsSizeExact() ? "" : "\u2248 ") + Units.bytes(e.weightsBytes()));
        VBox licence = new VBox(2, new Label(e.licence()));
        if (e.licenceUncertain()) {
            Label unconfirmed = new Label(Messages.get("catalog.licence.unconfirmed"));
            unconfirmed.getStyleClass().add("hint");
            licence.getChildren().add(unconfirmed);
        }
        Label status = new Label();
        status.setId("catalog-status-" + id);
        status.setWrapText(true);
        status.setMaxWidth(170);
        status.setMinWidth(120);
        status.textProperty().bind(Bindings.createStringBinding(() -> statusText(row), row.folderProperty(),
                row.cachedProperty(), vm.downloadingProperty(), row.problemProperty()));
        Button download = new Button(Messages.get("catalog.download"));
        download.setId("catalog-download-" + id);
        download.disableProperty().bind(vm.busyProperty().or(row.cachedProperty()));
        download.setOnAction(a -> vm.download(e));
        Button load = new Button(Messages.get("catalog.load"));
        load.setId("catalog-load-" + id);
        load.disableProperty().bind(row.folderProperty().isNull());
        load.setOnAction(a -> vm.load(e));
        HBox actions = new HBox(6, download, load);
        actions.setAlignment(Pos.TOP_LEFT); // beside the name, also when a failure makes the row tall
        grid.addRow(r, nameBox, new Label(e.architecture()), size, licence, status, actions);
        for (var n : grid.getChildren()) GridPane.setValignment(n, VPos.TOP);
    }

    private String statusText(CatalogViewModel.Row row) {
        CatalogEntry e = row.entry();
        if (e.equals(vm.downloadingProperty().get())) return Messages.get("catalog.status.downloading");
        Path folder = row.getFolder();
        if (folder == null) {
            return Messages.get(row.getProblem().isEmpty() ? "catalog.status.notDownloaded" : "catalog.status.failed");
        }
        return row.isCached() ? Messages.get("catalog.status.cached")
                : Messages.format("catalog.status.found", folder.getParent());
    }

    private VBox progressArea() {
        ProgressBar bar = new ProgressBar(0);
        bar.setId("catalog-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.busyProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button cancel = new Button(Messages.get("catalog.cancel"));
        cancel.setId("catalog-cancel");
        cancel.disableProperty().bind(vm.busyProperty().not());
        cancel.setOnAction(a -> vm.cancel());
        HBox barRow = new HBox(8, bar, cancel);
        barRow.setAlignment(Pos.CENTER_LEFT);
        Label progressText = new Label();
        progressText.setId("catalog-progress-text");
        progressText.textProperty().bind(vm.progressTextProperty());
        Label message = new Label();
        message.setId("catalog-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.outcomeProperty().addListener((o, was, now) -> {
            message.getStyleClass().removeAll("catalog-failed", "catalog-done");
            if (now == CatalogViewModel.Outcome.FAILED) message.getStyleClass().add("catalog-failed");
            if (now == CatalogViewModel.Outcome.DONE) message.getStyleClass().add("catalog-done");
        });
        return new VBox(4, barRow, progressText, message);
    }

    /** A catalog id as a node id: CSS selectors would read its dots as classes. */
    public static String nodeId(CatalogEntry e) {
        return e.id().replaceAll("[^A-Za-z0-9_-]", "-");
    }

    public Stage stage() {
        return stage;
    }

    public CatalogViewModel viewModel() {
        return vm;
    }
}
